import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import { runExtraction } from '../../manifests/src/extract/run.js';
import type { ManifestOptions } from '../../manifests/src/options.js';
import { DEFAULT_TS } from './ts-fixture.js';

let dir: string;

function options(overrides: Partial<ManifestOptions> = {}): ManifestOptions {
  return {
    configDir: dir,
    root: dir,
    out: path.join(dir, 'manifests'),
    locations: true,
    types: true,
    cache: path.join(dir, '.cutover-cache'),
    schemas: true,
    groups: {
      rust: { include: ['src-tauri/**/*.rs'], exclude: [], configured: true },
      sidecar: { include: ['sidecar/**/*.ts'], exclude: [], configured: true },
      frontend: { include: ['src/**/*.ts'], exclude: [], configured: true },
    },
    rust: { forwardCalls: ['send_command'], injectedTypes: [] },
    ts: DEFAULT_TS,
    rules: {},
    ignore: [],
    ...overrides,
  };
}

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

const run = (o = options()) => runExtraction(o, EXTRACTORS);
const invokes = async (o = options()) => (await run(o)).facts.filter((f) => f.kind === 'invoke').map((f) => `${f.loc.file}:${'name' in f ? f.name : ''}`).sort();

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-cache-'));
  write('src/consts.ts', "export const LIST = 'agent_list_sessions';\n");
  write('src/app.ts', "import { invoke } from '@tauri-apps/api/core';\nimport { LIST } from './consts';\nexport const a = () => invoke(LIST);\n");
  write('src/other.ts', "import { invoke } from '@tauri-apps/api/core';\nexport const b = () => invoke('daemon_health');\n");
  write('src/late.ts', "import { invoke } from '@tauri-apps/api/core';\nimport { LATE } from './not-yet';\nexport const c = () => invoke(LATE);\n");
  write('sidecar/types.ts', 'export interface P { sessionId: string }\n');
  write('sidecar/router.ts', "import type { P } from './types';\ndeclare function registerHandler(n: string, f: (p: P) => unknown): void;\nregisterHandler('agent_get_session', (p: P) => p.sessionId);\n");
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the content-hash cache', () => {
  it('parses nothing on a warm run over unchanged files, and returns the same facts', async () => {
    const cold = await run();
    expect(cold.stats.extracted['ts-frontend-invoke']).toBe(4);
    expect(cold.stats.extracted['ts-sidecar-registrar']).toBe(2);
    const warm = await run();
    expect(Object.values(warm.stats.extracted).every((n) => n === 0)).toBe(true);
    expect(warm.facts).toEqual(cold.facts);
    expect(warm.findings).toEqual(cold.findings);
  });

  it('re-extracts a changed file and the files that resolved names through it, not the others', async () => {
    await run();
    write('src/consts.ts', "export const LIST = 'agent_list_all_sessions';\n");
    const next = await run();
    expect(next.stats.extracted['ts-frontend-invoke']).toBe(2);
    expect(await invokes()).toEqual(['src/app.ts:agent_list_all_sessions', 'src/other.ts:daemon_health']);
  });

  it('re-extracts a file whose import did not resolve once the imported file appears', async () => {
    await run();
    expect((await run()).facts.filter((f) => f.kind === 'unresolved')).toHaveLength(1);
    write('src/not-yet.ts', "export const LATE = 'workflow_list';\n");
    expect(await invokes()).toContain('src/late.ts:workflow_list');
  });

  it('an import alias declared (or changed) in a tsconfig above the sources re-extracts the group', async () => {
    write('src/aliased.ts', "import { invoke } from '@tauri-apps/api/core';\nimport { LIST } from '@/consts';\nexport const d = () => invoke(LIST);\n");
    expect(await invokes()).not.toContain('src/aliased.ts:agent_list_sessions');
    write('tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }\n');
    expect(await invokes()).toContain('src/aliased.ts:agent_list_sessions');
    write('tsconfig.json', '{ "compilerOptions": { "paths": { "@/*": ["./lib/*"] } } }\n');
    expect(await invokes()).not.toContain('src/aliased.ts:agent_list_sessions');
  });

  it('drops the facts of a deleted file', async () => {
    await run();
    fs.rmSync(path.join(dir, 'src/other.ts'));
    expect(await invokes()).toEqual(['src/app.ts:agent_list_sessions']);
  });

  it('re-extracts handler files when a type they use changes (schemas depend on the whole group)', async () => {
    await run();
    write('sidecar/types.ts', 'export interface P { sessionId: number }\n');
    const next = await run();
    const h = next.facts.find((f) => f.kind === 'handler');
    expect(h && 'params' in h ? h.params : undefined).toEqual({ type: 'object', properties: { sessionId: { type: 'number' } }, required: ['sessionId'] });
  });

  it('starts over when the options change, and writes nothing with cache: false', async () => {
    await run();
    const changed = await run(options({ ts: { ...DEFAULT_TS, invokeFunctions: ['call'] } }));
    expect(changed.stats.extracted['ts-frontend-invoke']).toBe(4);
    fs.rmSync(path.join(dir, '.cutover-cache'), { recursive: true });
    await run(options({ cache: false }));
    expect(fs.existsSync(path.join(dir, '.cutover-cache'))).toBe(false);
  });
});
