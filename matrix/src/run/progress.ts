import type { Output } from '../../../core/src/output.js';
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
 * Progress on stderr: on a terminal, a live line that is replaced as the cell moves on and a
 * permanent line per finished cell; in CI (or piped), plain lines only, one per event that matters.
 */
export function progressPrinter(out: Output): (e: RunEvent) => void {
  const live = out.interactive;
  let liveShown = false;
  const clear = () => {
    if (liveShown) out.stderr.write('\r\u001b[2K');
    liveShown = false;
  };
  const width = () => Math.max(40, ((out.stderr as { columns?: number }).columns ?? 100) - 1);
  return (e) => {
    switch (e.type) {
      case 'start':
        out.info(`matrix: ${e.toRun} cell(s) to run here, ${e.total - e.toRun} not applicable or elsewhere`);
        break;
      case 'cell-start': {
        const line = `[${e.index}/${e.toRun}] ${e.cell.row.id} ${e.cell.os}/${e.cell.mode} …`;
        if (live) {
          clear();
          out.stderr.write(line.slice(0, width()));
          liveShown = true;
        } else out.info(line);
        break;
      }
      case 'cell-progress':
        if (live) {
          clear();
          out.stderr.write(`  ${e.cell.row.id} ${e.cell.os}/${e.cell.mode}: ${e.message}`.slice(0, width()));
          liveShown = true;
        }
        break;
      case 'cell-done':
        clear();
        out.info(`[${e.index}/${e.toRun}] ${statusLabel(out, e.result.status)} ${e.cell.row.id} ${e.cell.os}/${e.cell.mode} ${out.style.dim(seconds(e.result.durationMs))}  ${e.result.message}`);
        break;
    }
  };
}
