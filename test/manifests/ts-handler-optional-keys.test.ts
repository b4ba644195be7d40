import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact, ForwardFact } from '../../manifests/src/model.js';
import { forwardKeyMismatch } from '../../manifests/src/rules/forward-key-mismatch.js';
import { expectedTs, extractTsFixture, factsOf } from './ts-fixture.js';

const show = (k: { key: string; required: boolean; requiredBy?: string }) => `${k.key}${k.required ? (k.requiredBy === 'read' ? '!read' : '!') : '?'}`;

describe('a key the handler reads is required only when its declared type requires it and the handler relies on it', () => {
  it('`?`, `| undefined`, a default in destructuring, and a typeof / !== undefined / in guard each make a key optional', async () => {
    const out = await extractTsFixture('ts-handler-optional-keys');
    const reads = Object.fromEntries(factsOf(out, 'handler').map((h) => [h.name, h.reads?.map(show)]));
    expect(reads).toEqual({
      list: ['cursor?', 'folderId!', 'limit?', 'sort?'],
      save: ['body?', 'id!', 'tags?', 'title?'],
      // Without a declared type: `if (params.verbose)` and `params.mode?.` are guards; `params.path` is relied on.
      untyped: ['mode?', 'path!read', 'verbose?'],
    });
    expect(out).toEqual(expectedTs('ts-handler-optional-keys'));
  });

  it('so forwarding without the optional keys is no error; leaving out a key only read without a fallback is a warning', async () => {
    const facts: Fact[] = Object.values(await extractTsFixture('ts-handler-optional-keys')).flatMap((r) => r.facts);
    const forward = (to: string, keys: string[], line: number): ForwardFact => ({ kind: 'forward', from: `${to}_cmd`, to, keys, loc: { file: 'src-tauri/src/commands.rs', line } });
    const findings = forwardKeyMismatch.check({ facts: indexFacts([...facts, forward('list', ['folderId'], 1), forward('save', ['id'], 2), forward('untyped', [], 3), forward('list', [], 4)]) });
    expect(findings.map((f) => `${f.severity} ${f.line} ${JSON.stringify(f.data?.missing)} ${JSON.stringify(f.data?.unsure ?? [])}`)).toEqual(['warning 3 [] ["path"]', 'error 4 ["folderId"] []']);
  });
});
