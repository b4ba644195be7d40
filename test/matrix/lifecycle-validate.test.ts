import { afterEach, describe, expect, it } from 'vitest';
import { loadMatrixFile } from '../../matrix/src/matrix-file/load.js';
import { tempProject, type TempProject } from './helpers.js';

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

async function problemsOf(rows: string): Promise<string[]> {
  const matrix = [
    'version: 1',
    'dimensions: { os: [linux], mode: [user] }',
    'targets:',
    '  svc: { command: [node, svc.js] }',
    'rows:',
    rows,
    '',
  ].join('\n');
  const p = await tempProject({ 'cutover.matrix.yaml': matrix });
  projects.push(p);
  try {
    loadMatrixFile(`${p.dir}/cutover.matrix.yaml`);
    return [];
  } catch (e) {
    return (e as { details: string[] }).details.map((d) => d.replace(/^\S+\s+/, ''));
  }
}

describe('a lifecycle check, when the matrix file loads', () => {
  it('reports every step that names an unknown target, acts before a start, or compares with nothing captured, each at its line', async () => {
    const rows = `  - id: r
    title: t
    area: lifecycle
    tasks: [T-1]
    check:
      kind: lifecycle
      steps:
        - signal: TERM
        - start: nosuch
        - start: svc
        - stop: { target: other }
        - expectSame: { command: get, as: before }
        - expectLog: { pattern: "(" }
        - killWhen: { withinMs: 10 }`;
    const problems = await problemsOf(rows);
    expect(problems).toEqual([
      'rows[0].check.steps[0].signal: signal acts on a target, but no step before it starts one',
      'rows[0].check.steps[1].start: unknown target "nosuch" (defined: svc)',
      'rows[0].check.steps[3].stop: unknown target "other" (defined: svc)',
      'rows[0].check.steps[4].expectSame: expectSame: no earlier request step captures an answer as "before"',
      'rows[0].check.steps[5].expectLog: expectLog.pattern: not a valid regular expression: (',
      'rows[0].check.steps[6].killWhen: killWhen: give file or log',
    ]);
  });

  it('a row target beside a lifecycle check is refused: the check starts its targets itself', async () => {
    const rows = `  - { id: r, title: t, area: lifecycle, tasks: [T-1], target: svc, check: { kind: lifecycle, steps: [{ start: svc }] } }`;
    expect(await problemsOf(rows)).toEqual(['rows[0].check: a lifecycle check starts its targets itself (a start step); remove the row\'s target "svc"']);
  });

  it('a step with two actions, or none, is a schema error that says what a step is', async () => {
    const rows = `  - { id: r, title: t, area: lifecycle, tasks: [T-1], check: { kind: lifecycle, steps: [{ start: svc, stop: svc }] } }`;
    const problems = await problemsOf(rows);
    expect(problems.join('\n')).toMatch(/steps\[0\].*a lifecycle step is one action/);
  });
});
