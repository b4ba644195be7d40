import path from 'node:path';
import { readdirSync } from 'node:fs';
import { confinement, MiB, type BoundedRead, type Confinement } from '../../core/src/config/bounded-read.js';
import type { LoadedConfig } from '../../core/src/config/index.js';
import type { Finding } from '../../core/src/findings.js';
import { toPosixRelative } from '../../core/src/paths.js';
import type { Task } from '../../core/src/tasks/types.js';
import { evidenceSettings, type EvidenceSettings } from './config.js';
import { evidenceFinding } from './evidence-finding.js';
import { LintCache, sha256 } from './lint-cache.js';
import { analyzeEvidenceText, listedPathFindings, type EvidenceAnalysis } from './lint-file.js';
import { listedPathCheck, type ListedPathCheck } from './listed-path-check.js';
import { evidencePath } from './safe-id.js';

/** An evidence file is a page of prose: a larger one is the wrong file. */
export const MAX_EVIDENCE_BYTES = 4 * MiB;

interface LintContext {
  settings: EvidenceSettings;
  jail: Confinement;
  checkPath: ListedPathCheck;
  root: string;
  cache: LintCache | undefined;
}

function context(loaded: LoadedConfig): LintContext {
  const settings = evidenceSettings(loaded);
  return { settings, jail: confinement([settings.repository, settings.dir]), checkPath: listedPathCheck(settings), root: loaded.dir, cache: LintCache.open(loaded.dir, settings) };
}

/** The content analysis of a file: from the cache when the file has not changed, else read (confined, bounded) and analysed. */
function analysis(ctx: LintContext, file: string, id: string): { ok: true; analysis: EvidenceAnalysis } | { ok: false; read: Exclude<BoundedRead, { ok: true }> } {
  const st = ctx.cache ? ctx.jail.regularFileInside(file) : undefined;
  const hit = st && ctx.cache!.unchanged(file, id, st);
  if (hit) return { ok: true, analysis: hit };
  const readAt = Date.now();
  const read = ctx.jail.read(file, MAX_EVIDENCE_BYTES);
  if (!read.ok) return { ok: false, read };
  if (!ctx.cache) return { ok: true, analysis: analyzeEvidenceText(file, read.text, id, ctx.settings) };
  const hash = sha256(read.text);
  const result = ctx.cache.byContent(file, id, hash) ?? analyzeEvidenceText(file, read.text, id, ctx.settings);
  ctx.cache.store(file, id, st, readAt, hash, result);
  return { ok: true, analysis: result };
}

const outsideHint = 'Keep evidence inside the repository: a relative path from the evidence base, a real file rather than a link that leads out.';

/**
 * Read synchronously on purpose: evidence files are small, and for thousands of them a blocking
 * read costs a tenth of what promise-based reads do. Every read is confined to the repository,
 * regular files only, under a size cap: a ledger can name any path, and none of them may hang the
 * gate or pull a device into memory.
 */
function lintOne(ctx: LintContext, file: string, id: string, missing: () => Finding, at: { file: string; line?: number }): Finding[] {
  const got = analysis(ctx, file, id);
  if (got.ok) return [...got.analysis.findings, ...listedPathFindings(file, id, got.analysis.listed, ctx.checkPath)];
  const { read } = got;
  const rel = toPosixRelative(ctx.root, file);
  if (read.problem === 'missing') return [missing()];
  if (read.problem === 'outside') return [evidenceFinding('evidence-outside-repository', at.file, at.line, `evidence of ${id} (${rel}) ${read.message}`, outsideHint, { taskId: id })];
  return [evidenceFinding('evidence-unreadable', file, undefined, `evidence of ${id} (${rel}) ${read.message}`, 'Make it a readable text file of reasonable size.', { taskId: id })];
}

