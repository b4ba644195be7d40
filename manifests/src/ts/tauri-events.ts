/**
 * Tauri's own enum of its built-in events, `TauriEvent` of `@tauri-apps/api/event`: a fixed
 * list, so `listen(TauriEvent.WINDOW_FOCUS, …)` is `listen('tauri://focus', …)` though the
 * package is never read. Its members as Tauri declares them in `@tauri-apps/api`'s
 * `src/event.ts`: v2 (WINDOW_* through DRAG_LEAVE) and the v1-only ones (WINDOW_FILE_DROP*, MENU
 * and the updater's), which no v2 member's name clashes with. No @tauri-apps/api is installed
 * here to read, so the list is written out; a member not in it stays unresolved.
 */
import { ts } from './syntax.js';
import type { Value } from './value-types.js';

const SOURCE = `
export enum TauriEvent {
  WINDOW_RESIZED = 'tauri://resize',
  WINDOW_MOVED = 'tauri://move',
  WINDOW_CLOSE_REQUESTED = 'tauri://close-requested',
  WINDOW_DESTROYED = 'tauri://destroyed',
  WINDOW_FOCUS = 'tauri://focus',
  WINDOW_BLUR = 'tauri://blur',
  WINDOW_SCALE_FACTOR_CHANGED = 'tauri://scale-change',
  WINDOW_THEME_CHANGED = 'tauri://theme-changed',
  WINDOW_CREATED = 'tauri://window-created',
  WEBVIEW_CREATED = 'tauri://webview-created',
  DRAG_ENTER = 'tauri://drag-enter',
  DRAG_OVER = 'tauri://drag-over',
  DRAG_DROP = 'tauri://drag-drop',
  DRAG_LEAVE = 'tauri://drag-leave',
  WINDOW_FILE_DROP = 'tauri://file-drop',
  WINDOW_FILE_DROP_HOVER = 'tauri://file-drop-hover',
  WINDOW_FILE_DROP_CANCELLED = 'tauri://file-drop-cancelled',
  MENU = 'tauri://menu',
  CHECK_UPDATE = 'tauri://update',
  UPDATE_AVAILABLE = 'tauri://update-available',
  INSTALL_UPDATE = 'tauri://update-install',
  STATUS_UPDATE = 'tauri://update-status',
  DOWNLOAD_PROGRESS = 'tauri://update-download-progress',
}
export const eventModule = { TauriEvent };
export const apiModule = { event: eventModule };
`;

let file: ts.SourceFile | undefined;

function declared(name: 'TauriEvent' | 'eventModule' | 'apiModule'): ts.Node {
  file ??= ts.createSourceFile('/@tauri-apps/api/event.ts', SOURCE, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  for (const st of file.statements) {
    if (ts.isEnumDeclaration(st) && st.name.text === name) return st;
    if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === name) return d.initializer!;
  }
  throw new Error(`no ${name}`);
}

/** What an import from Tauri's API holds when it is (or leads to) `TauriEvent`; undefined otherwise. */
export function tauriEventsValue(module: string, name: string): Value | undefined {
  if (name === 'TauriEvent' && (module === '@tauri-apps/api/event' || module === '@tauri-apps/api')) return { t: 'enum', node: declared('TauriEvent') };
  if ((name === '*' && module === '@tauri-apps/api/event') || (name === 'event' && module === '@tauri-apps/api')) return { t: 'obj', node: declared('eventModule'), env: undefined };
  if (name === '*' && module === '@tauri-apps/api') return { t: 'obj', node: declared('apiModule'), env: undefined };
  return undefined;
}
