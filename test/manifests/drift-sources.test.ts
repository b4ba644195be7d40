import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../support/cli.js';
import { FIXTURES } from './ts-fixture.js';

/**
 * A small app with a Tauri command forwarding to the sidecar, its manifests written with
 * locations, in a folder of a "repository" (the temp dir), as a workflow with
 * `working-directory: app` runs it.
 */
let repo: string;
let app: string;
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runBuiltCli(args, { cwd: app, env, timeoutMs: 90_000 });
const inActions = { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: '' };
const edit = (rel: string, from: string | RegExp, to: string) => {
  const file = path.join(app, rel);
  const text = fs.readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`mutation did not apply to ${rel}`);
  fs.writeFileSync(file, next);
};

beforeEach(async () => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-drift-sources-'));
  app = path.join(repo, 'app');
  fs.cpSync(path.join(FIXTURES, 'drift-sources/app'), app, { recursive: true });
  inActions.GITHUB_WORKSPACE = repo;
  const update = await cli(['manifest', '--update']);
  expect(update.code).toBe(0);
}, 120_000);

afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

describe('drift on a forwarding command, with locations on', () => {
  it('renaming a Tauri-facing param of a forwarding command is breaking, though the sidecar side is unchanged; the annotation points at the Rust command', async () => {
    edit('src-tauri/src/main.rs', 'async fn open_doc(doc_id: String,', 'async fn open_doc(document_id: String,');
    edit('src-tauri/src/main.rs', '"docId": doc_id', '"docId": document_id');
    const r = await cli(['drift', '--json'], inActions);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { changes: { class: string; message: string }[] };
    expect(doc.changes.filter((c) => c.class !== 'metadata').map((c) => `${c.class}: ${c.message}`)).toEqual([
      'breaking: command doc_open: Tauri command open_doc: field params.docId removed',
      'breaking: command doc_open: Tauri command open_doc: new required field params.documentId (string): callers that do not send it break',
    ]);
    // In Actions (annotations on stderr beside --json), at the changed source line, relative to the repository root.
    const annotations = r.stderr.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toContain('::error file=app/src-tauri/src/main.rs,line=4,title=drift-breaking::command doc_open: Tauri command open_doc: field params.docId removed');
    expect(annotations.some((l) => l.includes('commands.json'))).toBe(false);
  }, 120_000);

  it('a comment line moves every later location but is not drift (exit 0, nothing to annotate)', async () => {
    edit('src-tauri/src/main.rs', /^/, '// The command layer.\n');
    edit('src-sidecar/src/router.ts', /^/, '// The router.\n');
    edit('src/app.ts', /^/, '// Calls into Rust.\n');
    const r = await cli(['drift'], inActions);
    expect(r.stdout).toContain('No drift: the sources match the committed manifests.');
    expect(r.stdout).toContain('Only file:line of some sites moved, which is not drift');
    expect(r.stdout).not.toContain('::');
    expect(r.code).toBe(0);
    const json = JSON.parse((await cli(['drift', '--json'])).stdout) as { ok: boolean; changes: unknown[]; locationsMoved: boolean };
    expect(json).toMatchObject({ ok: true, changes: [], locationsMoved: true });
  }, 120_000);

  it('annotations are capped at 10 with one line saying how many more and where to read them', async () => {
    const calls = Array.from({ length: 12 }, (_, i) => `export const c${i} = () => invoke('missing_${String(i).padStart(2, '0')}');`);
    fs.writeFileSync(path.join(app, 'src/extra.ts'), [`import { invoke } from '@tauri-apps/api/core';`, ...calls, ''].join('\n'));
    const r = await cli(['check'], inActions);
    expect(r.code).toBe(1);
    const annotations = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(annotations).toHaveLength(11);
    expect(annotations.slice(0, 10).every((l) => l.startsWith('::error file=app/src/extra.ts,line='))).toBe(true);
    expect(annotations[10]).toBe('::notice title=cutover check::2 more finding(s) are not shown as annotations (GitHub shows about 10 per step); the `cutover check` output of this step lists all 12.');
    // The listing itself still has all of them.
    expect(r.stdout).toContain('unregistered-invoke (12 errors)');
  }, 120_000);
});
