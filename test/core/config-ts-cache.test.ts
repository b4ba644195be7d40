import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';

/**
 * A typed config outside any project that has cutover installed (as with a global install or
 * npx) still imports `defineConfig` from 'cutover': the name resolves to the running package.
 * Its compiled form is kept under node_modules/.cache/cutover and used again while the file is
 * unchanged.
 */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function project(config: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-tsconfig-'));
  dirs.push(dir);
  // A node_modules of the project's own, without cutover in it: the cache goes there.
  fs.mkdirSync(path.join(dir, 'node_modules'));
  fs.writeFileSync(path.join(dir, 'cutover.config.ts'), config);
  return dir;
}

describe('cutover.config.ts', () => {
  it("resolves 'cutover' and its entry points to the running package, and caches the compiled config by content", async () => {
    const dir = project(
      "import { defineConfig } from 'cutover';\nimport type { CutoverConfig } from 'cutover';\nimport * as matrix from 'cutover/matrix';\n\nconst name: string = typeof matrix === 'object' ? 'typed' : 'x';\nexport default defineConfig({ name, gate: { top: 3 } } satisfies CutoverConfig);\n",
    );
    const first = await loadConfig({ cwd: dir });
    expect(first.config).toEqual({ name: 'typed', gate: { top: 3 } });
    const cacheDir = path.join(dir, 'node_modules/.cache/cutover/config');
    const cached = fs.readdirSync(cacheDir);
    expect(cached).toHaveLength(1);

    // An edit is seen at once: the cache is checked against the file's content.
    fs.writeFileSync(path.join(dir, 'cutover.config.ts'), "import { defineConfig } from 'cutover';\nexport default defineConfig({ name: 'edited' });\n");
    expect((await loadConfig({ cwd: dir })).config).toEqual({ name: 'edited' });
  });

  it('a config that does not compile is a config error naming the file', async () => {
    const dir = project("import { defineConfig } from 'cutover';\nexport default defineConfig({ name: 'x' ;\n");
    await expect(loadConfig({ cwd: dir })).rejects.toThrow(/the config module failed to load/);
  });
});
