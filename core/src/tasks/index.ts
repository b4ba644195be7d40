import { MiB, readBounded } from '../config/bounded-read.js';
import type { LoadedConfig } from '../config/index.js';
import type { Finding } from '../findings.js';
import { toPosixRelative } from '../paths.js';
import { duplicateFindings } from './duplicates.js';
import type { SourceOptions } from './options.js';
import { sourceFor, TASK_SOURCES } from './registry.js';
import { taskFinding } from './task-finding.js';
import type { Task, TaskSourceResult } from './types.js';

export type { Task, TaskStatus, TaskSource, TaskSourceResult } from './types.js';
export { TASK_SOURCES } from './registry.js';
export { TASK_STATUSES } from './statuses.js';

export type ParseTaskFileOptions = SourceOptions;

/** Task lists are text a person edits: far below this. A larger "list" is the wrong file. */
export const MAX_TASK_LIST_BYTES = 32 * MiB;

function parseOne(file: string, text: string, options: ParseTaskFileOptions): TaskSourceResult {
  const source = sourceFor(file, options.format);
  if (!source) {
    const formats = TASK_SOURCES.map((s) => s.id).join(', ');
    return {
      tasks: [],
      findings: [taskFinding('task-source-unreadable', file, undefined, `cannot tell the task-list format of ${file}`, `Name it .md, .csv or .json, or set format (${formats}) on its tasks.sources entry.`)],
    };
  }
  return source.parse(file, text, options as Record<string, unknown>);
}

/** Parses one task list (format from `options.format`, else the extension); never throws on bad input. */
export function parseTaskFile(file: string, text: string, options: ParseTaskFileOptions = {}): TaskSourceResult {
  const result = parseOne(file, text, options);
  return { tasks: result.tasks, findings: [...result.findings, ...duplicateFindings(result.tasks)] };
}

/** What a list without tasks held that looked like tasks: the lines it did not read, and why. */
function notRead(file: string, result: TaskSourceResult): string {
  const unread = result.findings.filter((f) => f.id === 'task-unread' && f.file === file);
  const legend = result.skipped ?? [];
  const parts = [
    unread.length ? `${unread.length} line(s) that look like tasks are not checklist items (task-unread at line ${unread.map((f) => f.line).join(', ')})` : '',
    legend.length ? `${legend.length} checkbox(es) are a status legend (line ${legend.map((s) => s.line).join(', ')})` : '',
  ].filter(Boolean);
  return parts.length ? `: ${parts.join('; ')}` : '';
}

/**
 * Reads every configured task list. A list that is missing or unreadable is a finding, never an
 * exception and never silently skipped: the gate must not pass because it read fewer tasks.
 */
export async function loadTasks(loaded: LoadedConfig): Promise<{ tasks: Task[]; findings: Finding[] }> {
  const tasks: Task[] = [];
  const findings: Finding[] = [];
  for (const source of loaded.config.tasks?.sources ?? []) {
    const { path: file, ...options } = source;
    const rel = toPosixRelative(loaded.dir, file);
    const read = readBounded(file, MAX_TASK_LIST_BYTES);
    if (!read.ok) {
      findings.push(taskFinding('task-source-unreadable', file, undefined, `task list ${rel} ${read.message}`, `Fix tasks.sources[].path in ${toPosixRelative(loaded.dir, loaded.file)}, or restore the file.`));
      continue;
    }
    const result = parseOne(file, read.text, options);
    tasks.push(...result.tasks);
    findings.push(...result.findings);
    // Each list must hold tasks on its own: a wiped runbook next to a full ledger is a lost list, not a smaller release.
    if (result.tasks.length === 0 && !result.findings.some((f) => f.severity === 'error')) {
      findings.push(
        taskFinding('task-source-empty', file, undefined, `task list ${rel} holds no task${read.text.trim() === '' ? ' (the file is empty)' : ''}${notRead(file, result)}`, `Restore the list (check it against version control), or remove it from tasks.sources in ${toPosixRelative(loaded.dir, loaded.file)}.`),
      );
    }
  }
  findings.push(...duplicateFindings(tasks, loaded.dir));
  return { tasks, findings };
}
