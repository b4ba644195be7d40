import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../core/src/findings.js';
import { fixtureDir, lintProject } from './fixture.js';

/**
 * A ledger may name any path. Evidence is read only from inside the repository (links resolved),
 * only from regular files, only under a size cap; nothing it names can hang the gate.
 */
describe.skipIf(process.platform === 'win32')('evidence is confined to the repository', () => {
  let tmp: string;
  let proj: string;
  let findings: Finding[];
  const at = (f: Finding) => (f.line === undefined ? f.file : `${f.file}:${f.line}`);
  const of = (id: string) => findings.filter((f) => f.data?.taskId === id).map((f) => [f.id, at(f)]);

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-confine-'));
    proj = path.join(tmp, 'proj');
    fs.cpSync(fixtureDir('confinement'), proj, { recursive: true });
    execFileSync('git', ['init', '-q'], { cwd: proj });
    const outside = path.join(tmp, 'outside');
    fs.mkdirSync(outside);
    const planted = (id: string) => `# ${id}: evidence\n\n${['Change Summary', 'Files Changed', 'Verification Commands', 'Verification Output', 'Behavior Proof', 'Risk Notes', 'Rollback Path'].map((s) => `## ${s}\n\nfilled\n`).join('\n')}`;
    // Complete, valid evidence outside the repository: refused for where it is, not for what it says.
    fs.writeFileSync(path.join(outside, 'C-UP.md'), planted('C-UP'));
    fs.writeFileSync(path.join(outside, 'C-LINK.md'), planted('C-LINK'));
    const ev = path.join(proj, 'docs/migration-evidence');
    fs.symlinkSync(path.join(outside, 'C-LINK.md'), path.join(ev, 'C-LINK.md'));
    fs.symlinkSync('../real/C-IN.md', path.join(ev, 'C-IN.md'));
    execFileSync('mkfifo', [path.join(ev, 'C-FIFO.md')]);
    fs.writeFileSync(path.join(ev, 'C-BIG.md'), `# C-BIG\n\n${'x'.repeat(1023)}\n`.repeat(5 * 1024));
    findings = await lintProject(proj);
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses an absolute ledger path without reading it (/etc/passwd, /dev/zero)', () => {
    expect(of('C-ABS')).toEqual([['evidence-outside-repository', 'ledger.csv:2']]);
    expect(of('C-DEV')).toEqual([['evidence-outside-repository', 'ledger.csv:4']]);
    expect(findings.find((f) => f.data?.taskId === 'C-DEV')!.message).toBe('the evidence path of C-DEV is absolute (/dev/zero)');
  });

  it('refuses a ledger path that climbs out with ../', () => {
    expect(of('C-UP')).toEqual([['evidence-outside-repository', 'ledger.csv:3']]);
  });

  it('refuses a symlink that leads out of the repository, and follows one that stays inside', () => {
    expect(of('C-LINK')).toEqual([['evidence-outside-repository', 'ledger.csv:5']]);
    expect(findings.find((f) => f.data?.taskId === 'C-LINK')!.message).toMatch(/resolves outside the repository/);
    expect(of('C-IN')).toEqual([]);
  });

  it('does not open a FIFO for reading (the lint returns), and refuses a file over the size cap', () => {
    expect(of('C-FIFO')).toEqual([['evidence-unreadable', 'docs/migration-evidence/C-FIFO.md']]);
    expect(findings.find((f) => f.data?.taskId === 'C-FIFO')!.message).toMatch(/is a named pipe \(FIFO\), not a regular file$/);
    expect(of('C-BIG')).toEqual([['evidence-unreadable', 'docs/migration-evidence/C-BIG.md']]);
    expect(findings.find((f) => f.data?.taskId === 'C-BIG')!.message).toMatch(/over the limit of 4194304$/);
  });

  it('resolves a ledger\'s paths from its configured evidence base', () => {
    expect(of('C-ROOT')).toEqual([]);
  });

  it('takes a configured prefix off Files Changed paths, and warns about paths outside the repository', () => {
    expect(findings.filter((f) => f.data?.taskId === 'C-OK').map((f) => [f.id, f.severity, f.message])).toEqual([
      ['evidence-path-outside', 'warning', 'listed path /etc/passwd is outside the repository'],
      ['evidence-path-outside', 'warning', 'listed path ../../elsewhere/notes.txt is outside the repository'],
    ]);
  });

  it('reports nothing else', () => {
    expect(findings.filter((f) => !['C-ABS', 'C-DEV', 'C-UP', 'C-LINK', 'C-FIFO', 'C-BIG', 'C-OK'].includes(String(f.data?.taskId)))).toEqual([]);
  });
});
