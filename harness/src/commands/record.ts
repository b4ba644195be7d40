import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../../core/src/errors.js';
import { ConfigError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import type { Verb } from '../../../core/src/cli/verb.js';
import type { Scenario } from '../scenario/types.js';

export const recordVerb: Verb = {
  name: 'record',
  summary: 'Record golden traces: run each scenario on the old path and write what it said',
  description: `Starts the old path (harness.old, usually the sidecar on stdio), runs each scenario's requests and
control steps, and writes the exchange in arrival order to <harness.traces>/<scenario>.jsonl, secrets redacted.
With --runs 2 or more the old path is recorded that many times and every field that differs between the
runs is stored as noise, so replay never flags it. Exit 0, or 1 when a payload breaks the manifest or the
old path is not stable; 2 on a bad scenario or config; 3 when the target fails.`,
  positionals: [{ name: 'scenario', description: 'Scenario names or files (default: every scenario in harness.scenarios)', variadic: true }],
  options: {
    runs: { type: 'integer', min: 1, max: 20, description: 'Record N times and learn the noise between them (default 1)' },
    target: { type: 'string', valueName: 'old|new', description: 'Which path to record (default old)' },
    'out-dir': { type: 'string', valueName: 'DIR', description: 'Write traces here instead of harness.traces' },
  },
  examples: ['cutover record', 'cutover record --runs 2', 'cutover record basic --json'],
  async run(ctx) {
    const { createContext } = await import('../context.js');
    const { recordScenario } = await import('../record.js');
    const { printFindingsWithDiffs } = await import('../report/human.js');
    const { writeTrace } = await import('../trace/write.js');
    const runs = (ctx.values.runs as number | undefined) ?? 1;
    const role = ctx.values.target ?? 'old';
    if (role !== 'old' && role !== 'new') throw new UsageError(`--target expects old or new, found "${String(role)}"`);
    const loaded = await ctx.loadConfig();
    const { startProgress } = await import('../../../core/src/progress.js');
    const progress = startProgress(ctx.out, 'cutover record', { env: ctx.env });
    const h = createContext(loaded, (line) => {
      progress.step(line);
      ctx.out.info(ctx.out.style.dim(`cutover: ${line}`));
    });
    const scenarios = await pick(ctx.positionals, h.settings.scenarioPaths, ctx.cwd);
    const outDir = typeof ctx.values['out-dir'] === 'string' ? path.resolve(ctx.cwd, ctx.values['out-dir']) : h.settings.tracesDir;
    const written: { scenario: string; file: string; lines: number; noise: number }[] = [];
    const findings: Finding[] = [];
    try {
      for (const s of scenarios) {
        progress.step(`recording ${s.name}`);
        const r = await recordScenario(h, s, { runs, role });
        const file = path.join(outDir, `${s.name}.jsonl`);
        writeTrace(file, r.trace, h.redactor);
        written.push({ scenario: s.name, file: toPosixRelative(ctx.cwd, file), lines: r.trace.lines.length, noise: r.trace.header.noise.length });
        findings.push(...r.findings);
      }
    } finally {
      progress.stop();
    }
    const ok = !findings.some((f) => f.severity === 'error');
    if (ctx.out.json) {
      ctx.out.printJson({ ok, traces: written, findings });
    } else {
      for (const w of written) {
        ctx.out.print(`recorded ${w.scenario} → ${w.file} ${ctx.out.style.dim(`(${w.lines} lines${w.noise ? `, ${w.noise} noise field${w.noise === 1 ? '' : 's'}` : ''})`)}`);
      }
      if (findings.length) {
        ctx.out.print();
        printFindingsWithDiffs(ctx.out, findings, ctx.cwd);
      }
    }
    return ok ? 0 : 1;
  },
};

async function pick(wanted: string[], configured: string[], cwd: string): Promise<Scenario[]> {
  const { loadScenario, loadScenarios } = await import('../scenario/load.js');
  const all = configured.length ? await loadScenarios(configured) : [];
  if (!wanted.length) {
    if (!all.length) throw new ConfigError('no scenarios to record', { hint: 'List scenario files or folders under harness.scenarios, or pass a scenario file.' });
    return all;
  }
  const out: Scenario[] = [];
  for (const w of wanted) {
    const named = all.find((s) => s.name === w);
    if (named) out.push(named);
    else if (fs.existsSync(path.resolve(cwd, w))) out.push(await loadScenario(path.resolve(cwd, w)));
    else throw new UsageError(`unknown scenario "${w}"`, { hint: `Configured scenarios: ${all.map((s) => s.name).join(', ') || '(none)'}; or pass a scenario file.` });
  }
  return out;
}
