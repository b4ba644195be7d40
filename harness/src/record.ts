import type { Finding } from '../../core/src/findings.js';
import { cutoverVersion } from '../../core/src/paths.js';
import { compareExchanges } from './compare/compare.js';
import { learnNoise } from './compare/noise.js';
import type { HarnessContext } from './context.js';
import { contractFindings, finding } from './report/to-findings.js';
import { runOnce, type RunResult } from './run/run-once.js';
import type { Scenario } from './scenario/types.js';
import { TRACE_FORMAT, TRACE_VERSION, type BodyLine, type Located, type Trace } from './trace/types.js';

export interface RecordOptions {
  /** Recordings of the old path; from 2 on, fields that differ between them are noise. */
  runs?: number;
  /** Which target to record (default the old path). */
  role?: 'old' | 'new';
}

export interface RecordResult {
  trace: Trace;
  findings: Finding[];
}

/** Runs a scenario on a target (old path by default) and turns the exchange into a golden trace. */
export async function recordScenario(ctx: HarnessContext, scenario: Scenario, opts: RecordOptions = {}): Promise<RecordResult> {
  const runs = Math.max(1, opts.runs ?? 1);
  const role = opts.role ?? 'old';
  const source = scenario.file ?? `built-in scenario ${scenario.name}`;
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) {
    ctx.onProgress(`record ${scenario.name}${runs > 1 ? ` (run ${i + 1}/${runs})` : ''} on the ${role} path`);
    results.push(await runOnce(ctx, role, scenario.steps, source));
  }
  const first = results[0]!;
  const findings: Finding[] = [];
  const noise = new Map<string, { scope: string; path: string }>();
  for (const other of results.slice(1)) {
    const diffs = await compareExchanges(first.lines, other.lines, {
      profile: first.profile,
      compare: ctx.settings.compare,
      noise: [],
      expectedDataDirs: dirs(first.dataDir),
      actualDataDirs: dirs(other.dataDir),
    });
    const learnt = learnNoise(diffs);
    for (const n of learnt.noise) noise.set(`${n.scope}\u0000${n.path}`, n);
    for (const u of learnt.unstable) {
      findings.push(finding('record-unstable', `${scenario.name}: two recordings of the ${role} path differ: ${u.subject} ${u.kind}`, {
        ...(scenario.file ? { file: scenario.file } : {}),
        hint: 'The old path is not deterministic here; add a wait step (until: an event) or ignore the message in harness.compare.',
      }));
    }
  }
  const lines = portable(first.lines, first, ctx.settings.configDir).map((l, i) => ({ ...l, line: i + 2 })) as Located<BodyLine>[];
  const trace: Trace = {
    file: undefined,
    header: {
      type: 'header',
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      scenario: scenario.name,
      profile: first.profile.name,
      transport: ctx.settings[role]!.transport,
      cutover: cutoverVersion(),
      recordedAt: new Date().toISOString(),
      runs,
      noise: [...noise.values()].sort((a, b) => a.scope.localeCompare(b.scope) || a.path.localeCompare(b.path)),
    },
    lines,
  };
  if (ctx.contract) {
    findings.push(...contractFindings(ctx.contract.check(first.lines, first.profile), scenario.file, () => undefined, `${role} path, while recording ${scenario.name}`));
  }
  return { trace, findings: findings.map((f) => ctx.redactor.value(f)) };
}

const dirs = (d: string | undefined) => (d ? [d] : []);

/** A golden trace is committed: the run's temp data dir and home, and the config folder, become placeholders. */
function portable(lines: BodyLine[], run: Pick<RunResult, 'dataDir' | 'home'>, configDir: string): BodyLine[] {
  const swaps = [
    ...(run.dataDir ? [[run.dataDir, '<dataDir>'] as const] : []),
    ...(run.home ? [[run.home, '<home>'] as const] : []),
    [configDir, '<configDir>'] as const,
  ].sort((a, b) => b[0].length - a[0].length);
  const fix = (v: unknown): unknown => {
    if (typeof v === 'string') {
      let s = v;
      for (const [from, to] of swaps) if (s.includes(from)) s = s.split(from).join(to);
      return s;
    }
    if (Array.isArray(v)) return v.map(fix);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fix(x)]));
    return v;
  };
  return lines.map((l) => fix(l) as BodyLine);
}
