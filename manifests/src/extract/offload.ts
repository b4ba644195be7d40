/**
 * Extractors run in a worker thread: the main thread parses the other groups meanwhile (see
 * workerAvailable for when). The worker is ended on every path, also on Ctrl-C.
 */
import { Worker } from 'node:worker_threads';
import { InternalError } from '../../../core/src/errors.js';
import { onCleanup } from '../../../core/src/cleanup.js';
import { workerAvailable } from '../../../core/src/worker.js';
import type { ExtractResult, RustOptions, SourceFile, TsOptions } from '../model.js';
import type { AliasSources } from './aliases.js';

export interface WorkerInput {
  root: string;
  rust: RustOptions;
  ts: TsOptions;
  schemas: boolean;
  aliases: AliasSources | undefined;
  files: SourceFile[];
}

export interface WorkerJob {
  id: string;
  /** Rel paths to extract; undefined: every file. */
  only?: string[];
}

export type WorkerReply = { ok: true; results: [string, ExtractResult][] } | { ok: false; id: string; message: string; stack?: string };

const WORKER_URL = new URL('./worker.js', import.meta.url);

export function canOffload(): boolean {
  return workerAvailable(WORKER_URL, import.meta.url);
}

export function runInWorker(input: WorkerInput, jobs: WorkerJob[]): Promise<Map<string, ExtractResult>> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, { workerData: { input, jobs } });
    const dispose = onCleanup('extractor worker thread', () => worker.terminate().then(() => undefined));
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      void dispose();
      fn();
    };
    worker.once('message', (reply: WorkerReply) =>
      finish(() => {
        if (reply.ok) resolve(new Map(reply.results));
        else reject(new InternalError(`extractor ${reply.id} failed: ${reply.message}`, { hint: 'This is a bug in cutover; run with --debug for the stack trace and report it with the file that triggers it.', cause: Object.assign(new Error(reply.message), { stack: reply.stack }) }));
      }),
    );
    worker.once('error', (e) => finish(() => reject(new InternalError(`the extractor worker thread failed: ${e.message}`, { cause: e }))));
    worker.once('exit', (code) => finish(() => reject(new InternalError(`the extractor worker thread exited (code ${code}) before it answered`))));
  });
}
