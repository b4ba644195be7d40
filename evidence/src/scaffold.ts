import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../../core/src/config/index.js';
import { UsageError } from '../../core/src/errors.js';
import { toPosixRelative } from '../../core/src/paths.js';
import type { Task } from '../../core/src/tasks/types.js';
import { evidenceSettings, type EvidenceSettings, type SectionRole } from './config.js';
import { render, tidy } from './templates.js';
import { evidencePath } from './safe-id.js';
import { writeRedactedText } from '../../core/src/redact/write.js';

const PLACEHOLDER: Record<SectionRole | 'other', string> = {
  'change-summary': 'TODO: what changed and why, in two or three sentences.',
  'files-changed': 'TODO: every path this task touched, one per line (mark a removed file "(deleted)").',
  'verification-commands': 'TODO: the exact commands run; the validation matrix fills this in for the checks it runs.',
  'verification-output': 'TODO: short pass/fail output of each command; the validation matrix fills this in with a sha256 of the full output.',
  'behavior-proof': 'TODO: logs, test reports or screenshots that prove the expected behavior.',
  'risk-notes': 'TODO: known residual risk after this change.',
  'rollback-path': 'TODO: the exact command, flag or commit that reverts this change safely.',
  other: 'TODO: fill in this section.',
};

// Task-list details that name files; shown (commented out) under Files Changed as a starting point.
const PLANNED_KEYS = ['Files', 'New'];

export interface ScaffoldOptions {
  /** The task from the task list: its title, owner, phase and planned files go into the file. */
  task?: Task;
  title?: string;
}

/** The id as a path inside the evidence folder, or a usage error naming the problem. */
export function safeEvidencePath(settings: EvidenceSettings, loaded: LoadedConfig, id: string): string {
  const file = evidencePath(settings.dir, id);
  if (!file) {
    throw new UsageError(`task id "${id}" would name a file outside ${toPosixRelative(loaded.dir, settings.dir) || '.'}/`, {
      hint: 'A task id is a file name: letters, digits, ".", "-" and "_" only.',
    });
  }
  return file;
}

/** The scaffold's markdown: every configured section, each holding a placeholder lint reports as empty. */
export function scaffoldText(settings: EvidenceSettings, id: string, opts: ScaffoldOptions = {}): string {
  const task = opts.task;
  // A comment cannot hold "--", so a value that has one is shown with a single dash.
  const planned = PLANNED_KEYS.filter((k) => task?.details?.[k]?.length).map((k) => ({ label: k, values: task!.details![k]!.map((v) => v.replace(/-{2,}/g, '-')) }));
  const meta = [task?.owner ? `Owner: ${task.owner}` : '', task?.phase ? `Phase: ${task.phase}` : ''].filter(Boolean).join(' · ');
  return `${tidy(
    render(settings, 'task.mustache', {
      id,
      title: opts.title ?? task?.title ?? '',
      owner: task?.owner,
      phase: task?.phase,
      meta,
      sections: settings.sections.map((s) => ({
        name: s.name,
        role: s.role,
        placeholder: PLACEHOLDER[s.role ?? 'other'],
        planned: s.role === 'files-changed' && planned.length ? planned : undefined,
      })),
    }),
  )}\n`;
}

/** Writes `<evidence dir>/<ID>.md` from the task template; an existing file is left as it is. */
export async function scaffoldEvidence(loaded: LoadedConfig, id: string, opts: ScaffoldOptions = {}): Promise<{ file: string; created: boolean }> {
  const settings = evidenceSettings(loaded);
  const file = safeEvidencePath(settings, loaded, id);
  try {
    await fs.access(file);
    return { file, created: false };
  } catch {
    // not there yet: write it
  }
  await fs.mkdir(path.dirname(file), { recursive: true });
  try {
    writeRedactedText(file, scaffoldText(settings, id, opts), { exclusive: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return { file, created: false };
    throw e;
  }
  return { file, created: true };
}
