import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { LoadedConfig } from '../../core/src/config/index.js';
import type { Finding } from '../../core/src/findings.js';
import { toPosixRelative } from '../../core/src/paths.js';
import type { Task } from '../../core/src/tasks/types.js';
import { evidenceSettings, type EvidenceSettings } from './config.js';
import { evidenceFinding } from './evidence-finding.js';
import { lintEvidenceText } from './lint-file.js';
import { evidencePath } from './safe-id.js';

/** Files Changed paths repeat across evidence files (the same module touched by many tasks): check each once. */
function memoExists(): (abs: string) => boolean {
  const known = new Map<string, boolean>();
  return (abs) => {
    let hit = known.get(abs);
    if (hit === undefined) known.set(abs, (hit = existsSync(abs)));
    return hit;
  };
}

/**
 * Read synchronously on purpose: evidence files are small, and for thousands of them a
 * blocking read costs a tenth of what promise-based reads do (one open, stat, read and close
 * each through the thread pool).
 */
function lintOne(file: string, id: string, settings: EvidenceSettings, missing: () => Finding, exists: (abs: string) => boolean): Finding[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'ENOENT') return [missing()];
    return [evidenceFinding('evidence-unreadable', file, undefined, `evidence of ${id} could not be read (${err.code ?? err.message})`, 'Check the file is a readable text file.', { taskId: id })];
  }
  return lintEvidenceText(file, text, id, settings, exists);
}

/**
 * Checks the evidence of every task whose status requires it (done, by default): the file
 * exists, names its task, and has every required section with real content. Tasks without an
 * id name no evidence file and are left to the gate's open-task rule.
 */
export async function lintEvidence(loaded: LoadedConfig, tasks: Task[]): Promise<{ findings: Finding[] }> {
  const settings = evidenceSettings(loaded);
  const exists = memoExists();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const task of tasks) {
    if (task.id === undefined || !settings.requireFor.includes(task.status) || seen.has(task.id)) continue;
    seen.add(task.id);
    const id = task.id;
    const file = task.evidenceFile ?? evidencePath(settings.dir, id);
    if (file === undefined) {
      const finding = evidenceFinding('evidence-id-unsafe', task.file, task.line, `task id "${id}" would name a file outside ${toPosixRelative(loaded.dir, settings.dir)}/`, 'Use task ids made of letters, digits, ".", "-" and "_" only.', { taskId: id });
      findings.push(finding);
      continue;
    }
    const rel = toPosixRelative(loaded.dir, file);
    const missing = () =>
      evidenceFinding('evidence-missing', task.file, task.line, `${id} is ${task.status.replace('_', ' ')} but has no evidence file ${rel}`, `Run \`cutover evidence new ${id}\` and fill in every section.`, { taskId: id, evidenceFile: rel });
    findings.push(...lintOne(file, id, settings, missing, exists));
  }
  return { findings };
}

/** Lints every evidence file in the folder by its own name, for projects that list no tasks. */
export async function lintEvidenceFolder(loaded: LoadedConfig): Promise<{ findings: Finding[]; files: number }> {
  const settings = evidenceSettings(loaded);
  let names: string[];
  try {
    names = readdirSync(settings.dir).filter((n) => n.endsWith('.md')).sort();
  } catch {
    return { findings: [], files: 0 };
  }
  const exists = memoExists();
  const findings: Finding[] = [];
  for (const name of names) {
    const id = name.slice(0, -3);
    const file = evidencePath(settings.dir, id);
    if (!file) continue;
    findings.push(...lintOne(file, id, settings, () => evidenceFinding('evidence-missing', file, undefined, `${id}: evidence file vanished while linting`), exists));
  }
  return { findings, files: names.length };
}
