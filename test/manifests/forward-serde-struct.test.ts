import { describe, expect, it } from 'vitest';
import { checkApp, summary } from './app-fixture.js';

describe('a forward whose payload is a serde struct', () => {
  it("sends the struct's serde field names (rename_all, rename, skip; an Option field may be left out), written in the call or bound to a local", async () => {
    const { a } = await checkApp('forward-serde-struct');
    expect(a.facts.forwards.map((f) => [f.to, f.keys ?? null, f.optionalKeys ?? null])).toEqual([
      ['create_note', ['body', 'folderId', 'title'], ['folderId']],
      ['list_notes', ['folderId', 'max'], ['folderId']],
      ['move_note', ['id'], null],
      ['raw_note', null, null],
    ]);
  });

  it('compares them with what the handler reads like json! keys; a payload it cannot read is reported, not dropped', async () => {
    const { findings } = await checkApp('forward-serde-struct');
    expect(findings.map(summary)).toEqual(['error forward-key-mismatch src-tauri/src/main.rs:59', 'warning unresolved-keys src-tauri/src/main.rs:64']);
    expect(findings[0]!.message).toContain('to is required but not sent');
    expect(findings[1]!.message).toContain('the Rust side: the payload params is neither a json! object nor a struct');
  });
});
