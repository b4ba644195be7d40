import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PlaceholderError, expandText, expandValue, hasPlaceholder, shellQuote } from '../../core/src/placeholders.js';

describe('placeholders: one syntax everywhere', () => {
  it('expands names and dotted paths; a whole reference keeps its type', () => {
    const scope = { tmp: '/t', ready: { data: { socket: '/t/s.sock', port: 4100 } } };
    expect(expandText('{{tmp}}/a and {{ ready.data.socket }}', scope)).toBe('/t/a and /t/s.sock');
    expect(expandValue({ port: '{{ready.data.port}}', at: 'p{{ready.data.port}}' }, scope)).toEqual({ port: 4100, at: 'p4100' });
    expect(hasPlaceholder({ a: ['x', '{{y}}'] })).toBe(true);
    expect(hasPlaceholder({ a: ['x', '{y}'] })).toBe(false);
  });

  it('reads {{env.NAME}} from the environment, and says when it is not set', () => {
    process.env.CUTOVER_PLACEHOLDER_TEST = 'from-env';
    try {
      expect(expandText('{{env.CUTOVER_PLACEHOLDER_TEST}}', {})).toBe('from-env');
    } finally {
      delete process.env.CUTOVER_PLACEHOLDER_TEST;
    }
    expect(() => expandText('{{env.CUTOVER_PLACEHOLDER_TEST}}', {})).toThrow('{{env.CUTOVER_PLACEHOLDER_TEST}}: the environment variable CUTOVER_PLACEHOLDER_TEST is not set');
  });

  it('an unknown name is an error naming it and what is known, never an empty string', () => {
    expect(() => expandText('x {{nope}}', { tmp: '/t' })).toThrow(PlaceholderError);
    expect(() => expandText('x {{nope}}', { tmp: '/t' })).toThrow('unknown placeholder {{nope}} (known here: {{tmp}}, {{env.NAME}})');
    expect(() => expandText('{{tmp.deeper}}', { tmp: '/t' })).toThrow('{{tmp.deeper}}: "tmp" has nothing at deeper');
    expect(() => expandText('{{ready}}', { ready: { a: 1 } })).toThrow('{{ready}} is not a single value (it is an object)');
  });

  it('reads the older single-brace spelling of the target placeholders', () => {
    expect(expandText('{dataDir}/s.sock {configDir}', { dataDir: '/d', configDir: '/c' })).toBe('/d/s.sock /c');
    // Only those names, and never inside a JSON-looking text.
    expect(expandText('{other} {"a":1}', {})).toBe('{other} {"a":1}');
  });

  it('quotes every substituted value for the shell: a value never runs as code', () => {
    const evil = { name: '$(touch /tmp/cutover-pwned) `id` "; rm -rf x', dir: '/tmp/a dir' };
    const line = expandText('printf "%s|" {{name}} {{dir}}', evil, { quote: shellQuote });
    const out = execFileSync('/bin/sh', ['-c', line], { encoding: 'utf8' });
    expect(out).toBe(`${evil.name}|${evil.dir}|`);
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('plain-word_1.2')).toBe('plain-word_1.2');
  });
});
