import path from 'node:path';
import type { Verb } from '../../../core/src/cli/verb.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { hostOs } from '../matrix-file/cells.js';
import { parseShard } from '../run/shard.js';

export const matrixRunVerb: Verb = {
  name: 'run',
  summary: 'Run this machine\'s cells of the validation matrix; write the report and the evidence',
  description: `Runs every applicable cell for this operating system (each row × service mode), one at a time, each
within its row's limit, against a freshly started target when the row names one. Writes a JSON report tied
to the git commit (HEAD plus a fingerprint of uncommitted changes) and rewrites the machine-written blocks
of the covered tasks' evidence files. Exit 1 when a required cell fails or cannot run.`,
  options: {
    filter: { type: 'string', multiple: true, valueName: 'EXPR', description: 'Only cells matching: row=GLOB, task=ID, area=NAME, kind=NAME, mode=NAME, or a bare row/task id' },
    shard: { type: 'string', valueName: 'I/N', description: 'Run shard I of N of this OS\'s rows (as `matrix plan` splits them)' },
    out: { type: 'string', valueName: 'FILE', description: 'Report file (default: report.json in matrix.outDir; report-<os>-<i>of<n>.json with --shard)' },
    junit: { type: 'string', valueName: 'FILE', description: 'Also write the cells this run ran as JUnit XML (not-applicable cells of this OS as skipped)' },
    'no-evidence': { type: 'boolean', description: 'Do not write evidence files' },
  },
  examples: ['cutover matrix run', 'cutover matrix run --filter area=security', 'cutover matrix run --shard 2/3 --json', 'cutover matrix run --junit reports/matrix.xml'],
  async run(ctx) {
    const { loadMatrixFile } = await import('../matrix-file/load.js');
    const { progressPrinter, statusLabel } = await import('../run/progress.js');
    const { runMatrix } = await import('../run/runner.js');
    const { matrixSettings, reportFileFor, requireMatrixFile } = await import('../settings.js');
    const loaded = await ctx.loadConfig();
    const settings = matrixSettings(loaded);
    const matrix = loadMatrixFile(requireMatrixFile(loaded));
    const shard = typeof ctx.values.shard === 'string' ? parseShard(ctx.values.shard) : undefined;
    const reportFile = reportFileFor(settings, hostOs() ?? 'linux', shard, ctx.values.out as string | undefined, ctx.cwd);
    const printer = progressPrinter(ctx.out, ctx.env);
    const result = await runMatrix({
      loaded,
      matrix,
      settings: { ...settings, writeEvidence: settings.writeEvidence && ctx.values['no-evidence'] !== true },
      reportFile,
      filter: (ctx.values.filter as string[] | undefined) ?? [],
      ...(shard ? { shard } : {}),
      onEvent: printer,
    }).finally(() => printer.stop());
    // What this run ran; a --filter run's report also keeps the earlier results of the same tree.
    const ran = result.report.cells.filter((c) => c.runId === result.runId);
    const blocking = ran.filter((c) => c.required && c.status !== 'passed');
    const { out } = ctx;
    const { matrixJunit, matrixMarkdown } = await import('../run/report-formats.js');
    const { appendStepSummary } = await import('../../../core/src/step-summary.js');
    const host = hostOs() ?? 'linux';
    appendStepSummary(ctx.env, matrixMarkdown(ran, result.report.cells, `${host}${shard ? `, shard ${shard.index}/${shard.total}` : ''}`));
    if (typeof ctx.values.junit === 'string') {
      const { writeRedactedText } = await import('../../../core/src/redact/write.js');
      const file = path.resolve(ctx.cwd, ctx.values.junit);
      writeRedactedText(file, matrixJunit(ran, result.report.cells, host));
      out.info(`matrix: wrote JUnit to ${toPosixRelative(ctx.cwd, file)}`);
    }
    if (out.json) {
      out.printJson({ ok: blocking.length === 0, reportFile: result.reportFile, summary: result.report.summary, commit: result.report.commit, evidence: result.evidence, warnings: result.warnings, cells: ran });
      return blocking.length ? 1 : 0;
    }
    for (const w of result.warnings) out.info(`${out.style.yellow('warning:')} ${w}`);
    const s = result.report.summary;
    const count = (st: string) => ran.filter((c) => c.status === st).length;
    const kept = result.report.cells.filter((c) => c.runId !== undefined && c.runId !== result.runId).length;
    out.print(`${ran.length} cell(s) ran: ${count('passed')} passed, ${count('failed')} failed, ${count('error')} could not run${count('inconclusive') ? `, ${count('inconclusive')} inconclusive` : ''}; ${s.not_applicable} not applicable, ${s.skipped} for other machines or filters${kept ? `; ${kept} kept from the report of the same tree` : ''}`);
    for (const c of ran.filter((x) => x.status !== 'passed')) out.print(`  ${statusLabel(out, c.status)} ${c.row} ${c.os}/${c.mode}: ${c.message}${c.required ? '' : ' (not required)'}`);
    const written = result.evidence.filter((w) => w.file).length;
    if (written) out.print(`evidence: ${written} task file(s) written, ${result.evidence.filter((w) => w.changed).length} of them changed`);
    const commit = result.report.commit;
    out.print(`report: ${toPosixRelative(ctx.cwd, result.reportFile)} (commit ${commit.sha ? commit.sha.slice(0, 12) : 'none'}${commit.dirty ? `, with ${commit.changed.length} uncommitted change(s)` : ''})`);
    return blocking.length ? 1 : 0;
  },
};
