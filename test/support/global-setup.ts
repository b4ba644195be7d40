import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { processesCarrying } from './processes.js';

/**
 * Nothing may be left behind by the suite. Each run gets a private TMPDIR that every worker and
 * every spawned process inherits; at teardown it must be empty, and no live process may still
 * carry this run's CUTOVER_TEST_RUN marker. A leak fails the run. A private TMPDIR also keeps
 * concurrent runs on one machine from seeing (or removing) each other's temp dirs.
 */
const processesWithMarker = (marker: string) => processesCarrying(`CUTOVER_TEST_RUN=${marker}`);

export default function setup() {
  const marker = randomUUID();
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-run-'));
  // Caches a project without node_modules keeps in the user's cache folder: the run's own, beside
  // (not inside) its TMPDIR, so a cache is not mistaken for a leftover and the user's is untouched.
  const cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-run-cache-'));
  process.env.CUTOVER_TEST_RUN = marker;
  process.env.TMPDIR = runDir;
  process.env.XDG_CACHE_HOME = cacheHome;
  return async () => {
    fs.rmSync(cacheHome, { recursive: true, force: true });
    // Give just-killed children a moment to be reaped.
    let leaked: string[] = [];
    for (let i = 0; i < 20; i++) {
      leaked = processesWithMarker(marker);
      if (leaked.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const leftovers = fs.readdirSync(runDir).map((n) => path.join(runDir, n));
    fs.rmSync(runDir, { recursive: true, force: true });
    const problems = [...leaked.map((p) => `process still running: ${p}`), ...leftovers.map((d) => `temp file or dir left behind: ${d}`)];
    if (problems.length) {
      for (const p of problems) console.error(`cutover test hygiene: ${p}`);
      // vitest reports a throwing teardown but keeps exit code 0; the run must fail.
      process.exitCode = 1;
      throw new Error(`the test suite left ${problems.length} thing(s) behind (listed above)`);
    }
  };
}
