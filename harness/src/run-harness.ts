import fs from 'node:fs';
import path from 'node:path';
import type { LoadedConfig } from '../../core/src/config/index.js';
import { ConfigError, TransportError } from '../../core/src/errors.js';
import { countBySeverity, type Finding } from '../../core/src/findings.js';
import { toPosixRelative } from '../../core/src/paths.js';
import { createContext, type HarnessContext } from './context.js';
import { recordScenario } from './record.js';
import { replayTrace } from './replay.js';
import { finding, targetFailedFinding } from './report/to-findings.js';
import { BUILTIN_NAMES, type BuiltinScenario } from './scenarios/builtin.js';
import { BUILTINS, getBuiltin } from './scenarios/registry.js';
import { resolveBuiltins } from './scenarios/resolve.js';
import { runBuiltin } from './scenarios/run-builtin.js';
import { loadScenarios } from './scenario/load.js';
import { obsoleteTraces, selectTraces, TAPPED_KEPT } from './run/select-traces.js';
import { readTrace } from './trace/read.js';
import { writeTrace } from './trace/write.js';

export type UpdateMode = 'none' | 'new' | 'all';

export interface HarnessOptions {
  loaded: LoadedConfig;
  /** Golden traces to replay: scenario names or .jsonl paths, or 'all'. */
  traces?: string[] | 'all';
  /** Built-in scenarios to run, by name, or 'all'. Without traces and scenarios, everything configured runs. */
  scenarios?: string[] | 'all';
  /** Golden-trace hygiene as snapshot tools have it: none (CI), new (record missing ones), all (record again). */
  update?: UpdateMode;
  onProgress?: (line: string) => void;
}

export interface UnitResult {
  kind: 'trace' | 'builtin';
  name: string;
  /** inconclusive: a built-in scenario had nothing to observe; it counts as not passed. */
  status: 'passed' | 'failed' | 'skipped' | 'inconclusive';
  findings: Finding[];
  durationMs: number;
  /** Trace file, for kind trace. */
  file?: string;
  /** Why it was skipped. */
  reason?: string;
  /** The trace was (re)recorded in this run. */
  recorded?: 'new' | 'updated';
  /** Messages heard from the new path. */
  messages?: number;
  /** Where a trace's comparison ran: on the main thread, or beside the exchange in a worker thread. */
  comparedIn?: 'in-process' | 'worker';
}

export interface HarnessResult {
  ok: boolean;
  findings: Finding[];
  summary: string;
  durationMs: number;
  units: UnitResult[];
  /** The first target failure, when one happened (the CLI exits 3 with it). */
  targetError?: TransportError;
}

/**
 * The whole harness as one call: replays the golden traces against the new path and runs
 * the built-in scenarios. Target failures become `target-failed` findings so the other
 * checks still run; invalid config or traces throw ConfigError.
 */
