import { randomBytes } from 'node:crypto';

/**
 * Every process cutover starts carries `CUTOVER_PROC=<run>:<n>` in its environment, and so does
 * everything it starts in turn (unless it clears its environment). That mark finds descendants
 * that left the process group (`setsid`, a daemon that double-forks) and the processes of a run
 * that was killed before it could stop them.
 */
export const PROC_MARK_VAR = 'CUTOVER_PROC';

let run: string | undefined;
let next = 1;

/** This cutover process's run id: its pid and a random part, so a reused pid is not mistaken for it. */
export function runId(): string {
  return (run ??= `${process.pid}-${randomBytes(4).toString("hex")}`);
}

/** A new mark for one supervised process (and its descendants). */
export function newMark(): string {
  return `${runId()}:${next++}`;
}

/** A process's environment: cutover's own (which it inherits), what it is given, less what must not pass on, plus its mark. */
export function environment(spec: { env?: Record<string, string>; unsetEnv?: readonly string[] }, mark: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...spec.env, [PROC_MARK_VAR]: mark };
  for (const name of spec.unsetEnv ?? []) delete env[name];
  return env;
}
