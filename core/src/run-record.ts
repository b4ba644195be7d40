/**
 * One thing a check really ran (a command, a request loop), as evidence records it. Shared by the
 * matrix, which makes these records, and the evidence writer, which writes them down.
 */
export interface RunRecord {
  /** What ran, as a person would type or describe it. */
  command: string;
  exitCode: number | null;
  durationMs: number;
  /** Tail of the combined output, already redacted. */
  output: string;
  passed: boolean;
}
