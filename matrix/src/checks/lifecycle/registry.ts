import { expectExitStep } from './steps/expect-exit.js';
import { expectFileStep } from './steps/expect-file.js';
import { expectLogStep } from './steps/expect-log.js';
import { expectPidFileStep } from './steps/expect-pid-file.js';
import { expectSameStep } from './steps/expect-same.js';
import { killWhenStep } from './steps/kill-when.js';
import { readyStep } from './steps/ready.js';
import { requestStep } from './steps/request.js';
import { restartStep } from './steps/restart.js';
import { runStep } from './steps/run.js';
import { signalStep } from './steps/signal.js';
import { staleStep } from './steps/stale.js';
import { startStep } from './steps/start.js';
import { stopStep } from './steps/stop.js';
import type { StepKind } from './types.js';

/** Every lifecycle step kind, by its key. Adding one: a file under steps/, an entry below, a fixture under test/fixtures/matrix/checks/lifecycle/. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step narrows its own value; the schema ties value to key
export const STEP_KINDS: readonly StepKind<any>[] = [
  startStep,
  readyStep,
  requestStep,
  signalStep,
  expectExitStep,
  expectFileStep,
  expectLogStep,
  expectPidFileStep,
  restartStep,
  expectSameStep,
  stopStep,
  killWhenStep,
  staleStep,
  runStep,
];

/** A step as written, `{ key: value }`: its kind and value. */
export function stepOf(step: Record<string, unknown>): { kind: StepKind; value: unknown } | undefined {
  const key = Object.keys(step)[0];
  const kind = STEP_KINDS.find((k) => k.key === key);
  return kind && key ? { kind, value: step[key] } : undefined;
}
