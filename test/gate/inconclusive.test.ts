// A matrix cell whose check had nothing to observe proves nothing: the matrix records it as
// inconclusive, and the gate blocks on it with its own reason. Real matrix run, real harness
// check against the fixture daemon, real gate.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hostOs } from '../../matrix/src/matrix-file/cells.js';
import { readReport } from '../../matrix/src/report/io.js';
import { COWORK_TARGET } from '../harness/support.js';
import type { TempProject } from '../matrix/helpers.js';
import { SEEDS, completedSeedProject, gateIn, reasonIds, runMatrixIn } from './helpers.js';

const projects: TempProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((p) => p.remove()));
});

/** The seed project with a harness section around the fixture daemon and one harness row. */
function withHarnessRow(builtins: string) {
  return (p: { dir: string; ids: string[] }) => {
    const config = `name: seed
tasks:
  sources:
    - path: RUNBOOK.md
matrix:
  file: cutover.matrix.yaml
gate:
  require:
    contract: false
    reason: the seed projects have no sources to extract a contract from
harness:
  new:
    transport: socket
    command: node
    args: [${JSON.stringify(COWORK_TARGET)}, --socket, "{{dataDir}}/f.sock", --token-file, "{{dataDir}}/token"]
    dataDir: true
    ready: { pattern: '"type":"ready"' }
    endpoint: "{{dataDir}}/f.sock"
    token: { file: "{{dataDir}}/token" }
  timeouts: { responseMs: 3000, waitMs: 5000, settleMs: 50 }
  builtins: ${builtins}
`;
    fs.writeFileSync(path.join(p.dir, 'cutover.config.yaml'), config);
    fs.writeFileSync(
      path.join(p.dir, 'cutover.matrix.yaml'),
      `version: 1
dimensions: { os: [${hostOs()}], mode: [user] }
rows:
  - id: auth
    title: Unauthenticated clients get nothing
    area: security
    tasks: [${JSON.stringify(p.ids[0])}]
    check: { kind: harness, scenarios: [auth] }
`,
    );
  };
}

describe('an inconclusive cell', () => {
  it('is recorded as inconclusive and blocks the gate with gate-cell-inconclusive', async () => {
    // Nothing the config names makes the daemon emit an event: whether events leak cannot be seen.
    const p = await completedSeedProject(SEEDS.internal, withHarnessRow('{ health: { command: echo } }'));
    projects.push(p);
    const run = await runMatrixIn(p.dir);
    const cell = readReport(run.reportFile).cells.find((c) => c.row === 'auth')!;
    expect(cell.status).toBe('inconclusive');
    expect(cell.message).toMatch(/^harness: 1 check\(s\) had nothing to observe: auth \(both probes were refused, but no event was emitted afterwards/);
    expect(readReport(run.reportFile).summary.inconclusive).toBe(1);
    const gate = await gateIn(p.dir);
    expect(gate.verdict).toBe('BLOCK');
    expect(reasonIds(gate)).toEqual(['gate-cell-inconclusive']);
    expect(gate.reasons[0]!.message).toMatch(/^auth on \w+\/user was inconclusive: harness: 1 check\(s\) had nothing to observe/);
  }, 120_000);

  it('with a command that makes the daemon emit, the same row passes and the gate lets it through', async () => {
    const p = await completedSeedProject(SEEDS.internal, withHarnessRow('{ health: { command: echo }, createSession: { command: create } }'));
    projects.push(p);
    const run = await runMatrixIn(p.dir);
    expect(readReport(run.reportFile).cells.find((c) => c.row === 'auth')!.status).toBe('passed');
    expect((await gateIn(p.dir)).verdict).toBe('PASS');
  }, 120_000);
});
