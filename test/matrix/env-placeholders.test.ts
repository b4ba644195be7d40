import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURES, ownTmpdir, runCheck } from './helpers.js';

ownTmpdir();

afterEach(() => {
  delete process.env.CUTOVER_TEST_GREETING;
});

describe('{{env.NAME}} in matrix files', () => {
  it('expands an environment variable, quoted for the shell in a command line', async () => {
    process.env.CUTOVER_TEST_GREETING = "it's $HOME; not expanded";
    const { outcome } = await runCheck(FIXTURES, { kind: 'shell', run: 'printf "%s" {{env.CUTOVER_TEST_GREETING}}', expectOutput: "^it's \\$HOME; not expanded$" });
    expect(outcome.status, outcome.message).toBe('passed');
  });

  it('in a lifecycle step too', async () => {
    process.env.CUTOVER_TEST_GREETING = 'hello';
    const check = { kind: 'lifecycle', steps: [{ run: { command: ['node', '-e', 'console.log(process.argv[1])', '{{env.CUTOVER_TEST_GREETING}}'], expectOutput: '^hello$' } }] };
    const { outcome } = await runCheck(FIXTURES, check);
    expect(outcome.status, outcome.message).toBe('passed');
  });

  it('an unset variable is an error naming it, never an empty string', async () => {
    const { outcome } = await runCheck(FIXTURES, { kind: 'shell', run: 'echo {{env.CUTOVER_TEST_GREETING}}' });
    expect(outcome.status).toBe('error');
    expect(outcome.message).toBe('{{env.CUTOVER_TEST_GREETING}}: the environment variable CUTOVER_TEST_GREETING is not set');
  });
});
