import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, forkTarget, ownTmpdir, psWith, runCheck } from './helpers.js';

// Cell folders are counted: other files' cells must not be.
ownTmpdir();

const tags: string[] = [];
afterAll(() => {
  // Whatever a failed test left is ended here, so one failure does not leak into the suite's leak check.
  for (const tag of tags) for (const line of psWith(tag)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
});

const newTag = () => {
  const tag = `cutover-fork-${process.pid}-${tags.length}-${Date.now()}`;
  tags.push(tag);
  return tag;
};

describe.skipIf(process.platform === 'win32')('a target that forks a daemon and exits', () => {
  it('is ready once its socket accepts, its socket mode is probed, and nothing of it is left after the cell', async () => {
    const tag = newTag();
    const { outcome } = await runCheck(FIXTURES, { kind: 'file-mode', files: [{ path: '{{tmp}}/d.sock', type: 'socket' }] }, { target: forkTarget(tag, '--chmod-after-ms', '300') });
    expect(outcome.status, outcome.message).toBe('passed');
    expect(psWith(tag)).toEqual([]);
  });

  it('a daemon that cleared its environment and left the group is still ended, found by its PID file', async () => {
    const tag = newTag();
    const { outcome } = await runCheck(FIXTURES, { kind: 'file-mode', files: [{ path: '{{tmp}}/d.sock', type: 'socket' }] }, { target: forkTarget(tag, '--clear-env') });
    expect(outcome.status, outcome.message).toBe('passed');
    expect(psWith(tag)).toEqual([]);
  });

  it('a daemon that dies during the check is reported, not passed', async () => {
    const tag = newTag();
    const { outcome } = await runCheck(FIXTURES, { kind: 'shell', run: 'sleep 2' }, { target: forkTarget(tag, '--crash-after-ms', '200') });
    expect(outcome.status).toBe('error');
    expect(outcome.message).toMatch(/target daemon is no longer running \(its daemon ended\) during the check/);
  });

  it('without `forks`, the exit of the start command is a target that did not start, with its output', async () => {
    const tag = newTag();
    const { forks: _forks, ...spec } = forkTarget(tag);
    const { outcome } = await runCheck(FIXTURES, { kind: 'shell', run: 'sleep 1' }, { target: spec });
    expect(outcome.status).toBe('error');
    // Either it exited before its socket accepted, or right after: a target that ends is never a pass.
    expect(outcome.message).toMatch(/target "daemon" exited \(exited with code 0\) while waiting for .*d\.sock to accept a connection|target daemon exited with code 0 during the check/);
    expect(outcome.message).toMatch(/output ends with:\nstarted daemon \d+/);
    expect(psWith(tag)).toEqual([]);
  });
});
