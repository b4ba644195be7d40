import { describe, expect, it } from 'vitest';
import { red, runExampleCopy } from './example-copy.js';
import { ownTmpdir } from './helpers.js';

ownTmpdir();

/**
 * examples/notes-service, as shipped and with one fault planted at a time in a copy: each fault
 * turns exactly the row that guards against it red, with a message that names what went wrong.
 */
describe.skipIf(process.platform === 'win32')('examples/notes-service under planted faults', () => {
  it('as shipped, every row passes', async () => {
    const rows = await runExampleCopy('notes-service');
    expect(Object.keys(rows).sort()).toEqual(['lifecycle.launchd', 'lifecycle.log-rotation', 'lifecycle.status', 'persistence.atomic-write', 'persistence.sigint', 'persistence.sigterm']);
    expect(red(rows), JSON.stringify(rows, null, 2)).toEqual([]);
  }, 120_000);

  it('SIGTERM handler removed: persistence.sigterm fails, the process having died of SIGTERM without saving', async () => {
    const rows = await runExampleCopy('notes-service', [{ file: 'src/lifecycle.mjs', from: "for (const signal of ['SIGTERM', 'SIGINT'])", to: "for (const signal of ['SIGINT'])" }]);
    expect(red(rows)).toEqual(['persistence.sigterm']);
    expect(rows['persistence.sigterm']!.message).toMatch(/^step 6\/12 \(expectExit\) failed: target notes was killed by SIGTERM, expected exit code 0; target notes's output ends with:\n(.*\n)*.*request session\.list$/);
  }, 120_000);

  it('sessions written in place instead of through a temp file: the SIGKILL mid-write of persistence.atomic-write leaves a file that does not parse', async () => {
    const rows = await runExampleCopy('notes-service', [{ file: 'src/session-store.mjs', from: 'const target = `${this.file}.tmp-${process.pid}`;', to: 'const target = this.file;' }]);
    expect(red(rows)).toEqual(['persistence.atomic-write']);
    expect(rows['persistence.atomic-write']!.message).toMatch(/^step 6\/9 \(expectFile\) failed: \{\{tmp\}\}\/data\/sessions\.json does not parse as JSON/);
  }, 120_000);
});
