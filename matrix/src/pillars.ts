import type { LoadedConfig } from '../../core/src/config/index.js';
import type { Finding } from '../../core/src/findings.js';
import type { Redactor } from '../../core/src/redact.js';
import type { Task } from '../../core/src/tasks/types.js';
import type { TaskRunRecords } from '../../evidence/src/run-records.js';

/**
 * The other pillars' public APIs the matrix and the gate call (CONTRIBUTING.md, "Contracts
 * between pillars"). Loaded on first use, and checked for the functions rather than assumed:
 * a build without one of them reports it, it does not crash.
 */
export interface EvidenceApi {
  lintEvidence(loaded: LoadedConfig, tasks: Task[]): Promise<{ findings: Finding[] }>;
  writeRunEvidence(
    loaded: LoadedConfig,
    input: {
      taskId: string;
      title?: string;
      runs: Array<{ command: string; exitCode: number | null; durationMs: number; output: string; passed: boolean; check?: string; cell?: string; run?: string }>;
      summary?: string;
      commit?: string;
      fingerprint?: string;
    },
    opts?: { redactor?: Redactor },
  ): Promise<{ file: string; outputFiles: string[]; changed?: boolean }>;
  /** The run records the matrix wrote into a task's evidence, each with whether its stored output still matches. */
  readRunRecords(loaded: LoadedConfig, taskId: string): TaskRunRecords;
}

export interface ManifestsApi {
  checkProject(loaded: LoadedConfig): Promise<{ findings: Finding[]; baseline?: { file: string; baselined: number; errors: number; fixed: number } }>;
  driftProject(loaded: LoadedConfig): Promise<{ findings: Finding[] }>;
}

export async function evidenceApi(): Promise<Partial<EvidenceApi>> {
  return (await import('../../evidence/src/index.js')) as unknown as Partial<EvidenceApi>;
}

export async function manifestsApi(): Promise<Partial<ManifestsApi>> {
  return (await import('../../manifests/src/index.js')) as unknown as Partial<ManifestsApi>;
}

export async function tasksApi(): Promise<{ loadTasks(loaded: LoadedConfig): Promise<{ tasks: Task[]; findings: Finding[] }> }> {
  return import('../../core/src/tasks/index.js');
}
