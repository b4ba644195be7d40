import { describe, expect, it } from 'vitest';
import { red, runExampleCopy } from './example-copy.js';
import { ownTmpdir } from './helpers.js';

ownTmpdir();

/** examples/sync-daemon (the Node implementation of its protocol), as shipped and with one fault planted at a time. */
describe.skipIf(process.platform === 'win32')('examples/sync-daemon under planted faults', () => {
  it('as shipped, every row passes', async () => {
    const rows = await runExampleCopy('sync-daemon');
    expect(Object.keys(rows).sort()).toEqual(['continuity.control-socket', 'lifecycle.launchd', 'lifecycle.sigterm', 'lifecycle.stale-socket', 'performance.status', 'security.socket-mode']);
    expect(red(rows), JSON.stringify(rows, null, 2)).toEqual([]);
  }, 120_000);

  it('the socket left behind after SIGTERM: lifecycle.sigterm fails, naming the socket', async () => {
    const rows = await runExampleCopy('sync-daemon', [{ file: 'node/runtime.mjs', from: "process.on('SIGTERM', () => shutdown('SIGTERM'));", to: "process.on('SIGTERM', () => process.exit(0));" }]);
    expect(red(rows)).toEqual(['lifecycle.sigterm']);
    expect(rows['lifecycle.sigterm']!.message).toMatch(/^step 4\/8 \(expectFile\) failed: \{\{tmp\}\}\/\.syncd\/daemon\.sock still exists/);
  }, 120_000);

  it('a socket other users can reach: security.socket-mode fails with its mode', async () => {
    const rows = await runExampleCopy('sync-daemon', [{ file: 'node/runtime.mjs', from: 'fs.chmodSync(path, 0o600);', to: 'fs.chmodSync(path, 0o666);' }]);
    expect(red(rows)).toEqual(['security.socket-mode']);
    expect(rows['security.socket-mode']!.message).toMatch(/^\{\{tmp\}\}\/\.syncd\/daemon\.sock has mode 0666, expected 0600/);
  }, 120_000);
});
