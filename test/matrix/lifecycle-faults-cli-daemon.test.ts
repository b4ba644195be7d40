import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';
import { red, runExampleCopy } from './example-copy.js';
import { ownTmpdir, runCheck } from './helpers.js';

ownTmpdir();

const IGNORE_TERM = { file: 'src/daemon.mjs', from: "process.on('SIGTERM', () => shutdown('SIGTERM'));", to: "process.on('SIGTERM', () => log('SIGTERM: ignored'));" };

/** examples/cli-daemon, as shipped and with one fault planted at a time. */
describe.skipIf(process.platform === 'win32')('examples/cli-daemon under planted faults', () => {
  it('as shipped, every row passes', async () => {
    const rows = await runExampleCopy('cli-daemon');
    expect(Object.keys(rows).sort()).toEqual(['lifecycle.launchd', 'lifecycle.pid-file', 'lifecycle.sigterm', 'lifecycle.single-instance', 'lifecycle.stale-pid', 'lifecycle.systemd-user']);
    expect(red(rows), JSON.stringify(rows, null, 2)).toEqual([]);
  }, 120_000);

  it('the PID file not removed at stop: lifecycle.pid-file fails, naming the file', async () => {
    const rows = await runExampleCopy('cli-daemon', [{ file: 'src/daemon.mjs', from: '  removePidFile(pidFile(home), process.pid);\n', to: '' }]);
    expect(red(rows)).toEqual(['lifecycle.pid-file']);
    expect(rows['lifecycle.pid-file']!.message).toMatch(/^step 7\/8 \(expectFile\) failed: \{\{tmp\}\}\/\.clid\/daemon\.pid still exists/);
  }, 120_000);

  it('a daemon that ignores SIGTERM: lifecycle.sigterm fails, reporting that SIGKILL had to end it', async () => {
    const rows = await runExampleCopy('cli-daemon', [IGNORE_TERM]);
    expect(red(rows)).toEqual(['lifecycle.sigterm']);
    expect(rows['lifecycle.sigterm']!.message).toMatch(/^step 2\/2 \(stop\) failed: SIGTERM did not end target clid within 3000 ms; SIGKILL ended it/);
  }, 120_000);

  it('KeepAlive of the wrong type in the LaunchAgent: lifecycle.launchd fails, showing the type', async () => {
    const rows = await runExampleCopy('cli-daemon', [{ file: 'templates/dev.example.clid.plist.in', from: '<false/>', to: '<string>false</string>' }]);
    expect(red(rows)).toEqual(['lifecycle.launchd']);
    expect(rows['lifecycle.launchd']!.message).toBe('"KeepAlive" condition "SuccessfulExit" must be <true/> or <false/>, found <string>false</string>; "KeepAlive.SuccessfulExit" is <string>false</string>, expected false');
  }, 120_000);

  it('a placeholder the installer does not fill in: lifecycle.systemd-user fails, naming it', async () => {
    const rows = await runExampleCopy('cli-daemon', [{ file: 'templates/clid.service.in', from: 'KillSignal=SIGTERM\n', to: 'KillSignal=SIGTERM\nEnvironment=CLID_LOG_LEVEL=__LOG_LEVEL__\n' }]);
    expect(red(rows)).toEqual(['lifecycle.systemd-user']);
    expect(rows['lifecycle.systemd-user']!.message).toBe('__LOG_LEVEL__ was left in the rendered definition');
  }, 120_000);
});

describe.skipIf(process.platform === 'win32')("clid stop's own escalation", () => {
  it('sends SIGKILL after its timeout to a daemon that ignores SIGTERM, and still leaves no PID file', async () => {
    const src = path.join(REPO_ROOT, 'examples/cli-daemon');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-example-clid-'));
    try {
      fs.cpSync(path.join(src, 'bin'), path.join(dir, 'bin'), { recursive: true });
      fs.cpSync(path.join(src, 'src'), path.join(dir, 'src'), { recursive: true });
      fs.cpSync(path.join(src, 'templates'), path.join(dir, 'templates'), { recursive: true });
      const daemon = path.join(dir, IGNORE_TERM.file);
      fs.writeFileSync(daemon, fs.readFileSync(daemon, 'utf8').replace(IGNORE_TERM.from, IGNORE_TERM.to));
      const stop = [process.execPath, 'bin/clid.mjs', 'stop', '--home', '{{tmp}}'];
      const check = {
        kind: 'lifecycle',
        steps: [
          { start: 'clid' },
          { stop: { command: stop, expectOutput: '^clid did not stop within 500 ms of SIGTERM; sent SIGKILL \\(pid \\d+\\)$', graceMs: 3000 } },
          { expectFile: { path: '{{tmp}}/.clid/daemon.pid', exists: false } },
        ],
      };
      const target = {
        command: [process.execPath, 'bin/clid.mjs', 'start', '--home', '{{tmp}}'],
        env: { CLID_STOP_TIMEOUT_MS: '500' },
        forks: true,
        pidFile: { path: '{{tmp}}/.clid/daemon.pid' },
        ready: { file: '{{tmp}}/.clid/daemon.pid' },
      };
      const { outcome } = await runCheck(dir, check, { targets: { clid: target } });
      expect(outcome.status, outcome.message).toBe('passed');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
