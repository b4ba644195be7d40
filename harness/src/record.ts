import type { Finding } from '../../core/src/findings.js';
import { cutoverVersion } from '../../core/src/paths.js';
import { compareExchanges, type Difference } from './compare/compare.js';
import { learnNoise } from './compare/noise.js';
import type { HarnessContext } from './context.js';
import { finding } from './report/to-findings.js';
import { issueFindings, mergeViolations } from './checks/contract-merge.js';
import { generatedDirs, runOnce, type RunResult } from './run/run-once.js';
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
  const varied: Difference[] = [];
  for (const other of results.slice(1)) {
    const diffs = await compareExchanges(first.lines, other.lines, {
      profile: first.profile,
      compare: ctx.settings.compare,
      noise: [],
      expectedDataDirs: generatedDirs(first.dataDir, first.home),
      actualDataDirs: generatedDirs(other.dataDir, other.home),
      // Every varying value on its own: each noise rule is as narrow as what varied.
      maxDifferences: Infinity,
      maxPerMessage: Infinity,
      group: false,
    });
    varied.push(...diffs);
  }
  // All recordings at once: a rule covers every way its place varied.
  const learnt = learnNoise(varied);
  for (const u of learnt.unstable.slice(0, 20)) {
    findings.push(finding('record-unstable', `${scenario.name}: two recordings of the ${role} path differ: ${u.subject} ${u.kind}${u.after ? ` ${u.after}` : ''}`, {
      ...(scenario.file ? { file: scenario.file } : {}),
      hint: 'The old path is not deterministic here; add a wait step (until: an event) or ignore the message in harness.compare.',
    }));
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
      noise: learnt.noise,
    },
    lines,
  };
  if (ctx.contract) {
    const issues = mergeViolations([], ctx.contract.check(first.lines, first.profile));
    findings.push(...issueFindings(issues, scenario.file, () => undefined, () => undefined, { golden: '', both: '', actual: `${role} path, while recording ${scenario.name}` }));
  }
  return { trace, findings: findings.map((f) => ctx.redactor.value(f)) };
}


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
