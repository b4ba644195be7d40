import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../core/src/redact.js';

const redact = (s: string, secrets: string[] = []) => createRedactor({ values: secrets }).text(s);

describe('redacting free text (command output, logs) before it is written', () => {
  it.each([
    ['{"id":"1","authToken":"abc123def456"}', '{"id":"1","authToken":"[REDACTED]"}'],
    ['{"params":"{\\"token\\":\\"abc123def456\\"}"}', '{"params":"{\\"token\\":\\"[REDACTED]\\"}"}'],
    ["config = { apiKey: 'abc123def456' }", "config = { apiKey: '[REDACTED]' }"],
    ['TOKEN=abc123def456 node daemon.js', 'TOKEN=[REDACTED] node daemon.js'],
    ['password: hunter2hunter2', 'password: [REDACTED]'],
    ['Authorization: Basic dXNlcjpwYXNzd29yZA==', 'Authorization: [REDACTED]'],
    ['cowork --auth-token abc123def456 status', 'cowork --auth-token [REDACTED] status'],
    ['cowork --token=abc123def456', 'cowork --token=[REDACTED]'],
  ])('%s', (input, output) => {
    expect(redact(input)).toBe(output);
  });

  it('scrubs a registered secret wherever it appears, and well-known token shapes', () => {
    const gh = `ghp_${'x'.repeat(36)}`;
    expect(redact(`read 0f0f0f0f0f0f from auth.token; pushing with ${gh}`, ['0f0f0f0f0f0f'])).toBe('read [REDACTED] from auth.token; pushing with [REDACTED]');
  });

  it('leaves ordinary output alone', () => {
    const text = 'tokens: 412 used\nmax_tokens 1000\n42 passed, 0 failed\nno secret in this line';
    expect(redact(text)).toBe(text);
  });
});
