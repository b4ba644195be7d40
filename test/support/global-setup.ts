import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

/**
 * Nothing may be left behind by the suite. Every process a test spawns inherits
 * CUTOVER_TEST_RUN; at teardown no live process may still carry it, and no new
 * `cutover-*` temp dir may remain. A leak fails the run.
 */
const TMP_PREFIXES = ['cutover-'];

function tempEntries(): Set<string> {
  return new Set(fs.readdirSync(os.tmpdir()).filter((n) => TMP_PREFIXES.some((p) => n.startsWith(p))));
}

function processesWithMarker(marker: string): string[] {
  if (process.platform !== 'linux') return [];
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8');
      if (!environ.includes(`CUTOVER_TEST_RUN=${marker}`)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/\) Z /.test(stat)) continue; // a zombie has already exited
      found.push(`${pid}: ${fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim()}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

export default function setup() {
  const marker = randomUUID();
  process.env.CUTOVER_TEST_RUN = marker;
  const before = tempEntries();
  return async () => {
    // Give just-killed children a moment to be reaped.
    let leaked: string[] = [];
    for (let i = 0; i < 20; i++) {
      leaked = processesWithMarker(marker);
      if (leaked.length === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const leftDirs = [...tempEntries()].filter((n) => !before.has(n)).map((n) => path.join(os.tmpdir(), n));
    const problems = [
      ...leaked.map((p) => `process still running: ${p}`),
      ...leftDirs.map((d) => `temp dir left behind: ${d}`),
    ];
    if (problems.length) {
      for (const p of problems) console.error(`cutover test hygiene: ${p}`);
      for (const d of leftDirs) fs.rmSync(d, { recursive: true, force: true });
      throw new Error(`the test suite left ${problems.length} thing(s) behind (listed above)`);
    }
  };
}
