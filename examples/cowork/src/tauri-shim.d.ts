// Editor support only: this example is parsed by cutover, never built, so neither
// @tauri-apps/api nor react is installed. These declare just what the files use.

declare module '@tauri-apps/api/core' {
  export function invoke<T = unknown>(command: string, args?: Record<string, unknown>): Promise<T>;
}

declare module '@tauri-apps/api/event' {
  export interface Event<T> {
    event: string;
    id: number;
    payload: T;
  }
  export type UnlistenFn = () => void;
  export function listen<T>(event: string, handler: (event: Event<T>) => void): Promise<UnlistenFn>;
}

declare module 'react' {
  export function useEffect(effect: () => void | (() => void), deps?: readonly unknown[]): void;
}
