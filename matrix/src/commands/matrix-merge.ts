import fs from 'node:fs';
import path from 'node:path';
import type { Verb } from '../../../core/src/cli/verb.js';
import { toPosixRelative } from '../../../core/src/paths.js';

/** A folder stands for the report files in it (what downloading CI artifacts leaves). */
function expand(args: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const a of args) {
    const p = path.resolve(cwd, a);
    if (fs.existsSync(p) && fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p, { recursive: true, encoding: 'utf8' }).sort()) {
        if (/(^|[\\/])report[^\\/]*\.json$/.test(name)) files.push(path.join(p, name));
      }
    } else files.push(p);
  }
  return files;
}

export const matrixMergeVerb: Verb = {
  name: 'merge',
  summary: 'Combine the reports of sharded matrix runs into one report for the gate',
  description: `Reads every report given (a folder means the report*.json files under it), requires them to come
from the same matrix file and the same tree, and writes one report: a cell's result is the one that ran it,
the worse one if two did. A report that holds one cell twice is a finding (exit 1): the worse result is kept,
as the gate would count it.`,
  positionals: [{ name: 'reports', description: 'Report files or folders holding them', required: true, variadic: true }],
  options: {
    out: { type: 'string', valueName: 'FILE', description: 'Merged report (default: the gate\'s report path, report.json in matrix.outDir)' },
  },
  examples: ['cutover matrix merge reports/ --out .cutover/matrix/report.json'],
  async run(ctx) {
    const { readReport, writeReport } = await import('../report/io.js');
    const { indexCells, mergeReports } = await import('../report/merge.js');
    const { matrixSettings } = await import('../settings.js');
    const files = expand(ctx.positionals, ctx.cwd);
    const reports = files.map((file) => ({ file, report: readReport(file) }));
    const merged = mergeReports(reports);
    // Shards overlap by design (a cell skipped in one, run in another); one report holding a cell twice does not.
    const duplicates = reports.flatMap(({ file, report }) =>
      indexCells(report.cells).duplicates.map((d) => ({ file: toPosixRelative(ctx.cwd, file), cell: `${d.cells[0]!.row} on ${d.cells[0]!.os}/${d.cells[0]!.mode}`, statuses: d.cells.map((c) => c.status) })),
    );
    const out = typeof ctx.values.out === 'string' ? path.resolve(ctx.cwd, ctx.values.out) : matrixSettings(await ctx.loadConfig()).report;
    writeReport(out, merged);
    if (ctx.out.json) {
      ctx.out.printJson({ ok: duplicates.length === 0, out, inputs: files, summary: merged.summary, commit: merged.commit, duplicates });
      return duplicates.length ? 1 : 0;
    }
    for (const d of duplicates) ctx.out.print(`${ctx.out.style.red('duplicate cell:')} ${d.file} holds ${d.cell} ${d.statuses.length} times (${d.statuses.join(', ')}); the worse is kept`);
    const s = merged.summary;
    ctx.out.print(`merged ${files.length} report(s) from ${merged.runs.map((r) => `${r.os}${r.shard ? ` ${r.shard.index}/${r.shard.total}` : ''}`).join(', ')}`);
    ctx.out.print(`${s.passed} passed, ${s.failed} failed, ${s.error} could not run, ${s.not_applicable} not applicable, ${s.skipped} not run by any report`);
    ctx.out.print(`report: ${toPosixRelative(ctx.cwd, out)}`);
    return duplicates.length ? 1 : 0;
  },
};
