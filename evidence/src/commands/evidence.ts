import path from 'node:path';
import type { Verb } from '../../../core/src/cli/verb.js';
import { countBySeverity, sortFindings, type Finding } from '../../../core/src/findings.js';
import { printFindings } from '../../../core/src/format-findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';

/** Findings as JSON: paths relative to the config folder, so the document is the same on every machine. */
function jsonFindings(findings: readonly Finding[], dir: string) {
  return sortFindings(findings).map((f) => ({ ...f, ...(f.file ? { file: path.isAbsolute(f.file) ? toPosixRelative(dir, f.file) : f.file } : {}) }));
}

const newVerb: Verb = {
  name: 'new',
  summary: 'Scaffold docs/migration-evidence/<ID>.md with every required section',
  description: `Writes the evidence file of a task from the task template, with a TODO placeholder in each
section (lint reports them as empty until they are written). The task's title, owner, phase and
planned files come from the configured task lists when the id is found there. An existing file is
never overwritten.`,
  positionals: [{ name: 'ID', description: 'Task id, e.g. P0-T001 or INT-G-001', required: true }],
  options: { title: { type: 'string', valueName: 'TEXT', description: 'Title for the heading when the task lists do not name the task' } },
  examples: ['cutover evidence new P0-T001', 'cutover evidence new INT-G-004 --json'],
  async run(ctx) {
    const { loadTasks } = await import('../../../core/src/tasks/index.js');
    const { scaffoldEvidence } = await import('../scaffold.js');
    const loaded = await ctx.loadConfig();
    const id = ctx.positionals[0]!;
    const { tasks, findings } = await loadTasks(loaded);
    const task = tasks.find((t) => t.id === id);
    const title = typeof ctx.values.title === 'string' ? ctx.values.title : undefined;
    const result = await scaffoldEvidence(loaded, id, { ...(task ? { task } : {}), ...(title !== undefined ? { title } : {}) });
    const rel = toPosixRelative(ctx.cwd, result.file);
    if (ctx.out.json) {
      ctx.out.printJson({ ok: true, file: toPosixRelative(loaded.dir, result.file), created: result.created, taskFound: task !== undefined, findings: jsonFindings(findings, loaded.dir) });
      return 0;
    }
    if (!task) ctx.out.info(`note: ${id} is not in the configured task lists${findings.length ? ` (they have ${findings.length} finding(s); run \`cutover evidence lint\`)` : ''}`);
    ctx.out.print(result.created ? `created ${rel}` : `${rel} already exists; left as it is`);
    return 0;
  },
};

const lintVerb: Verb = {
  name: 'lint',
  summary: 'Check that every done task has complete evidence',
  description: `For every task whose status requires evidence (done, by default): the evidence file exists,
names its task id, and has every required section with real content (TODO, TBD and template text count
as empty); paths under Files Changed exist (a warning). Problems in the task lists themselves are
reported too. Without configured task lists, every file in the evidence folder is checked by its name.
Exit 0 when there are no errors (warnings allowed unless --strict), 1 otherwise.`,
  options: { strict: { type: 'boolean', description: 'Exit 1 on warnings too' } },
  examples: ['cutover evidence lint', 'cutover evidence lint --json', 'cutover evidence lint --strict'],
  async run(ctx) {
    const { loadTasks } = await import('../../../core/src/tasks/index.js');
    const { evidenceSettings } = await import('../config.js');
    const { lintEvidence, lintEvidenceFolder } = await import('../lint.js');
    const loaded = await ctx.loadConfig();
    const settings = evidenceSettings(loaded);
    const findings: Finding[] = [];
    let checked: number;
    if (loaded.config.tasks?.sources?.length) {
      const tasks = await loadTasks(loaded);
      findings.push(...tasks.findings);
      const required = tasks.tasks.filter((t) => t.id !== undefined && settings.requireFor.includes(t.status));
      checked = new Set(required.map((t) => t.id)).size;
      findings.push(...(await lintEvidence(loaded, tasks.tasks)).findings);
    } else {
      ctx.out.info(`no tasks.sources configured: checking every file in ${toPosixRelative(ctx.cwd, settings.dir) || '.'}/ by its name`);
      const folder = await lintEvidenceFolder(loaded);
      checked = folder.files;
      findings.push(...folder.findings);
    }
    const counts = countBySeverity(findings);
    const failed = counts.error > 0 || (ctx.values.strict === true && counts.warning > 0);
    if (ctx.out.json) {
      ctx.out.printJson({ ok: !failed, checked, summary: counts, findings: jsonFindings(findings, loaded.dir) });
    } else {
      ctx.out.print(`checked the evidence of ${checked} task${checked === 1 ? '' : 's'}`);
      printFindings(ctx.out, findings, ctx.cwd);
    }
    return failed ? 1 : 0;
  },
};

export const evidenceVerb: Verb = {
  name: 'evidence',
  summary: 'Scaffold and lint per-task evidence files',
  subverbs: [newVerb, lintVerb],
};
