import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli.js';
import { reportError } from '../../core/src/cli/report-error.js';
import { ConfigError, InternalError, TransportError, UsageError } from '../../core/src/errors.js';
import { createOutput } from '../../core/src/output.js';
import { REPO_ROOT } from '../support/cli.js';
import path from 'node:path';

function capture() {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { stream, text: () => text };
}

async function run(argv: string[], cwd = REPO_ROOT) {
  const out = capture();
  const err = capture();
  const code = await runCli(argv, { cwd, env: { NO_COLOR: '1' }, stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('exit codes are mapped in one place', () => {
  it('maps each coded error to its exit code and prints what to do', () => {
    const cases: Array<[Error, number, string]> = [
      [new UsageError('bad flag', { hint: 'see --help' }), 2, 'cutover: usage error: bad flag'],
      [new ConfigError('bad key', { location: { file: path.join(process.cwd(), 'c.yaml'), line: 3 } }), 2, 'cutover: error: c.yaml:3: bad key'],
      [new TransportError('daemon never became ready', { stderrTail: 'boom' }), 3, 'cutover: target failed: daemon never became ready'],
      [new InternalError('invariant broken'), 3, 'cutover: internal error: invariant broken'],
      [new Error('unexpected'), 3, 'cutover: internal error: unexpected'],
    ];
    for (const [error, code, firstLine] of cases) {
      const err = capture();
      const out = createOutput({ stdout: capture().stream, stderr: err.stream, env: { NO_COLOR: '1' } });
      expect(reportError(out, error)).toBe(code);
      expect(err.text().split('\n')[0]).toBe(firstLine);
    }
  });

  it('shows the target stderr tail and the hint, and no stack without --debug', () => {
    const err = capture();
    const out = createOutput({ stdout: capture().stream, stderr: err.stream, env: { NO_COLOR: '1' } });
    reportError(out, new TransportError('crashed', { stderrTail: 'line one\nline two', hint: 'check the command' }));
    expect(err.text()).toContain('  | line two');
    expect(err.text()).toContain('→ check the command');
    expect(err.text()).not.toContain('at ');
  });

  it('exits 2 for an unknown verb, with a suggestion', async () => {
    const res = await run(['confg']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('unknown verb "confg" for cutover; did you mean "config"?');
  });

  it('exits 2 for an unknown option, with a suggestion', async () => {
    const res = await run(['config', '--jsno']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('unknown option --jsno for cutover config; did you mean --json?');
  });

  it('exits 0 for help and version, 2 for no verb and a bad argument count', async () => {
    expect((await run(['--help'])).code).toBe(0);
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await run(['--json'])).code).toBe(2);
    const extra = await run(['config', 'surplus']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('unexpected argument "surplus"');
  });

  it('exits 2 with every config error, and 0 for a valid config', async () => {
    expect((await run(['config'], path.join(REPO_ROOT, 'test/fixtures/core/config-invalid'))).code).toBe(2);
    const ok = await run(['config', '--json'], path.join(REPO_ROOT, 'test/fixtures/core/config-discovery/app'));
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, config: { name: 'from-app-folder' } });
  });
});
