import fs from 'node:fs/promises';
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

/**
 * Reads every configured task list. A list that is missing or unreadable is a finding, never an
 * exception and never silently skipped: the gate must not pass because it read fewer tasks.
 */
export async function loadTasks(loaded: LoadedConfig): Promise<{ tasks: Task[]; findings: Finding[] }> {
  const tasks: Task[] = [];
  const findings: Finding[] = [];
  for (const source of loaded.config.tasks?.sources ?? []) {
    const { path: file, ...options } = source;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      const rel = toPosixRelative(loaded.dir, file);
      const what = err.code === 'ENOENT' ? 'does not exist' : err.code === 'EISDIR' ? 'is a folder, not a file' : `could not be read (${err.code ?? err.message})`;
      findings.push(taskFinding('task-source-unreadable', file, undefined, `task list ${rel} ${what}`, `Fix tasks.sources[].path in ${toPosixRelative(loaded.dir, loaded.file)}, or restore the file.`));
      continue;
    }
    const result = parseOne(file, text, options);
    tasks.push(...result.tasks);
    findings.push(...result.findings);
  }
  findings.push(...duplicateFindings(tasks, loaded.dir));
  return { tasks, findings };
}
