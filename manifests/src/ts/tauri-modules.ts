/** Modules whose `invoke`, `listen` and `once` are Tauri's (v1 and v2). Kept apart so config defaults do not load the TypeScript compiler. */
export const DEFAULT_TAURI_MODULES = [
  '@tauri-apps/api',
  '@tauri-apps/api/core',
  '@tauri-apps/api/tauri',
  '@tauri-apps/api/event',
  '@tauri-apps/api/window',
  '@tauri-apps/api/webview',
  '@tauri-apps/api/webviewWindow',
];
