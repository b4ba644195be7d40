import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { indexFacts } from '../../manifests/src/build/index-facts.js';
import type { Fact } from '../../manifests/src/model.js';
import { forwardKeyMismatch } from '../../manifests/src/rules/forward-key-mismatch.js';
import { invokeKeyMismatch } from '../../manifests/src/rules/invoke-key-mismatch.js';
import { FIXTURES } from './ts-fixture.js';

const facts = indexFacts(JSON.parse(fs.readFileSync(path.join(FIXTURES, 'rule-extra-keys/facts.json'), 'utf8')) as Fact[]);
const summary = (f: { severity: string; file?: string; line?: number }) => `${f.severity} ${f.file}:${f.line}`;

describe('extra keys are ignored at run time by Tauri and by the sidecar, so both key rules warn about them', () => {
  it('invoke-key-mismatch: an extra key is a warning; a missing required parameter is an error', () => {
    const out = invokeKeyMismatch.check({ facts });
    expect(out.map(summary)).toEqual(['warning src/api.ts:1', 'error src/api.ts:2']);
    expect(out[0]!.message).toContain('unknown limt');
    expect(out[1]!.message).toContain('missing folderId (Rust folder_id)');
  });

  it('forward-key-mismatch: an extra key is a warning; a key the params type requires is an error; a key only read without a fallback is a warning', () => {
    const out = forwardKeyMismatch.check({ facts });
    expect(out.map(summary)).toEqual(['warning src-tauri/src/commands.rs:10', 'error src-tauri/src/commands.rs:14', 'warning src-tauri/src/commands.rs:20']);
    expect(out[0]!.data).toMatchObject({ missing: [], unread: ['traceId'] });
    expect(out[1]!.data).toMatchObject({ missing: ['sessionId'], unread: [] });
    expect(out[2]!.data).toMatchObject({ missing: [], unsure: ['path'], unread: [] });
    expect(out[2]!.message).toContain('no declared params type says whether it is required');
  });
});
