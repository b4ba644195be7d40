import { MiB, readBounded } from '../../../core/src/config/bounded-read.js';
import { ConfigError } from '../../../core/src/errors.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import type { LoadedConfig } from '../../../core/src/config/index.js';
import type { Finding } from '../../../core/src/findings.js';
import { loadMatrixFile } from '../matrix-file/load.js';
import type { MatrixFile } from '../matrix-file/types.js';
import type { TaskRunRecords } from '../../../evidence/src/run-records.js';
import { evidenceApi, tasksApi } from '../pillars.js';
import { snapshotTree, type TreeSnapshot } from '../report/commit.js';
import { readReport } from '../report/io.js';
import type { MatrixReport } from '../report/types.js';
import type { MatrixSettings } from '../settings.js';
import type { Task } from '../../../core/src/tasks/types.js';
import { parseSignoffs, type SignoffFile } from './signoff-file.js';

export class MissingApiError extends Error {}

/**
 * Everything the gate reads, each loaded once on first use and shared by the rules and the
 * dashboard. A loader throws when its input cannot be read; the rule that asked turns that
 * into a blocking reason.
 */
export interface GateInputs {
  tasks(): Promise<{ tasks: Task[]; findings: Finding[] }>;
  evidence(): Promise<{ findings: Finding[] }>;
  matrix(): Promise<MatrixFile>;
  report(): Promise<MatrixReport>;
  /** The work tree as git sees it (HEAD, files and their content ids). */
  tree(): Promise<TreeSnapshot>;
  signoffs(): Promise<SignoffFile>;
  /** The run records the matrix wrote into a task's evidence (read once per task). */
  runRecords(taskId: string): Promise<TaskRunRecords>;
}

/** Reads a gate input (regular files only, capped); failure is a ConfigError naming the file, which the gate turns into a blocking reason. */
function readInput(file: string, root: string): string {
  const read = readBounded(file, 4 * MiB);
  if (read.ok) return read.text;
  throw new ConfigError(`cannot read ${toPosixRelative(root, file)}: it ${read.message}${read.code ? ` (${read.code})` : ''}`, { location: { file }, hint: 'Make it a readable file, or fix its path in the config.' });
}

function once<T>(fn: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
}

export function gateInputs(loaded: LoadedConfig, settings: MatrixSettings): GateInputs {
  const tasks = once(async () => (await tasksApi()).loadTasks(loaded));
  const records = new Map<string, Promise<TaskRunRecords>>();
  return {
    runRecords: (taskId) => {
      let p = records.get(taskId);
      if (!p) {
        p = evidenceApi().then((api) => {
          if (!api.readRunRecords) throw new MissingApiError('this build of cutover cannot read evidence run records (readRunRecords is not exported by cutover/evidence)');
          return api.readRunRecords(loaded, taskId);
        });
        records.set(taskId, p);
      }
      return p;
    },
    tasks,
    evidence: once(async () => {
      const api = await evidenceApi();
      if (!api.lintEvidence) throw new MissingApiError('this build of cutover has no evidence linter (lintEvidence is not exported by cutover/evidence)');
      return api.lintEvidence(loaded, (await tasks()).tasks);
    }),
    matrix: once(async () => loadMatrixFile(settings.matrixFile!)),
    report: once(async () => readReport(settings.report)),
    tree: once(() => snapshotTree(loaded.dir)),
    signoffs: once(async () => parseSignoffs(readInput(settings.signoffFile, loaded.dir))),
  };
}
