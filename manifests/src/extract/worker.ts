/** The worker thread of `offload.ts`: runs the extractors it is given and answers once. */
import { parentPort, workerData } from 'node:worker_threads';
import { EXTRACTORS } from '../extractors/registry.js';
import type { ExtractResult } from '../model.js';
import type { IncrementalContext } from './incremental.js';
import type { WorkerInput, WorkerJob, WorkerReply } from './offload.js';

const { input, jobs } = workerData as { input: WorkerInput; jobs: WorkerJob[] };
// One context (one file list) for every job, so the extractors share one parse.
const ctx: IncrementalContext = { root: input.root, files: input.files, rust: input.rust, ts: input.ts, schemas: input.schemas, ...(input.aliases ? { aliases: input.aliases } : {}) };
const results: [string, ExtractResult][] = [];
let reply: WorkerReply | undefined;
for (const job of jobs) {
  const ex = EXTRACTORS.find((e) => e.id === job.id);
  try {
    if (!ex) throw new Error(`no extractor ${job.id}`);
    results.push([job.id, await ex.extract(job.only ? { ...ctx, only: new Set(job.only) } : ctx)]);
  } catch (e) {
    reply = { ok: false, id: job.id, message: (e as Error).message, stack: (e as Error).stack };
    break;
  }
}
parentPort?.postMessage(reply ?? { ok: true, results });
