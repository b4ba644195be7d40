import path from 'node:path';
import { UsageError } from '../../../core/src/errors.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { githubAnnotations, inGitHubActions } from '../../../core/src/format-findings.js';
import type { Verb } from '../../../core/src/cli/verb.js';
import type { UpdateMode } from '../run-harness.js';

export const replayVerb: Verb = {
  name: 'replay',
  summary: 'Replay golden traces against the new path and run the built-in scenarios',
  description: `Sends each golden trace's requests and control steps to the new path (harness.new, usually the daemon on
a socket) and compares every response and event after normalization (ids renamed consistently, times and
UUIDs detected, ignored/masked paths, learnt noise). Each difference is shown with its JSON path and a diff,
classified missing, extra, changed value, changed type, reordered or duplicated. Event seq is checked on every
connection, payloads against the manifests (harness.contract), and the built-in scenarios (catch-up, crash
recovery, auth, …) run against the new path. Exit 0 clean, 1 findings, 2 bad trace or config, 3 target failed.`,
  positionals: [{ name: 'scenario', description: 'Scenario names or .jsonl traces (default: all, plus the built-in scenarios)', variadic: true }],
  options: {
    update: { type: 'string', valueName: 'none|new|all', description: 'none: compare only (CI); new: record missing traces first; all: record every trace again and drop obsolete ones (default none)' },
    builtin: { type: 'string', multiple: true, valueName: 'NAME', description: 'Run this built-in scenario; alone, only the named ones run' },
    'skip-builtins': { type: 'boolean', description: 'Replay the traces only' },
    junit: { type: 'string', valueName: 'FILE', description: 'Also write a JUnit XML report here' },
  },
  examples: ['cutover replay', 'cutover replay --update new', 'cutover replay basic --skip-builtins', 'cutover replay --builtin catchup --builtin auth --json', 'cutover replay --junit reports/replay.xml'],
  async run(ctx) {
    const { printUnits } = await import('../report/human.js');
    const { junitXml } = await import('../report/junit.js');
    const { runHarness } = await import('../run-harness.js');
    const update = (ctx.values.update ?? 'none') as UpdateMode;
    if (!['none', 'new', 'all'].includes(update)) throw new UsageError(`--update expects none, new or all, found "${String(update)}"`);
    const builtins = (ctx.values.builtin as string[] | undefined) ?? [];
    const skip = ctx.values['skip-builtins'] === true;
    if (skip && builtins.length) throw new UsageError('--builtin and --skip-builtins contradict each other');
    const loaded = await ctx.loadConfig();
    const named = ctx.positionals;
    const traces = named.length ? named : builtins.length ? [] : 'all';
    const scenarios = skip ? [] : builtins.length ? builtins : named.length ? [] : 'all';
    const { startProgress } = await import('../../../core/src/progress.js');
    const progress = startProgress(ctx.out, 'cutover replay', { env: ctx.env });
    const result = await runHarness({
      loaded,
      traces,
      scenarios,
      update,
      onProgress: (line) => {
        progress.step(line);
        ctx.out.info(ctx.out.style.dim(`cutover: ${line}`));
      },
    }).finally(() => progress.stop());
    const junit = ctx.values.junit;
    if (typeof junit === 'string') {
      const { writeRedactedText } = await import('../../../core/src/redact/write.js');
      writeRedactedText(path.resolve(ctx.cwd, junit), junitXml(result.units, ctx.cwd));
    }
    const { appendStepSummary } = await import('../../../core/src/step-summary.js');
    const { replayMarkdown } = await import('../report/step-summary.js');
    appendStepSummary(ctx.env, replayMarkdown(result.units, result.targetError ? `the target failed: ${result.targetError.message}` : result.summary, result.ok && !result.targetError));
    if (result.targetError) {
      if (!ctx.out.json) printUnits(ctx.out, result.units, result.findings, ctx.cwd);
      throw result.targetError;
    }
    if (ctx.out.json) {
      const units = result.units.map((u) => (u.file ? { ...u, file: toPosixRelative(ctx.cwd, u.file) } : u));
      ctx.out.printJson({ ok: result.ok, summary: result.summary, durationMs: result.durationMs, units, findings: result.findings });
    } else {
      printUnits(ctx.out, result.units, result.findings, ctx.cwd);
      ctx.out.print();
      ctx.out.print(result.ok ? ctx.out.style.green(result.summary) : ctx.out.style.red(result.summary));
      if (inGitHubActions(ctx.env)) for (const a of githubAnnotations(result.findings, ctx.cwd)) ctx.out.stdout.write(`${a}\n`);
    }
    return result.ok ? 0 : 1;
  },
};
