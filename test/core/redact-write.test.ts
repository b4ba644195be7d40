import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REDACTED, registerSecret, writeRedactedJson, writeRedactedText } from '../../core/src/redact.js';

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-test-'))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the one file writer', () => {
  it('redacts text again, whatever the caller did, and returns exactly what it stored', () => {
    registerSecret('writer-tok-7a7a');
    const file = path.join(dir, 'deep/er/out.log');
    const written = writeRedactedText(file, 'token writer-tok-7a7a\nAuthorization: Bearer abcdefgh12345678\n');
    expect(fs.readFileSync(file, 'utf8')).toBe(written);
    expect(written).toBe(`token ${REDACTED}\nAuthorization: ${REDACTED}\n`);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(createHash('sha256').update(written).digest('hex'));
    expect(fs.readdirSync(path.dirname(file))).toEqual(['out.log']);
  });

  it('writes JSON value by value, as a document or as JSON lines, always valid', () => {
    const doc = path.join(dir, 'report.json');
    writeRedactedJson(doc, { cells: [{ output: 'password: pw-123 and "quotes"', apiKey: 'k', count: 3 }] });
    expect(JSON.parse(fs.readFileSync(doc, 'utf8'))).toEqual({ cells: [{ output: `password: ${REDACTED} and "quotes"`, apiKey: REDACTED, count: 3 }] });
    const lines = path.join(dir, 'trace.jsonl');
    writeRedactedJson(lines, [{ type: 'header' }, { params: { access_token: 'at' } }], { lines: true });
    expect(fs.readFileSync(lines, 'utf8')).toBe(`{"type":"header"}\n{"params":{"access_token":"${REDACTED}"}}\n`);
  });

  it('appends, and refuses to replace a file in exclusive mode', () => {
    const file = path.join(dir, 'summary.md');
    writeRedactedText(file, 'a\n', { exclusive: true });
    expect(() => writeRedactedText(file, 'b\n', { exclusive: true })).toThrow(/EEXIST/);
    writeRedactedText(file, 'secret=s-1\n', { append: true });
    expect(fs.readFileSync(file, 'utf8')).toBe(`a\nsecret=${REDACTED}\n`);
    expect(fs.readdirSync(dir)).toEqual(['summary.md']);
  });
});
