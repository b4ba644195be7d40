import path from 'node:path';
import { redactValue } from '../../../core/src/redact/value.js';
import { writeRedactedJson, writeRedactedText } from '../../../core/src/redact/write.js';
import type { StatusCounts } from '../gate/counts.js';
import { groupReasons } from '../gate/group.js';
import type { GateResult } from '../gate/run-gate.js';
import type { TaskView } from '../gate/views.js';
import { matrixGrid } from './grid.js';
import { html, Safe, slug } from './html.js';
import { linker, uniqueIds } from './links.js';
import { STYLES } from './styles.js';

const STATUS_WORDS: Record<string, string> = { done: 'done', not_started: 'not started', in_progress: 'in progress', in_review: 'in review', blocked: 'blocked' };

// Scripts are never needed: the page is static, and the policy keeps it that way even if a bug let markup through.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

interface Page {
  link: (rel: string) => string;
  id: (base: string) => string;
}

function countsTable(title: string, rows: Array<{ name: string } & StatusCounts>, testid: string): Safe {
  return html`<table data-testid="${testid}"><thead><tr><th>${title}</th><th class="num">done</th><th class="num">not started</th><th class="num">in progress</th><th class="num">in review</th><th class="num">blocked</th><th class="num">total</th></tr></thead><tbody>
${rows.map((r) => html`<tr><td>${r.name}</td><td class="num">${r.done}</td><td class="num">${r.not_started}</td><td class="num">${r.in_progress}</td><td class="num">${r.in_review}</td><td class="num">${r.blocked}</td><td class="num">${r.total}</td></tr>\n`)}</tbody></table>`;
}

const evidenceLink = (t: TaskView, p: Page) => (t.evidenceFile ? html` <a href="${p.link(t.evidenceFile)}" data-testid="evidence-link">evidence</a>` : '');

function taskRow(t: TaskView, p: Page): Safe {
  return html`<tr data-task="${t.id ?? ''}"><td><code>${t.id ?? '—'}</code>${evidenceLink(t, p)}</td><td>${t.title}</td><td>${t.owner ?? ''}</td><td class="st-${t.status}">${STATUS_WORDS[t.status]}</td><td class="loc">${t.file}:${t.line}</td></tr>\n`;
}

function taskTable(tasks: readonly TaskView[], testid: string, p: Page): Safe {
  if (tasks.length === 0) return html`<p class="empty" data-testid="${testid}">none</p>`;
  return html`<table data-testid="${testid}"><thead><tr><th>id</th><th>title</th><th>owner</th><th>status</th><th>where</th></tr></thead><tbody>${tasks.map((t) => taskRow(t, p))}</tbody></table>`;
}

function byPhase(tasks: readonly TaskView[], p: Page): Safe {
  const groups = new Map<string, TaskView[]>();
  for (const t of tasks) groups.set(t.phase ?? '(no phase)', [...(groups.get(t.phase ?? '(no phase)') ?? []), t]);
  return html`${[...groups].map(([phase, list]) => {
    const done = list.filter((t) => t.status === 'done').length;
    return html`<details data-phase="${phase}"${done < list.length ? html` open` : ''}><summary><strong>${phase}</strong> <span class="muted">${done}/${list.length} done</span></summary>${taskTable(list, p.id(`tasks-${slug(phase)}`), p)}</details>\n`;
  })}`;
}

function reasonsList(result: GateResult): Safe {
  if (!result.reasons.length) return html`<p class="empty" data-testid="reasons">none: the release may go</p>`;
  const item = (r: GateResult['reasons'][number]) =>
    html`<li data-id="${r.id}" data-category="${r.category}"><strong>${r.category}</strong> ${r.file ? html`<span class="loc">${r.file}${r.line ? `:${r.line}` : ''}</span> ` : ''}${r.message} <span class="id">[${r.id}]</span>${r.hint ? html`<br><span class="hint">→ ${r.hint}</span>` : ''}</li>\n`;
  return html`<ol class="reasons" data-testid="reasons">${groupReasons(result.reasons).map((g) =>
    g.reasons.length === 1
      ? item(g.reasons[0]!)
      : html`<li class="group" data-id="${g.reasons[0]!.id}" data-group="${g.id}" data-category="${g.category}" data-count="${g.reasons.length}"><strong>${g.category}</strong> ${g.title} <span class="id">[${g.id} ×${g.reasons.length}]</span>${g.hint ? html`<br><span class="hint">→ ${g.hint}</span>` : ''}<details><summary>${g.reasons.length} reasons</summary><ol>${g.reasons.map(item)}</ol></details></li>\n`,
  )}</ol>`;
}