/** Where a task's evidence is, or the finding that refuses it. */
function evidenceFileOf(ctx: LintContext, task: Task & { id: string }): { file: string } | { refused: Finding } {
  const { settings } = ctx;
  if (task.evidenceRef !== undefined && (path.isAbsolute(task.evidenceRef) || /^[A-Za-z]:[\\/]|^[\\/]{2}/.test(task.evidenceRef))) {
    return { refused: evidenceFinding('evidence-outside-repository', task.file, task.line, `the evidence path of ${task.id} is absolute (${task.evidenceRef})`, `${outsideHint} Set tasks.sources[].evidenceBase when the ledger writes paths from the repository root.`, { taskId: task.id }) };
  }
  if (task.evidenceFile !== undefined) {
    if (!ctx.jail.containsLexically(task.evidenceFile)) {
      return { refused: evidenceFinding('evidence-outside-repository', task.file, task.line, `the evidence path of ${task.id} (${task.evidenceRef}) leads outside the repository`, outsideHint, { taskId: task.id }) };
    }
    return { file: task.evidenceFile };
  }
  const file = evidencePath(settings.dir, task.id);
  if (file === undefined) {
    return { refused: evidenceFinding('evidence-id-unsafe', task.file, task.line, `task id "${task.id}" would name a file outside ${toPosixRelative(ctx.root, settings.dir)}/`, 'Use task ids made of letters, digits, ".", "-" and "_" only.', { taskId: task.id }) };
  }
  return { file };
}

function settingsFindings(loaded: LoadedConfig, settings: EvidenceSettings): Finding[] {
  if (!settings.droppedDefaults.length || !loaded.config.evidence?.sections) return [];
  const names = settings.droppedDefaults.map((n) => `"${n}"`).join(', ');
  return [
    evidenceFinding(
      'evidence-sections-dropped',
      loaded.file,
      undefined,
      `evidence.sections replaces the default seven sections and leaves out ${names}: no evidence file is required to have ${settings.droppedDefaults.length === 1 ? 'it' : 'them'}`,
      'If that is meant, list them with required: false to say so; otherwise add them to evidence.sections.',
      { sections: settings.droppedDefaults },
    ),
  ];
}

/**
 * Checks the evidence of every task whose status requires it (done, by default): the file
 * exists inside the repository, names its task, and has every required section with real
 * content. Tasks without an id name no evidence file and are left to the gate's open-task rule.
 */
export async function lintEvidence(loaded: LoadedConfig, tasks: Task[]): Promise<{ findings: Finding[] }> {
  const ctx = context(loaded);
  const findings: Finding[] = settingsFindings(loaded, ctx.settings);
  const seen = new Set<string>();
  for (const task of tasks) {
    if (task.id === undefined || !ctx.settings.requireFor.includes(task.status) || seen.has(task.id)) continue;
    seen.add(task.id);
    const id = task.id;
    const where = evidenceFileOf(ctx, task as Task & { id: string });
    if ('refused' in where) {
      findings.push(where.refused);
      continue;
    }
    const rel = toPosixRelative(loaded.dir, where.file);
    const missing = () =>
      evidenceFinding('evidence-missing', task.file, task.line, `${id} is ${task.status.replace('_', ' ')} but has no evidence file ${rel}`, `Run \`cutover evidence new ${id}\` and fill in every section.`, { taskId: id, evidenceFile: rel });
    findings.push(...lintOne(ctx, where.file, id, missing, { file: task.file, line: task.line }));
  }
  ctx.cache?.save();
  return { findings };
}

/** Lints every evidence file in the folder by its own name, for projects that list no tasks. */
export async function lintEvidenceFolder(loaded: LoadedConfig): Promise<{ findings: Finding[]; files: number }> {
  const ctx = context(loaded);
  let names: string[];
  try {
    names = readdirSync(ctx.settings.dir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { findings: [], files: 0 };
  }
  const findings: Finding[] = settingsFindings(loaded, ctx.settings);
  for (const name of names) {
    const id = name.slice(0, -3);
    const file = evidencePath(ctx.settings.dir, id);
    if (!file) continue;
    findings.push(...lintOne(ctx, file, id, () => evidenceFinding('evidence-missing', file, undefined, `${id}: evidence file vanished while linting`), { file }));
  }
  ctx.cache?.save();
  return { findings, files: names.length };
}
