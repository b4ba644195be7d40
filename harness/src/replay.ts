import { ConfigError } from '../../core/src/errors.js';
import type { Finding } from '../../core/src/findings.js';
import { capSeq, checkSeq, foldSeqGaps } from './checks/seq.js';
import type { Difference } from './compare/compare.js';
import { startComparison } from './compare/live/start.js';
import type { LiveComparison } from './compare/live/types.js';
import type { HarnessContext } from './context.js';
import { getProfile } from './profiles/registry.js';
import { differenceFindings, finding, seqFindings } from './report/to-findings.js';
import { foldIntoDifferences, issueFindings, mergeViolations } from './checks/contract-merge.js';
import { generatedDirs, runOnce } from './run/run-once.js';
import { traceSource } from './trace/read.js';
import { lostSecrets, redactedObservationPaths, type LostSecret } from './trace/secret-refs.js';
import { REDACTED } from '../../core/src/redact/registry.js';
import { isStep, type BodyLine, type StepLine, type Trace } from './trace/types.js';
import { goldenAnswers } from './run/golden-answers.js';

export interface ReplayResult {
  findings: Finding[];
  differences: Difference[];
  /** What the new path said, in the trace's line form. */
  actual: BodyLine[];
  messages: number;
  /** Where the comparison ran: beside the exchange in a worker thread, or on the main thread (undefined: not run). */
  comparedIn?: LiveComparison['mode'];
}

/**
 * Sends a golden trace's steps to a target (the new path by default), then compares what
 * it said with what the trace says, checks the event seq on every connection, and holds
 * every payload of both sides to the manifest when one is configured.
 */
export interface ReplayOptions {
  role?: 'old' | 'new';
  /**
   * Compare in a worker thread (true), on the main thread (false), or by size (default: a thread
   * for large traces). A thread needs the built package and a second core.
   */
  thread?: boolean;
}

export async function replayTrace(ctx: HarnessContext, trace: Trace, opts: ReplayOptions = {}): Promise<ReplayResult> {
  const role = opts.role ?? 'new';
  const target = ctx.settings[role];
  const profile = getProfile(trace.header.profile);
  if (target && target.profile.name !== profile.name) {
    throw new ConfigError(`trace ${trace.header.scenario} was recorded with profile ${profile.name}, but harness.${role} speaks ${target.profile.name}`, {
      ...(trace.file ? { location: { file: trace.file, line: 1 } } : {}),
      hint: 'Both paths must speak the same envelope to be compared; set the profile per target.',
    });
  }
  // Most traces hold no redacted value at all: their text says so without walking every message.
  const redacted = traceSource(trace)?.includes(REDACTED) ?? true;
  const lost = redacted ? lostSecrets(trace) : [];
  if (lost.length) return { findings: lost.map((l) => lostFinding(trace, l)), differences: [], actual: [], messages: 0 };
  ctx.onProgress(`replay ${trace.header.scenario} on the ${role} path`);
  const steps = trace.lines.filter(isStep) as StepLine[];
  // Where the golden trace holds a redacted value, the new path answers with the real one: its
  // presence is compared, its value cannot be.
  const compare = redacted ? { ...ctx.settings.compare, mask: [...ctx.settings.compare.mask, ...redactedObservationPaths(trace)] } : ctx.settings.compare;
  const base = { profile, compare, noise: trace.header.noise };
  // Compared while the exchange runs: only naming and matching are left when it ends.
  const live = startComparison({ ...base, golden: { lines: trace.lines, text: traceSource(trace) } }, opts.thread === undefined ? {} : { thread: opts.thread });
  let run: Awaited<ReturnType<typeof runOnce>>;
  let differences: Difference[];
  try {
    run = await runOnce(ctx, role, steps, trace.file ?? `trace ${trace.header.scenario}`, (dataDir, home) => {
      live.begin(generatedDirs(dataDir, home));
      return (line, text) => live.observe(line, text);
    }, goldenAnswers(trace.lines, profile));
    differences = await live.end();
  } finally {
    await live.dispose();
  }
  // Each replayed line is located at the trace line of the step it followed.
  const stepLineOf = locateByStep(trace, run.lines);
  // A manifest problem only the new path has, in a message that differs, is part of that difference.
  const issues = ctx.contract ? foldIntoDifferences(mergeViolations(ctx.contract.check(trace.lines, profile), ctx.contract.check(run.lines, profile)), differences) : [];
  const seq = capSeq(foldSeqGaps(checkSeq(run.lines, profile), differences));
  const findings = differenceFindings(differences, trace.file, ctx.redactor);
  findings.push(...seqFindings(seq, trace.file, `replay of ${trace.header.scenario}`));
  findings.push(...issueFindings(issues, trace.file, (at) => trace.lines[at]?.line, stepLineOf));
  return { findings: dedupe(findings.map((f) => ctx.redactor.value(f))), differences, actual: run.lines, messages: run.lines.filter((l) => !isStep(l)).length, comparedIn: live.mode };
}

function lostFinding(trace: Trace, l: LostSecret): Finding {
  const what = l.step.type === 'request' ? `request ${l.step.command}` : 'raw line';
  return finding('replay-secret-lost', `${trace.header.scenario}: ${what} would send [REDACTED] as ${l.at} (the value was a secret, redacted when the trace was recorded), so the trace is not replayed`, {
    ...(trace.file ? { file: trace.file } : {}),
    ...(l.line !== undefined ? { line: l.line } : {}),
    hint: 'Write the value in the scenario as {"$secret": "NAME"} and record again: the trace keeps the name, and record and replay read the value from the environment variable NAME (or harness.secrets.NAME).',
  });
}

function locateByStep(trace: Trace, actual: readonly BodyLine[]): (at: number) => number | undefined {
  const stepLines = trace.lines.filter(isStep).map((l) => l.line);
  const map: (number | undefined)[] = [];
  let step = -1;
  for (const l of actual) {
    if (isStep(l)) step++;
    map.push(stepLines[step]);
  }
  return (at) => map[at];
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const k = `${f.id}\u0000${f.line ?? ''}\u0000${f.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
