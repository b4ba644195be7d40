/**
 * `cutover/harness`: record golden traces on the old path, replay them against the new
 * one, and check event streams, catch-up and crash recovery. Usable from the CLI
 * (`cutover record`, `cutover replay`), from the matrix (`runHarness`), and inside a
 * project's own vitest tests (`openTarget`, `recordScenario`, `replayTrace`).
 */
import type { LoadedConfig } from '../../core/src/config/index.js';
import { createContext, transportFor } from './context.js';
import { Runner } from './run/runner.js';
import type { ScenarioFunction } from './scenario/types.js';

export { verbs } from './verbs.js';
export { findingIds } from './finding-ids.js';

export { runHarness, type HarnessOptions, type HarnessResult, type UnitResult, type UpdateMode } from './run-harness.js';
export { recordScenario, type RecordOptions, type RecordResult } from './record.js';
export { replayTrace, type ReplayResult, type ReplayOptions } from './replay.js';
export { createContext, transportFor, type HarnessContext } from './context.js';
export { harnessSettings, type HarnessSettings, type TargetSettings, type CompareSettings, type Timeouts } from './settings.js';

export { readTrace, parseTrace, traceName } from './trace/read.js';
export { writeTrace, serializeTrace } from './trace/write.js';
export * from './trace/types.js';
export { loadScenario, loadScenarios } from './scenario/load.js';
export { createBuilder } from './scenario/builder.js';
export type { Scenario, ScenarioStep, ScenarioBuilder, ScenarioFunction } from './scenario/types.js';

export { compareExchanges, type Difference, type DifferenceKind, type CompareOptions } from './compare/compare.js';
export { Normalizer } from './compare/normalize.js';
export { canonical } from './compare/canonical.js';
export { learnNoise } from './compare/noise.js';
export { getPath, parsePath, formatPath } from './compare/json-path.js';
export { checkSeq, type SeqProblem } from './checks/seq.js';
export { Contract, type ContractViolation } from './checks/contract.js';

export { Client, type Received } from './client.js';
export { Runner, type RunnerOptions } from './run/runner.js';
export { PROFILES, getProfile, DEFAULT_PROFILE } from './profiles/registry.js';
export type { Profile, Incoming, RequestSpec, JsonObject } from './profiles/profile.js';
export { TRANSPORTS, createTransport } from './transports/registry.js';
export type { Transport, Channel, TransportEnv } from './transports/transport.js';
export { BUILTINS } from './scenarios/registry.js';
export type { BuiltinScenario, BuiltinName } from './scenarios/builtin.js';

/** Types a TS scenario file: `export default defineScenario((s) => { s.send('daemon_health') })`. */
export function defineScenario<T extends ScenarioFunction | { name?: string; description?: string; steps: unknown[] }>(scenario: T): T {
  return scenario;
}

/**
 * Starts a configured target (old or new path) with its main connection open, for tests:
 *
 *   const t = await openTarget(loaded, 'new');
 *   try { const r = await t.client().request({ command: 'daemon_health' }); } finally { await t.stop(); }
 */
export async function openTarget(loaded: LoadedConfig, role: 'old' | 'new'): Promise<Runner> {
  const ctx = createContext(loaded);
  const transport = transportFor(ctx, role);
  const runner = new Runner({
    transport,
    profile: transport.settings.profile,
    timeouts: ctx.settings.timeouts,
    maxFrameBytes: ctx.settings.maxFrameBytes,
    source: `harness.${role}`,
    secret: ctx.secret,
  });
  try {
    await runner.start();
  } catch (e) {
    await runner.stop();
    throw e;
  }
  return runner;
}
