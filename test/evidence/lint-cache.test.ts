import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { loadTasks } from '../../core/src/tasks/index.js';
import { lintEvidence } from '../../evidence/src/index.js';
import { fixtureDir } from './fixture.js';

/**
 * The lint cache (node_modules/.cache/cutover/evidence-lint.json) never changes what lint says: a
 * changed file is linted again, whatever its size and mtime, and a project without node_modules
 * gets no cache at all.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function project(withNodeModules: boolean): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-lintcache-'));
  dirs.push(dir);
  fs.cpSync(fixtureDir('lint-valid'), dir, { recursive: true });
  if (withNodeModules) fs.mkdirSync(path.join(dir, 'node_modules'));
  return dir;
}

async function lint(dir: string) {
  const loaded = await loadConfig({ cwd: dir, configPath: path.join(dir, 'cutover.config.json') });
  return (await lintEvidence(loaded, (await loadTasks(loaded)).tasks)).findings.map((f) => `${f.id} ${path.relative(dir, f.file ?? '')}:${f.line ?? ''}`);
}

const CACHE = 'node_modules/.cache/cutover/evidence-lint.json';

describe('evidence lint cache', () => {
  it('is written under node_modules/.cache, and gives the same findings as no cache', async () => {
    const dir = project(true);
    const evidence = path.join(dir, 'docs/migration-evidence/P0-T001.md');
    // Settled files: old enough for their stat to be trusted.
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(evidence, old, old);
    expect(await lint(dir)).toEqual([]);
    const cache = JSON.parse(fs.readFileSync(path.join(dir, CACHE), 'utf8'));
    expect(Object.keys(cache.entries)).toEqual([evidence]);
    expect(await lint(dir)).toEqual([]);

    // Same size, mtime put back: the change still shows (ctime and content are part of the key).
    const text = fs.readFileSync(evidence, 'utf8');
    const broken = text.replace('## Risk Notes', '## Risk Nopes');
    expect(broken.length).toBe(text.length);
    fs.writeFileSync(evidence, broken);
    fs.utimesSync(evidence, old, old);
    expect(await lint(dir)).toEqual(['evidence-section-missing docs/migration-evidence/P0-T001.md:']);
    fs.writeFileSync(evidence, text);
    expect(await lint(dir)).toEqual([]);
  });

  it("a cache entry that does not match the file's content is never used", async () => {
    const dir = project(true);
    const evidence = path.join(dir, 'docs/migration-evidence/P0-T001.md');
    await lint(dir);
    const file = path.join(dir, CACHE);
    const cache = JSON.parse(fs.readFileSync(file, 'utf8'));
    // A forged entry: claims a different content and a stat that does not match.
    cache.entries[evidence] = { ...cache.entries[evidence], sig: 'x', sha256: '0'.repeat(64), analysis: { findings: [], listed: [] } };
    fs.writeFileSync(file, JSON.stringify(cache));
    fs.writeFileSync(evidence, fs.readFileSync(evidence, 'utf8').replace('## Rollback Path', '## Nothing'));
    expect(await lint(dir)).toEqual(['evidence-section-missing docs/migration-evidence/P0-T001.md:']);
  });

  it('a project without node_modules lints without a cache and writes nothing', async () => {
    const dir = project(false);
    expect(await lint(dir)).toEqual([]);
    expect(fs.existsSync(path.join(dir, 'node_modules'))).toBe(false);
  });
});
