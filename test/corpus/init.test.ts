/**
 * `cutover init --yes` then `cutover check` on each real app of the corpus, as a new user would:
 * a copy of the app, nothing configured by hand. What is expected comes from reading the apps (the
 * corpus fixtures' expected.json, derived without cutover): where generate_handler! lives and how
 * many commands each lists, and every real defect, which must be reported as an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runBuiltCli } from '../support/cli.js';
import { corpusPresent } from '../support/corpus-dir.js';
import { CORPUS } from './helpers.js';
const EXPECTED = path.join(REPO_ROOT, 'test/fixtures/corpus');

interface Defect {
  rule: string;
  file: string;
  line: number;
  name: string;
}

interface App {
  tauri: 1 | 2;
  /** Each generate_handler![…]: file:line and how many commands it lists. */
  handlers: [string, number][];
  defects: Defect[];
}

const APPS: Record<string, App> = {
  ecopaste: {
    tauri: 2,
    handlers: [['src-tauri/src/lib.rs:97', 86]],
    defects: [],
  },
  claudia: {
    tauri: 2,
    handlers: [['src-tauri/src/main.rs:174', 97]],
    defects: [
      { rule: 'unregistered-invoke', file: 'src/components/Agents.tsx', line: 132, name: 'read_text_file' },
      { rule: 'unregistered-invoke', file: 'src/components/Agents.tsx', line: 156, name: 'write_text_file' },
      { rule: 'unregistered-invoke', file: 'src/components/AgentsModal.tsx', line: 194, name: 'write_file' },
      { rule: 'event-not-emitted', file: 'src/components/claude-code-session/useClaudeMessages.ts', line: 106, name: 'claude-stream' },
    ],
  },
  'pot-desktop': { tauri: 1, handlers: [['src-tauri/src/main.rs:130', 20]], defects: [] },
  'clash-nyanpasu': {
    tauri: 2,
    handlers: [['backend/tauri/src/lib.rs:242', 67]],
    defects: [{ rule: 'unregistered-invoke', file: 'frontend/interface/src/service/tauri.ts', line: 36, name: 'get_runtime_logs' }],
  },
  yaak: {
    tauri: 2,
    handlers: [
      ['crates-tauri/yaak-app-client/src/lib.rs:1348', 1],
      ['crates-tauri/yaak-app-proxy/src/lib.rs:85', 1],
      ['crates-tauri/yaak-fonts/src/lib.rs:14', 1],
      ['crates-tauri/yaak-license/src/lib.rs:15', 3],
      ['crates-tauri/yaak-mac-window/src/lib.rs:34', 2],
    ],
    defects: [],
  },
};

interface Finding {
  id: string;
  severity: string;
  file?: string;
  line?: number;
  data?: { name?: string };
}

describe.skipIf(!corpusPresent())('cutover init + check on the corpus (built CLI)', () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-corpus-init-'));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const [name, app] of Object.entries(APPS)) {
    it(`${name}: init finds the app and writes a config; check reports every real defect as an error`, async () => {
      const dir = path.join(tmp, name);
      fs.cpSync(path.join(CORPUS, name), dir, { recursive: true });
      fs.mkdirSync(path.join(dir, 'node_modules'));
      const init = await runBuiltCli(['init', '--yes', '--json'], { cwd: dir, timeoutMs: 240_000 });
      expect(init.code, init.stderr).toBe(0);
      const found = JSON.parse(init.stdout) as { written: string[]; found: { apps: { major?: number }[]; handlers: { file: string; line: number; commands: number }[] } };
      expect(found.written).toContain('cutover.config.ts');
      expect(new Set(found.found.apps.map((a) => a.major))).toEqual(new Set([app.tauri]));
      expect(found.found.handlers.map((h) => [`${h.file}:${h.line}`, h.commands])).toEqual(app.handlers);

      const check = await runBuiltCli(['check', '--json'], { cwd: dir, timeoutMs: 240_000 });
      expect([0, 1], check.stderr).toContain(check.code);
      const findings = (JSON.parse(check.stdout) as { findings: Finding[] }).findings;
      const errors = findings.filter((f) => f.severity === 'error');
      const defects = expectedDefects(name, app);
      for (const d of defects) {
        expect(errors.some((f) => f.id === d.rule && f.file === d.file && f.data?.name === d.name), `${d.rule} ${d.name} at ${d.file}:${d.line}`).toBe(true);
      }
      const real = (f: Finding) => defects.some((d) => f.id === d.rule && f.file === d.file && f.data?.name === d.name);
      const others = [...new Set(errors.filter((f) => !real(f)).map((f) => f.id))].sort();
      // Nothing but the real defects is an error.
      expect(others).toEqual([]);
    }, 600_000);
  }
});

/** The defects listed here, checked against the corpus fixture's own list when it is in the tree. */
function expectedDefects(name: string, app: App): Defect[] {
  const file = path.join(EXPECTED, name, 'expected.json');
  if (fs.existsSync(file)) {
    const fixture = (JSON.parse(fs.readFileSync(file, 'utf8')) as { defects: Defect[] }).defects;
    expect(fixture.map((d) => `${d.rule} ${d.file} ${d.name}`).sort()).toEqual(app.defects.map((d) => `${d.rule} ${d.file} ${d.name}`).sort());
  }
  return app.defects;
}
