import type { GridCell, MatrixView } from '../gate/views.js';
import { html, slug, type Safe } from './html.js';

const CELL_MARK: Record<string, string> = { passed: '✓ pass', failed: '✗ fail', error: '✗ error', not_applicable: 'n/a', missing: '… missing', out_of_scope: '· out of scope', optional: '○ not run' };
const RAN = new Set(['passed', 'failed', 'error']);

function outputLinks(c: GridCell, link: (rel: string) => string): Safe {
  if (!c.outputs?.length) return html``;
  return html`<span class="outputs">${c.outputs.map((o, i) => html`${i ? ' · ' : ''}<a href="${link(o.file)}" data-testid="output-link">${o.task} output</a>`)}</span>`;
}

/**
 * The matrix grid os × mode. A stale report's results are shown as stale (greyed, marked), never as
 * a green pass; a cell that failed, could not run or is missing is listed below the grid with its
 * message and its stored outputs, so nothing needs hovering to be read.
 */
export function matrixGrid(m: MatrixView, link: (rel: string) => string, id: (base: string) => string): Safe {
  const cols = m.os.flatMap((os) => m.modes.map((mode) => ({ os, mode })));
  const stale = m.stale.length > 0;
  const problems = m.rows.flatMap((row) => row.cells.filter((c) => c.status === 'failed' || c.status === 'error' || c.status === 'inconclusive' || c.status === 'missing').map((c) => ({ row, c })));
  return html`<p class="muted">${m.file}${m.reportCommit ? html` · report from commit <code>${m.reportCommit.slice(0, 12)}</code>` : ' · no readable report'} · scope: ${m.scope.join(', ')}</p>
${stale ? html`<p class="stale-note" data-testid="stale">Stale report: the results below are from another version of what the checks read, not this tree. ${m.stale.join(' · ')}</p>` : ''}
<table data-testid="matrix-grid"${stale ? html` class="stale" data-stale="true"` : ''}><thead><tr><th>row</th><th>area</th>${cols.map((c) => html`<th class="cell">${c.os}<br>${c.mode}</th>`)}</tr></thead><tbody>
${m.rows.map(
  (row) => html`<tr data-row="${row.id}"><td><strong>${row.id}</strong>${row.required ? '' : html` <span class="muted">(not required)</span>`}<br><span class="muted">${row.title}</span><br><span class="id">${row.tasks.join(', ')}</span></td><td>${row.area}</td>${row.cells.map(
    (c) =>
      html`<td class="cell s-${c.status}${stale && RAN.has(c.status) ? ' is-stale' : ''}" data-os="${c.os}" data-mode="${c.mode}" data-status="${c.status}"${stale ? html` data-stale="true"` : ''} title="${c.message}">${CELL_MARK[c.status]}${stale && RAN.has(c.status) ? html`<br><span class="muted">stale</span>` : ''}</td>`,
  )}</tr>\n`,
)}</tbody></table>
${problems.length
  ? html`<h3 id="${id('cell-problems')}">Cells that failed, could not run or have no result (${problems.length})</h3><ul class="cells" data-testid="cell-problems">${problems.map(
      ({ row, c }) => html`<li id="${id(`cell-${slug(row.id)}-${c.os}-${slug(c.mode)}`)}" data-row="${row.id}" data-os="${c.os}" data-mode="${c.mode}" data-status="${c.status}"><strong>${row.id}</strong> on ${c.os}/${c.mode}: <span class="s-${c.status}">${CELL_MARK[c.status]}</span> — ${c.message} ${outputLinks(c, link)}</li>\n`,
    )}</ul>`
  : ''}`;
}
