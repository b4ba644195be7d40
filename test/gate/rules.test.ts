import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { GATE_RULES } from '../../matrix/src/gate/registry.js';
import { rankReasons } from '../../matrix/src/gate/rank.js';
import { runGate } from '../../matrix/src/gate/run-gate.js';
import { REPO_ROOT } from '../support/cli.js';
import { FIXTURES, load } from '../matrix/helpers.js';

const ROOT = path.join(FIXTURES, 'gate/rules');
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.promises.rm(d, { recursive: true, force: true })));
});

describe('gate rule registry', () => {
  it('registers every rule file, each with a fixture', () => {
    const files = fs
      .readdirSync(path.join(REPO_ROOT, 'matrix/src/gate/rules'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => f.slice(0, -3))
      .sort();
    expect(GATE_RULES.map((r) => r.id).sort()).toEqual(files);
    for (const r of GATE_RULES) expect(fs.existsSync(path.join(ROOT, r.id, 'expected.json')), `test/fixtures/gate/rules/${r.id}/`).toBe(true);
  });
});

describe('gate rules on their fixtures', () => {
  for (const rule of GATE_RULES) {
    it(rule.id, async () => {
      // A copy, so nothing the gate writes lands in the fixture.
      const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'cutover-rule-'));
      dirs.push(dir);
      await fs.promises.cp(path.join(ROOT, rule.id), dir, { recursive: true });
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { status: string; reasons: string[]; messages?: string[] };
      const result = await runGate({ loaded: await load(dir), rules: [rule] });
      expect(result.rules).toHaveLength(1);
      expect(result.rules[0]!.status).toBe(expected.status);
      expect(result.reasons.map((r) => r.id)).toEqual(expected.reasons);
      expect(result.verdict).toBe(expected.reasons.length ? 'BLOCK' : 'PASS');
      for (const [i, m] of (expected.messages ?? []).entries()) expect(result.reasons[i]!.message).toMatch(new RegExp(m));
      // Every blocking reason says what to do.
      for (const r of result.reasons) expect(r.hint, r.message).toBeTruthy();
      expect(rankReasons(result.reasons)).toEqual(result.reasons);
    });
  }
});