function evidenceGaps(gaps: readonly TaskView[], p: Page): Safe {
  if (!gaps.length) return html`<p class="empty" data-testid="evidence-gaps">none</p>`;
  return html`<ul data-testid="evidence-gaps">${gaps.map(
    (t) => html`<li data-task="${t.id ?? ''}"><code>${t.id ?? ''}</code> ${t.title}${evidenceLink(t, p)}<ul>${t.evidence.map(
      (e) => html`<li data-blocking="${e.blocking ? 'true' : 'false'}" class="${e.blocking ? 'gap-blocking' : 'gap-warning'}"><span class="tag">${e.blocking ? 'blocking' : 'warning'}</span> ${e.message}</li>`,
    )}</ul></li>\n`,
  )}</ul>`;
}

/** The dashboard page: verdict and scope, grouped reasons, matrix grid, counts, blocked items, evidence gaps, all tasks, sign-offs. */
export function renderDashboard(result: GateResult, opts: { projectDir?: string; dashboardDir?: string } = {}): string {
  const p: Page = { link: linker(opts), id: uniqueIds() };
  const pass = result.verdict === 'PASS';
  const tasks = result.tasks ?? [];
  const blocked = tasks.filter((t) => t.status === 'blocked');
  const gaps = tasks.filter((t) => t.evidence.length > 0);
  const blocking = gaps.filter((t) => t.evidence.some((e) => e.blocking)).length;
  const page = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${CSP}"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>cutover gate: ${result.verdict}${result.name ? ` · ${result.name}` : ''}</title><style>${new Safe(STYLES)}</style></head>
<body>
<div class="verdict ${pass ? 'pass' : 'block'}" data-testid="verdict"><strong>${result.verdict}</strong><span>${result.name ?? ''}</span><span class="scope" data-testid="scope">${result.headline}</span><span class="meta">${pass ? 'no blocking reason' : `${result.reasons.length} blocking reason(s)`} · ${result.generatedAt} · ${result.config}</span></div>
<nav><a href="#blocking">Blocking reasons</a><a href="#matrix">Matrix</a><a href="#counts">Phases and owners</a><a href="#blocked">Blocked items</a><a href="#evidence">Evidence gaps</a><a href="#tasks">All tasks</a><a href="#signoffs">Sign-offs</a><a href="#rules">Rules</a></nav>
<h2 id="${p.id('blocking')}">Blocking reasons (${result.reasons.length})</h2>
${reasonsList(result)}
${result.warnings.length ? html`<details><summary>${result.warnings.length} warning(s), not blocking</summary><ul data-testid="warnings">${result.warnings.map((w) => html`<li>${w.file ? html`<span class="loc">${w.file}${w.line ? `:${w.line}` : ''}</span> ` : ''}${w.message} <span class="id">[${w.id}]</span></li>`)}</ul></details>` : ''}
<h2 id="${p.id('matrix')}">Matrix</h2>
${result.matrix ? matrixGrid(result.matrix, p.link, p.id) : html`<p class="empty" data-testid="matrix-grid">no matrix (not configured, or its file could not be read)</p>`}
<h2 id="${p.id('counts')}">Tasks by phase and owner</h2>
${countsTable('phase', result.counts.byPhase, 'by-phase')}
${countsTable('owner', result.counts.byOwner, 'by-owner')}
<h2 id="${p.id('blocked')}">Blocked items (${blocked.length})</h2>
${taskTable(blocked, 'blocked', p)}
<h2 id="${p.id('evidence')}">Evidence gaps (${gaps.length}: ${blocking} blocking, ${gaps.length - blocking} with warnings only)</h2>
${evidenceGaps(gaps, p)}
<h2 id="${p.id('tasks')}">All tasks (${tasks.length})</h2>
${byPhase(tasks, p)}
<h2 id="${p.id('signoffs')}">Sign-offs</h2>
<table data-testid="signoffs"><thead><tr><th>role</th><th>decision</th><th>name</th><th>date</th></tr></thead><tbody>${result.signoffs.map((s) => html`<tr data-role="${s.role}"><td>${s.role}</td><td class="${s.decision === 'approved' ? 's-passed' : 's-failed'}">${s.decision}</td><td>${s.name ?? ''}</td><td>${s.date ?? ''}</td></tr>`)}</tbody></table>
<h2 id="${p.id('rules')}">Rules</h2>
<table data-testid="rules"><thead><tr><th>rule</th><th>status</th><th>note</th></tr></thead><tbody>${result.rules.map((r) => html`<tr><td>${r.id}</td><td class="${r.status === 'ok' ? 's-passed' : r.status === 'skipped' ? 's-not_applicable' : 's-failed'}">${r.status}</td><td>${r.note ?? ''}</td></tr>`)}</tbody></table>
<p class="muted">Generated by cutover gate in ${result.durationMs} ms.</p>
</body></html>
`;
  return page.value;
}

/** Writes index.html (and gate.json beside it) to the folder; returns the page's path. */
export function writeDashboard(dir: string, result: GateResult, projectDir?: string): string {
  const file = path.join(dir, 'index.html');
  writeRedactedText(file, renderDashboard(redactValue(result), { dashboardDir: dir, ...(projectDir ? { projectDir } : {}) }));
  writeRedactedJson(path.join(dir, 'gate.json'), result);
  return file;
}
