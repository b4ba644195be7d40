import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli.js';
import { reportError } from '../../core/src/cli/report-error.js';
import { TransportError } from '../../core/src/errors.js';
import { createOutput } from '../../core/src/output.js';
import { registerSecret } from '../../core/src/redact.js';

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

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-test-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('every output stream is redacted', () => {
  it('result lines, progress, direct writes, errors with a stderr tail and --debug stacks', () => {
    registerSecret('out-tok-5151');
    const out = capture();
    const err = capture();
    const o = createOutput({ stdout: out.stream, stderr: err.stream, env: { NO_COLOR: '1' }, debug: true });
    o.print('result out-tok-5151');
    o.info('progress password=pw-0001');
    o.stdout.write('direct https://u:url-pw@h\n');
    const e = new TransportError('daemon out-tok-5151 never became ready', { stderrTail: 'token=out-tok-5151\nAuthorization: Bearer abcdefgh12345678' });
    expect(reportError(o, e)).toBe(3);
    expect(out.text() + err.text()).not.toMatch(/out-tok-5151|pw-0001|url-pw|abcdefgh12345678/);
    expect(out.text()).toBe('result [REDACTED]\ndirect https://u:[REDACTED]@h\n');
    // The stack is printed with --debug, and it holds the message: redacted too.
    expect(err.text()).toContain('TransportError: daemon [REDACTED] never became ready');
  });

  it('--json prints one valid document, redacted value by value', () => {
    registerSecret('json-tok-6262');
    const out = capture();
    const o = createOutput({ stdout: out.stream, stderr: capture().stream, json: true, env: {} });
    o.print('suppressed');
    o.printJson({ ok: false, message: 'saw json-tok-6262 "quoted"', headers: { Cookie: 'a=1; b=2' }, n: 62626262 });
    expect(JSON.parse(out.text())).toEqual({ ok: false, message: 'saw [REDACTED] "quoted"', headers: { Cookie: '[REDACTED]' }, n: 62626262 });
  });

  it('keeps what progress reads off the terminal', () => {
    const tty = Object.assign(capture().stream, { isTTY: true, columns: 77 });
    const o = createOutput({ stdout: tty, stderr: tty, env: {} });
    expect((o.stderr as { columns?: number }).columns).toBe(77);
    expect(o.color).toBe(true);
  });
});

describe('cutover config masks secrets and says so', () => {
  it('masks env secrets, flag arguments and URL passwords, and lists their key paths', async () => {
    const config = {
      harness: {
        new: {
          transport: 'socket',
          command: 'node',
          args: ['d.js', '--db-password', 'cfg-flag-pw', '--url', 'postgres://app:cfg-url-pw@db/app'],
          endpoint: '/tmp/x.sock',
          env: { GITHUB_TOKEN: 'cfg-gh-tok', DB_PASSWORD: 'cfg-db-pw', LOG_LEVEL: 'debug' },
          token: { file: '{dataDir}/auth.token' },
        },
      },
    };
    fs.writeFileSync(path.join(dir, 'cutover.config.json'), JSON.stringify(config));
    for (const json of [false, true]) {
      const out = capture();
      const err = capture();
      const code = await runCli(['config', ...(json ? ['--json'] : [])], { cwd: dir, env: { NO_COLOR: '1' }, stdout: out.stream, stderr: err.stream });
      expect(code).toBe(0);
      const text = out.text() + err.text();
      expect(text).not.toMatch(/cfg-flag-pw|cfg-url-pw|cfg-gh-tok|cfg-db-pw/);
      expect(text).toContain('debug');
      expect(text).toContain('{dataDir}/auth.token');
      const masked = ['harness.new.args[2]', 'harness.new.args[4]', 'harness.new.env.GITHUB_TOKEN', 'harness.new.env.DB_PASSWORD'];
      if (json) expect(JSON.parse(out.text()).masked).toEqual(masked);
      else expect(out.text()).toContain(`# 4 secret values masked: ${masked.join(', ')}`);
    }
  });
});
