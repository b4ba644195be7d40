import type { Output } from '../../../core/src/output.js';
import { startProgress, type Progress } from '../../../core/src/progress.js';
import type { CellStatus } from '../report/types.js';
import type { RunEvent } from './runner.js';

const LABEL: Record<CellStatus, string> = { passed: 'PASS', failed: 'FAIL', error: 'ERROR', inconclusive: 'INCONCLUSIVE', not_applicable: 'N/A', skipped: 'SKIP' };

export function statusLabel(out: Output, status: CellStatus): string {
  const s = out.style;
  const text = LABEL[status].padEnd(5);
  return status === 'passed' ? s.green(text) : status === 'failed' || status === 'error' ? s.red(text) : status === 'inconclusive' ? s.yellow(text) : s.dim(text);
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? '' : ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * Progress on stderr: on a terminal, a live line with the running cell, its step and the time it
 * has taken, and a permanent line per finished cell; in CI (or piped), plain lines only: one when a
 * cell starts, a heartbeat while a long one runs (`core/src/progress.ts`), one when it ends.
 */
export function progressPrinter(out: Output, env: NodeJS.ProcessEnv = process.env): ((e: RunEvent) => void) & { stop(): void } {
  let live: Progress | undefined;
  const print = (e: RunEvent): void => {
    switch (e.type) {
      case 'start':
        out.info(`matrix: ${e.toRun} cell(s) to run here, ${e.total - e.toRun} not applicable or elsewhere`);
        break;
      case 'cell-start': {
        const name = `[${e.index}/${e.toRun}] ${e.cell.row.id} ${e.cell.os}/${e.cell.mode}`;
        live?.stop();
        if (!out.interactive) out.info(`${name} …`);
        live = startProgress(out, name, { env });
        live.step('running');
        break;
      }
      case 'cell-progress':
        live?.step(e.message);
        break;
      case 'cell-done':
        live?.stop();
        live = undefined;
        out.info(`[${e.index}/${e.toRun}] ${statusLabel(out, e.result.status)} ${e.cell.row.id} ${e.cell.os}/${e.cell.mode} ${out.style.dim(seconds(e.result.durationMs))}  ${e.result.message}`);
        break;
    }
  };
  // Also when the run ends early (cancelled, a broken target): the live line goes, the heartbeat stops.
  return Object.assign(print, { stop: () => live?.stop() });
}