export async function runHarness(opts: HarnessOptions): Promise<HarnessResult> {
  const started = Date.now();
  const ctx = createContext(opts.loaded, opts.onProgress);
  const update = opts.update ?? 'none';
  const both = opts.traces === undefined && opts.scenarios === undefined;
  const traceSel = both ? 'all' : (opts.traces ?? []);
  const builtinSel = both ? 'all' : (opts.scenarios ?? []);
  const scenarios = ctx.settings.scenarioPaths.length ? await loadScenarios(ctx.settings.scenarioPaths) : [];
  const units: UnitResult[] = [];
  const extra: Finding[] = [];
  let targetError: TransportError | undefined;

  const guarded = async (unit: Omit<UnitResult, 'status' | 'findings' | 'durationMs'>, body: () => Promise<Partial<UnitResult> & { findings: Finding[] }>) => {
    const t0 = Date.now();
    let r: Partial<UnitResult> & { findings: Finding[] };
    try {
      r = await body();
    } catch (e) {
      if (!(e instanceof TransportError)) throw e;
      targetError ??= e;
      const before = (e as TransportError & { findings?: Finding[] }).findings ?? [];
      r = { findings: [...before, targetFailedFinding(e, `${unit.kind === 'trace' ? 'replay of' : 'built-in scenario'} ${unit.name}`, unit.file)] };
    }
    const failed = r.findings.some((f) => f.severity === 'error');
    units.push({ ...unit, ...r, status: r.status ?? (failed ? 'failed' : 'passed'), durationMs: Date.now() - t0 });
  };

  for (const item of selectTraces(ctx, scenarios, traceSel)) {
    const file = item.file;
    await guarded({ kind: 'trace', name: item.name, file }, async () => {
      let recorded: UnitResult['recorded'];
      const findings: Finding[] = [];
      const exists = fs.existsSync(file);
      if (item.tapped && item.scenario && update === 'all') ctx.onProgress(`kept ${toPosixRelative(ctx.settings.configDir, file)}: ${TAPPED_KEPT}`);
      if (item.scenario && !item.tapped && (update === 'all' || (update === 'new' && !exists))) {
        const rec = await recordScenario(ctx, item.scenario, { runs: 2 });
        writeTrace(file, rec.trace, ctx.redactor);
        findings.push(...rec.findings);
        recorded = exists ? 'updated' : 'new';
      } else if (!exists) {
        return {
          status: 'failed',
          findings: [
            finding('trace-missing', `scenario ${item.name} has no golden trace at ${toPosixRelative(ctx.settings.configDir, file)}`, {
              ...(item.scenario?.file ? { file: item.scenario.file } : {}),
              hint: 'Record it: `cutover record` (or `cutover replay --update new`), then commit the trace.',
            }),
          ],
        };
      }
      const trace = readTrace(file);
      // Nothing sent, nothing answered: an empty exchange matches anything, so it proves nothing.
      if (!trace.lines.some((l) => l.type === 'request' || l.type === 'raw')) return emptyTrace(item.name, file, findings, recorded);
      const res = await replayTrace(ctx, trace);
      return { findings: [...findings, ...res.findings], messages: res.messages, ...(res.comparedIn ? { comparedIn: res.comparedIn } : {}), ...(recorded ? { recorded } : {}) };
    });
  }
  if (traceSel === 'all') extra.push(...obsoleteTraces(ctx, scenarios, update));

  for (const sel of selectBuiltins(ctx, builtinSel)) {
    if (sel.reason) {
      units.push({ kind: 'builtin', name: sel.scenario.name, status: 'skipped', reason: sel.reason, findings: [], durationMs: 0 });
      continue;
    }
    await guarded({ kind: 'builtin', name: sel.scenario.name }, async () => {
      const r = await runBuiltin(ctx, sel.scenario);
      return r.inconclusive ? { findings: r.findings, status: 'inconclusive', reason: `${r.inconclusive.why}; needs ${r.inconclusive.needs}` } : { findings: r.findings };
    });
  }

  // Fail closed: a harness check that checked nothing must not read as a pass, even when a
  // trace left without a scenario gives it a warning to show.
  if (!units.some((u) => u.status !== 'skipped')) {
    const asked = [traceSel === 'all' || traceSel.length ? 'no scenario in harness.scenarios' : '', builtinSel === 'all' || builtinSel.length ? 'no built-in scenario it can run' : ''].filter(Boolean);
    const obsolete = extra.filter((f) => f.id === 'trace-obsolete').map((f) => path.basename(f.file ?? ''));
    throw new ConfigError(`the harness has nothing to run: ${asked.join(' and ')}${obsolete.length ? ` (${obsolete.join(', ')} in the traces folder belong${obsolete.length === 1 ? 's' : ''} to no scenario)` : ''}`, {
      location: { file: ctx.settings.configFile },
      hint: 'Add scenarios (harness.scenarios) or configure the built-in scenarios (harness.builtins), with harness.old and harness.new.',
    });
  }
  const findings = [...units.flatMap((u) => u.findings), ...extra];
  const counts = countBySeverity(findings);
  const ran = units.filter((u) => u.status !== 'skipped');
  const traces = ran.filter((u) => u.kind === 'trace').length;
  const builtins = ran.filter((u) => u.kind === 'builtin').length;
  const failed = ran.filter((u) => u.status === 'failed').length;
  const inconclusive = ran.filter((u) => u.status === 'inconclusive').length;
  const verdict = [failed ? `${failed} failed` : '', inconclusive ? `${inconclusive} inconclusive` : ''].filter(Boolean).join(', ') || 'all passed';
  const summary = `${traces} trace${traces === 1 ? '' : 's'} replayed, ${builtins} built-in scenario${builtins === 1 ? '' : 's'} run: ${verdict} (${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'})`;
  // Fail closed: a check that had nothing to observe is not a pass.
  return { ok: counts.error === 0 && inconclusive === 0, findings, summary, durationMs: Date.now() - started, units, ...(targetError ? { targetError } : {}) };
}

function selectBuiltins(ctx: HarnessContext, wanted: string[] | 'all'): { scenario: BuiltinScenario; reason?: string }[] {
  const b = resolveBuiltins(ctx.settings);
  const enabled = ctx.settings.builtins.enabled;
  const all = wanted === 'all';
  const names = all ? (enabled ?? BUILTINS.map((s) => s.name)) : wanted;
  const explicit = !all || enabled !== undefined;
  return names.map((name) => {
    const scenario = getBuiltin(name);
    if (!scenario) throw new ConfigError(`unknown built-in scenario "${name}"`, { hint: `Built-in scenarios: ${BUILTIN_NAMES.join(', ')}.` });
    const reason = scenario.unavailable(b, ctx.settings);
    if (reason && explicit) {
      throw new ConfigError(`built-in scenario ${name} cannot run: it ${reason}`, { location: { file: ctx.settings.configFile }, hint: 'Configure what it needs, or leave it out of harness.builtins.enabled.' });
    }
    return reason ? { scenario, reason } : { scenario };
  });
}

const NOTHING_SENT = 'the trace holds no request: nothing to compare';

/** A trace with no request to send is inconclusive, never passed (a tap that heard no traffic writes one). */
function emptyTrace(name: string, file: string, before: Finding[], recorded: UnitResult['recorded']): Partial<UnitResult> & { findings: Finding[] } {
  const f = finding('scenario-inconclusive', `replay of ${name} is inconclusive: ${NOTHING_SENT}`, {
    file,
    line: 1,
    hint: 'Record it from traffic: a scenario with steps (cutover record), or cutover tap while the app sends requests.',
    data: { scenario: name, needs: 'a trace with at least one request' },
  });
  return { status: 'inconclusive', reason: NOTHING_SENT, findings: [...before, f], messages: 0, ...(recorded ? { recorded } : {}) };
}
