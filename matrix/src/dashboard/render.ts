import path from 'node:path';
import { redactValue } from '../../../core/src/redact/value.js';
import { writeRedactedJson, writeRedactedText } from '../../../core/src/redact/write.js';
import type { StatusCounts } from '../gate/counts.js';
import type { GateResult } from '../gate/run-gate.js';
import type { MatrixView, TaskView } from '../gate/views.js';
import { html, Safe, slug } from './html.js';
import { STYLES } from './styles.js';

const STATUS_WORDS: Record<string, string> = { done: 'done', not_started: 'not started', in_progress: 'in progress', in_review: 'in review', blocked: 'blocked' };
const CELL_MARK: Record<string, string> = { passed: '✓ pass', failed: '✗ fail', error: '✗ error', not_applicable: 'n/a', missing: '… missing', out_of_scope: '· out of scope', optional: '○ not run' };

// Scripts are never needed: the page is static, and the policy keeps it that way even if a bug let markup through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

function countsTable(title: string, rows: Array<{ name: string } & StatusCounts>, testid: string): Safe {
  return html`<table data-testid="${testid}"><thead><tr><th>${title}</th><th class="num">done</th><th class="num">not started</th><th class="num">in progress</th><th class="num">in review</th><th class="num">blocked</th><th class="num">total</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${r.name}</td><td class="num">${r.done}</td><td class="num">${r.not_started}</td><td class="num">${r.in_progress}</td><td class="num">${r.in_review}</td><td class="num">${r.blocked}</td><td class="num">${r.total}</td></tr>\n`)}</tbody></table>`;
}

function matrixGrid(m: MatrixView): Safe {
  const cols = m.os.flatMap((os) => m.modes.map((mode) => ({ os, mode })));
  return html`<p class="muted">${m.file}${m.reportCommit ? html` · report from commit <code>${m.reportCommit.slice(0, 12)}</code>` : ' · no readable report'} · scope: ${m.scope.join(', ')}</p>
