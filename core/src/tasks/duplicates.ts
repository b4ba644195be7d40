import path from 'node:path';
import type { Finding } from '../findings.js';
import { toPosixRelative } from '../paths.js';
import { taskFinding } from './task-finding.js';
import type { Task } from './types.js';

/** One finding per repeated id, at the repeat, naming where the id was first used. */
export function duplicateFindings(tasks: readonly Task[], baseDir?: string): Finding[] {
  const first = new Map<string, Task>();
  const findings: Finding[] = [];
  for (const t of tasks) {
    if (t.id === undefined) continue;
    const prior = first.get(t.id);
    if (!prior) {
      first.set(t.id, t);
      continue;
    }
    const where = prior.file === t.file ? `line ${prior.line}` : `${baseDir ? toPosixRelative(baseDir, prior.file) : path.basename(prior.file)}:${prior.line}`;
    findings.push(
      taskFinding('task-duplicate-id', t.file, t.line, `task id ${t.id} is already used at ${where}`, 'Give each task its own id; a task id names exactly one evidence file.', { taskId: t.id }),
    );
  }
  return findings;
}
