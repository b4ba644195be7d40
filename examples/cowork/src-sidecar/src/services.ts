// The small non-agent surfaces (service mode, cron jobs, workflows). Trivial on purpose,
// but persisted like everything else, so "state survives restart" holds for them too.
import path from 'node:path';
import type { CronJob, CreateCronJobParams, ServiceMode, WorkflowRun } from './types.js';
import { readJson, writeJsonAtomic } from './persistence.js';
import { wordCount } from './agent-script.js';
import { newId, now } from './ids.js';

const WORKFLOWS = [
  { id: 'wf-summarize', name: 'Summarize input', description: 'Counts the words of the input.' },
  { id: 'wf-digest', name: 'Daily digest', description: 'Upper-cases the input.' },
] as const;

// Only this many runs are kept: enough to show history, never an unbounded file.
const KEPT_RUNS = 20;

interface ServicesFile {
  mode: ServiceMode;
  cronJobs: CronJob[];
  workflowRuns: WorkflowRun[];
}

export class Services {
  private readonly file: string;
  private state: ServicesFile = { mode: 'user', cronJobs: [], workflowRuns: [] };
  private readonly startedAt = Date.now();

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'services.json');
  }

  load(): void {
    this.state = { ...this.state, ...readJson<Partial<ServicesFile>>(this.file, {}) };
  }

  status(): { running: true; mode: ServiceMode; pid: number; uptimeMs: number } {
    return { running: true, mode: this.state.mode, pid: process.pid, uptimeMs: Date.now() - this.startedAt };
  }

  getMode(): { mode: ServiceMode } {
    return { mode: this.state.mode };
  }

  setMode(mode: ServiceMode): { mode: ServiceMode; previousMode: ServiceMode } {
    if (mode !== 'user' && mode !== 'system') throw new Error(`invalid mode: ${String(mode)} (expected user or system)`);
    const previousMode = this.state.mode;
    this.state.mode = mode;
    this.persist();
    return { mode, previousMode };
  }

  listCronJobs(): CronJob[] {
    return this.state.cronJobs;
  }

  createCronJob(params: CreateCronJobParams): CronJob {
    if (!isCronExpression(params.schedule)) {
      throw new Error(`invalid schedule: ${JSON.stringify(params.schedule)} (expected 5 cron fields)`);
    }
    if (params.workflowId !== undefined) this.workflow(params.workflowId);
    const job: CronJob = {
      id: newId('job'),
      name: params.name,
      schedule: params.schedule,
      workflowId: params.workflowId ?? null,
      enabled: true,
      createdAt: now(),
    };
    this.state.cronJobs.push(job);
    this.persist();
    return job;
  }

  listWorkflows(): Array<{ id: string; name: string; description: string; lastRun: WorkflowRun | null }> {
    return WORKFLOWS.map((wf) => ({
      ...wf,
      lastRun: this.state.workflowRuns.findLast((r) => r.workflowId === wf.id) ?? null,
    }));
  }

  runWorkflow(workflowId: string, input = ''): WorkflowRun {
    this.workflow(workflowId);
    const output = workflowId === 'wf-summarize' ? `${wordCount(input)} words` : input.toUpperCase();
    const run: WorkflowRun = { runId: newId('run'), workflowId, status: 'completed', output, finishedAt: now() };
    this.state.workflowRuns = [...this.state.workflowRuns, run].slice(-KEPT_RUNS);
    this.persist();
    return run;
  }

  private workflow(workflowId: string): (typeof WORKFLOWS)[number] {
    const wf = WORKFLOWS.find((w) => w.id === workflowId);
    if (!wf) throw new Error(`unknown workflow: ${workflowId}`);
    return wf;
  }

  private persist(): void {
    writeJsonAtomic(this.file, { version: 1, ...this.state });
  }
}

function isCronExpression(schedule: unknown): boolean {
  if (typeof schedule !== 'string') return false;
  const fields = schedule.trim().split(/\s+/);
  return fields.length === 5 && fields.every((f) => /^[\d*/,-]+$/.test(f));
}
