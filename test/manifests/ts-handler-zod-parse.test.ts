import { describe, expect, it } from 'vitest';
import { checkApp, summary } from './app-fixture.js';

describe('a handler that validates its params (zod: Schema.parse(params))', () => {
  it('reads the keys taken from what the validator gives back, destructured or through a local, awaited or not; required only by how they are read', async () => {
    const { a } = await checkApp('ts-handler-zod-parse');
    const reads = Object.fromEntries(a.facts.handlers.map((h) => [h.name, h.reads?.map((k) => `${k.key}${k.required ? '' : '?'}${k.requiredBy === 'read' ? ' (read)' : ''}`) ?? null]));
    expect(reads).toEqual({ create_note: ['body?', 'title (read)'], rename_note: ['id (read)', 'title (read)'], tag_note: null });
  });

  it('compares them with the forwarded keys (warnings: no declared type says what is required); a checked object handed on whole is reported', async () => {
    const { findings } = await checkApp('ts-handler-zod-parse');
    expect(findings.map(summary)).toEqual(['warning forward-key-mismatch src-tauri/src/main.rs:10', 'warning forward-key-mismatch src-tauri/src/main.rs:15', 'warning unresolved-keys src-tauri/src/main.rs:20']);
    expect(findings[0]!.message).toContain('folder is sent but never read');
    expect(findings[1]!.message).toContain('title is read without a fallback but not sent');
  });
});
