/** What the main thread and the heartbeat thread share: slots of the shared state, the messages, the line. */

export const ACTIVE = 0;
export const LOCK = 1;

export interface ThreadSetup {
  shared: SharedArrayBuffer;
  fd: number;
  interactive: boolean;
  dim: boolean;
  heartbeatMs: number;
  columns: number;
}

export type ThreadMessage = { type: 'start'; gen: number; label: string; startedAt: number; step: string } | { type: 'step'; gen: number; step: string };

/** `4 s`, `1 min 05 s`. */
export function elapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** The live line on a terminal (the time first, so a narrow terminal cuts the step, not the time); the heartbeat line in plain mode. */
export function line(label: string, step: string, ms: number, interactive: boolean): string {
  return interactive ? `${label} (${elapsed(ms)}): ${step}` : `${label}: still working, ${elapsed(ms)} so far: ${step}`;
}
