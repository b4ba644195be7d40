import { describe, expect, it } from 'vitest';
import { checkApp, summary } from './app-fixture.js';

describe('a json! payload extended after it is built', () => {
  it('adds keys assigned by a string-literal index before the forward; a change it cannot read makes the keys unknown, reported, never an error', async () => {
    const { a, findings } = await checkApp('forward-json-extended');
    expect(a.facts.forwards.map((f) => [f.to, f.keys ?? null, f.keysUnknown ?? null])).toEqual([
      ['set_setting', ['key', 'value'], null],
      ['set_many', null, 'body[extra.as_str()] is assigned a key that is not a string literal'],
      ['set_object', null, 'body.as_object_mut(…) may change its keys before it is sent'],
    ]);
    expect(findings.map(summary)).toEqual(['warning unresolved-keys src-tauri/src/main.rs:19', 'warning unresolved-keys src-tauri/src/main.rs:28']);
    expect(findings[0]!.message).toContain('the Rust side: body[extra.as_str()]');
  });
});
