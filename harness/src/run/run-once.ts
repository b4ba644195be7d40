import type { HarnessContext } from '../context.js';
import { transportFor } from '../context.js';
import type { GeneratedDir } from '../compare/normalize.js';
import type { Profile } from '../profiles/profile.js';
import type { ScenarioStep } from '../scenario/types.js';
import type { BodyLine, StepLine } from '../trace/types.js';
import { Runner } from './runner.js';

export interface RunResult {
  lines: BodyLine[];
  /** The target's temp data dir during the run (gone now), for path normalization. */
  dataDir: string | undefined;
  /** Its home folder of its own, when it had one (gone now). */
  home: string | undefined;
  profile: Profile;
}

/** Starts a target, runs the steps, lets the last events arrive, ends the target whatever happened. */
export async function runOnce(
  ctx: HarnessContext,
  role: 'old' | 'new',
  steps: readonly (ScenarioStep | StepLine)[],
  source: string,
  /** Called once the target is up (its data dir known); what it returns sees every line. */
  observe?: (dataDir: string | undefined, home: string | undefined) => (line: BodyLine, text?: string) => void,
  /** A replay's golden answers by `as` name (see Runner's golden). */
  golden?: ReadonlyMap<string, unknown>,
): Promise<RunResult> {
  const transport = transportFor(ctx, role);
  const s = ctx.settings;
  const runner = new Runner({
    transport,
    profile: transport.settings.profile,
    timeouts: s.timeouts,
    maxFrameBytes: s.maxFrameBytes,
    source,
    onProgress: ctx.onProgress,
    secret: ctx.secret,
    ...(golden ? { golden } : {}),
  });
  try {
    await transport.start();
    const { dataDir, home } = transport.vars();
    runner.onLine = observe?.(dataDir, home);
    await runner.open('main');
    await runner.runAll(steps);
    const lines = await runner.finish();
    return { lines, dataDir, home, profile: transport.settings.profile };
  } finally {
    await runner.stop();
  }
}

/** The folders a run generated, whose paths are renamed (to <dataDir>, <home>) before comparing. */
export function generatedDirs(dataDir: string | undefined, home: string | undefined): GeneratedDir[] {
  return [...(dataDir ? [dataDir] : []), ...(home ? [{ path: home, as: '<home>' }] : [])];
}
