import fs from 'node:fs';
import os from 'node:os';

/**
 * Live processes (zombies left out) whose environment holds `needle`, as "pid: command line":
 * `CUTOVER_PROC=<cutover's pid>-` finds everything one cutover run started (the supervisor's mark),
 * `CUTOVER_TEST_RUN=<id>` everything a test run started. Linux only (/proc); elsewhere, none.
 */
export function processesCarrying(needle: string): string[] {
  if (process.platform !== 'linux') return [];
  const found: string[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (/\) Z /.test(fs.readFileSync(`/proc/${name}/stat`, 'utf8'))) continue;
      if (!fs.readFileSync(`/proc/${name}/environ`, 'latin1').includes(needle)) continue;
      found.push(`${name}: ${fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim()}`);
    } catch {
      // ended while we looked
    }
  }
  return found;
}

/** What one cutover run (by its pid) left: processes carrying its mark, and temp dirs named by it. */
export const processesOfRun = (cliPid: number) => processesCarrying(`CUTOVER_PROC=${cliPid}-`);
export const tempDirsOfRun = (cliPid: number) => fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('cutover-') && n.includes(`-${cliPid}-`));
