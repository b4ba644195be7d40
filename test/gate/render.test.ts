import { describe, expect, it } from 'vitest';
import { renderDashboard } from '../../matrix/src/dashboard/render.js';
import { escapeHtml, html } from '../../matrix/src/dashboard/html.js';
import { countTasks } from '../../matrix/src/gate/counts.js';
import { gateMarkdown, mdText } from '../../matrix/src/gate/render/markdown.js';
import type { GateResult } from '../../matrix/src/gate/run-gate.js';

const EVIL = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned=2">';

export function evilResult(): GateResult {
  const tasks = [
    { id: 'T-1', title: `Harden ${EVIL}`, status: 'blocked' as const, owner: 'SEC"><b>', phase: `Phase <1> & "two"`, file: 'RUNBOOK.md', line: 5, evidence: [] },
    { id: 'T-2', title: 'Done', status: 'done' as const, owner: 'OPS', phase: `Phase <1> & "two"`, file: 'RUNBOOK.md', line: 6, evidence: [{ message: `section "Risk Notes" ${EVIL}`, blocking: true }] },
  ];
  return {
    verdict: 'BLOCK',
    headline: `BLOCK for linux; contract not required: ${EVIL}`,
    scope: { os: { judged: ['linux'], declared: ['linux'], notJudged: [] }, notRequired: [{ section: 'contract', reason: EVIL }], skipped: [] },
    reasons: [{ id: 'gate-task-open', severity: 'error', category: 'tasks', rule: 'tasks-open', message: `T-1 is blocked ${EVIL}`, file: 'RUNBOOK.md', line: 5, hint: `Unblock <it>` }],
    warnings: [],
    rules: [{ id: 'tasks-open', category: 'tasks', status: 'blocked', blocking: 1, note: `note ${EVIL}` }],
    counts: countTasks(tasks),
    tasks,
    matrix: {
      file: 'cutover.matrix.yaml',
      os: ['linux'],
      modes: ['user'],
      scope: ['linux'],
      reportCommit: 'f'.repeat(40),
      stale: [],
      rows: [{ id: 'row<1>', title: EVIL, area: 'security', required: true, tasks: ['T-1'], cells: [{ os: 'linux', mode: 'user', status: 'failed', message: `"${EVIL}` }] }],
    },
    signoffs: [{ role: 'SEC', decision: 'approved', name: EVIL, date: '2025-06-01' }],
    name: `app ${EVIL}`,
    config: 'cutover.config.ts',
    generatedAt: '2025-06-01T00:00:00.000Z',
    durationMs: 3,
  };
}

describe('dashboard escaping', () => {
  it('escapes every interpolated value; markup only comes from the template', () => {
    expect(html`<p title="${'"x" & <y>'}">${'<b>'}${html`<i>${'<u>'}</i>`}</p>`.value).toBe('<p title="&quot;x&quot; &amp; &lt;y&gt;">&lt;b&gt;<i>&lt;u&gt;</i></p>');
    expect(escapeHtml(`'\``)).toBe('&#39;&#96;');
    const page = renderDashboard(evilResult());
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).not.toContain('"><b>');
    expect(page).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;');
    expect(page).toContain('Content-Security-Policy" content="default-src &#39;none&#39;;');
  });
});

describe('markdown summary', () => {
  it('has the verdict, ranked reasons with hints, rules, matrix and counts, with text kept as text', () => {
    const md = gateMarkdown(evilResult(), { top: 10 });
    expect(md).toMatch(/^## cutover gate \(app .*\): ❌ BLOCK, 1 blocking reason\n/);
    expect(md).toContain('1. **tasks** `RUNBOOK.md:5` T-1 is blocked &lt;script&gt;');
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain('| row&lt;1&gt; | ❌ |');
    expect(md).toContain('### Tasks by owner');
    expect(mdText('a|b *c* `d`')).toBe('a\\|b \\*c\\* \\`d\\`');
  });
});
