import { describe, expect, it } from 'vitest';
import { REDACTED, registerSecret } from '../../core/src/redact.js';
import { cutTail as tail } from '../../core/src/process/output.js';

describe('the tail reports and evidence keep', () => {
  it('is redacted before it is cut: a secret straddling the 4,000-character cut leaves no part behind', () => {
    const token = 'straddle-0123456789abcdef0123456789';
    registerSecret(token);
    // The cut falls in the middle of the token (and of a key=value pair's value on the next line).
    const text = `${'a'.repeat(100)} ${token}${'b'.repeat(3990 - token.length / 2)}`;
    const out = tail(text, 40, 4000);
    expect(out).not.toContain(token.slice(token.length / 2));
    expect(out).not.toContain(token.slice(-6));
    const kv = `${'c'.repeat(50)} password=pw-${'9'.repeat(40)}${'d'.repeat(3980)}`;
    expect(tail(kv)).not.toMatch(/9{6}/);
  });

  it('does not start halfway through a [REDACTED] marker', () => {
    registerSecret('marker-tok-4e4e');
    const text = `x marker-tok-4e4e${'e'.repeat(3995)}`;
    const out = tail(text, 40, 4000);
    expect(out.split('\n')[1]!.startsWith(REDACTED)).toBe(true);
  });

  it('keeps the last lines and says how many there were', () => {
    const text = Array.from({ length: 50 }, (_, i) => `line ${i + 1}`).join('\n');
    expect(tail(text, 3)).toBe('… (50 lines, last 3 shown)\nline 48\nline 49\nline 50');
    expect(tail('short\n')).toBe('short');
  });
});