<table data-testid="matrix-grid"><thead><tr><th>row</th><th>area</th>${cols.map((c) => html`<th class="cell">${c.os}<br>${c.mode}</th>`)}</tr></thead><tbody>
${m.rows.map(
  (row) => html`<tr data-row="${row.id}"><td><strong>${row.id}</strong>${row.required ? '' : html` <span class="muted">(not required)</span>`}<br><span class="muted">${row.title}</span><br><span class="id">${row.tasks.join(', ')}</span></td><td>${row.area}</td>${row.cells.map(
    (c) => html`<td class="cell s-${c.status}" data-os="${c.os}" data-mode="${c.mode}" data-status="${c.status}" title="${c.message}">${CELL_MARK[c.status]}</td>`,
  )}</tr>\n`,
)}</tbody></table>`;
}

function taskRow(t: TaskView): Safe {
  return html`<tr data-task="${t.id ?? ''}"><td><code>${t.id ?? '—'}</code></td><td>${t.title}</td><td>${t.owner ?? ''}</td><td class="st-${t.status}">${STATUS_WORDS[t.status]}</td><td class="loc">${t.file}:${t.line}</td></tr>\n`;
}

function taskTable(tasks: readonly TaskView[], testid: string): Safe {
  if (tasks.length === 0) return html`<p class="empty" data-testid="${testid}">none</p>`;
  return html`<table data-testid="${testid}"><thead><tr><th>id</th><th>title</th><th>owner</th><th>status</th><th>where</th></tr></thead><tbody>${tasks.map(taskRow)}</tbody></table>`;
}

function byPhase(tasks: readonly TaskView[]): Safe {
  const groups = new Map<string, TaskView[]>();
  for (const t of tasks) groups.set(t.phase ?? '(no phase)', [...(groups.get(t.phase ?? '(no phase)') ?? []), t]);
  return html`${[...groups].map(([phase, list]) => {
    const done = list.filter((t) => t.status === 'done').length;
    return html`<details data-phase="${phase}"${done < list.length ? html` open` : ''}><summary><strong>${phase}</strong> <span class="muted">${done}/${list.length} done</span></summary>${taskTable(list, `tasks-${slug(phase)}`)}</details>\n`;
  })}`;
}

/** The dashboard page: verdict, blocking reasons, matrix grid, counts, blocked items, evidence gaps, all tasks, sign-offs. */
export function renderDashboard(result: GateResult): string {
  const pass = result.verdict === 'PASS';
  const tasks = result.tasks ?? [];
  const blocked = tasks.filter((t) => t.status === 'blocked');
  const gaps = tasks.filter((t) => t.evidence.length > 0);
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cutover gate: ${result.verdict}${result.name ? ` · ${result.name}` : ''}</title><style>${new Safe(STYLES)}</style></head>
<body>
<div class="verdict ${pass ? 'pass' : 'block'}" data-testid="verdict"><strong>${result.verdict}</strong><span>${result.name ?? ''}</span><span class="meta">${pass ? 'every rule passed' : `${result.reasons.length} blocking reason(s)`} · ${result.generatedAt} · ${result.config}</span></div>
<nav><a href="#blocking">Blocking reasons</a><a href="#matrix">Matrix</a><a href="#counts">Phases and owners</a><a href="#blocked">Blocked items</a><a href="#evidence">Evidence gaps</a><a href="#tasks">All tasks</a><a href="#signoffs">Sign-offs</a><a href="#rules">Rules</a></nav>
<h2 id="blocking">Blocking reasons (${result.reasons.length})</h2>
${result.reasons.length ? html`<ol class="reasons" data-testid="reasons">${result.reasons.map((r) => html`<li data-id="${r.id}" data-category="${r.category}"><strong>${r.category}</strong> ${r.file ? html`<span class="loc">${r.file}${r.line ? `:${r.line}` : ''}</span> ` : ''}${r.message} <span class="id">[${r.id}]</span>${r.hint ? html`<br><span class="hint">→ ${r.hint}</span>` : ''}</li>\n`)}</ol>` : html`<p class="empty" data-testid="reasons">none: the release may go</p>`}
${result.warnings.length ? html`<details><summary>${result.warnings.length} warning(s), not blocking</summary><ul data-testid="warnings">${result.warnings.map((w) => html`<li>${w.file ? html`<span class="loc">${w.file}${w.line ? `:${w.line}` : ''}</span> ` : ''}${w.message} <span class="id">[${w.id}]</span></li>`)}</ul></details>` : ''}
<h2 id="matrix">Matrix</h2>
${result.matrix ? matrixGrid(result.matrix) : html`<p class="empty" data-testid="matrix-grid">no matrix (not configured, or its file could not be read)</p>`}
<h2 id="counts">Tasks by phase and owner</h2>
${countsTable('phase', result.counts.byPhase, 'by-phase')}
${countsTable('owner', result.counts.byOwner, 'by-owner')}
<h2 id="blocked">Blocked items (${blocked.length})</h2>
${taskTable(blocked, 'blocked')}
<h2 id="evidence">Evidence gaps (${gaps.length})</h2>
${gaps.length ? html`<ul data-testid="evidence-gaps">${gaps.map((t) => html`<li data-task="${t.id ?? ''}"><code>${t.id ?? ''}</code> ${t.title}<ul>${t.evidence.map((e) => html`<li>${e}</li>`)}</ul></li>\n`)}</ul>` : html`<p class="empty" data-testid="evidence-gaps">none</p>`}
<h2 id="tasks">All tasks (${tasks.length})</h2>
${byPhase(tasks)}
<h2 id="signoffs">Sign-offs</h2>
<table data-testid="signoffs"><thead><tr><th>role</th><th>decision</th><th>name</th><th>date</th></tr></thead><tbody>${result.signoffs.map((s) => html`<tr data-role="${s.role}"><td>${s.role}</td><td class="${s.decision === 'approved' ? 's-passed' : 's-failed'}">${s.decision}</td><td>${s.name ?? ''}</td><td>${s.date ?? ''}</td></tr>`)}</tbody></table>
<h2 id="rules">Rules</h2>
<table data-testid="rules"><thead><tr><th>rule</th><th>status</th><th>note</th></tr></thead><tbody>${result.rules.map((r) => html`<tr><td>${r.id}</td><td class="${r.status === 'ok' ? 's-passed' : r.status === 'skipped' ? 's-not_applicable' : 's-failed'}">${r.status}</td><td>${r.note ?? ''}</td></tr>`)}</tbody></table>
<p class="muted">Generated by cutover gate in ${result.durationMs} ms.</p>
</body></html>
`;
  return page.value;
}

/** Writes index.html (and gate.json beside it) to the folder; returns the page's path. */
export function writeDashboard(dir: string, result: GateResult): string {
  const file = path.join(dir, 'index.html');
  writeRedactedText(file, renderDashboard(redactValue(result)));
  writeRedactedJson(path.join(dir, 'gate.json'), result);
  return file;
}
