import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/src/errors.js';
import { createRedactor } from '../../core/src/redact.js';
import { bodyLinesOf, parseTrace, readTrace, traceSource } from '../../harness/src/trace/read.js';
import { serializeTrace } from '../../harness/src/trace/write.js';
import { FIX } from './support.js';

const DIR = path.join(FIX, 'trace');

function rejection(name: string): ConfigError {
  try {
    readTrace(path.join(DIR, name));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`${name} was accepted`);
}

describe('trace files', () => {
  it('keeps the text a trace was read from, and parses it again to the same lines (what a comparison thread gets)', () => {
    const traces = path.join(FIX, '../../../examples/cowork/cutover/traces');
    const files = [path.join(DIR, 'valid.jsonl'), ...fs.readdirSync(traces).map((f) => path.join(traces, f))];
    for (const file of files) {
      const t = readTrace(file);
      const text = traceSource(t);
      expect(text).toBe(fs.readFileSync(file, 'utf8'));
      expect(bodyLinesOf(text!)).toEqual(t.lines);
    }
    // A trace made in memory has no text to give.
    expect(traceSource({ ...readTrace(files[0]!) })).toBeUndefined();
  });

  it('reads a valid trace, keeping each line number', () => {
    const t = readTrace(path.join(DIR, 'valid.jsonl'));
    expect(t.header.scenario).toBe('demo');
    expect(t.lines.map((l) => [l.type, l.line])).toEqual([
      ['request', 2],
      ['response', 3],
      ['control', 4],
    ]);
  });

  it.each([
    ['truncated.jsonl', 3, 'the last line is cut off (the file is truncated)'],
    ['no-end.jsonl', 4, 'no end line: the file is truncated'],
    ['bad-line.jsonl', 2, 'request line: command: is required but missing'],
    ['unknown-key.jsonl', 2, 'control line: seconds: unknown key'],
    ['newer-version.jsonl', 1, 'format version 7 is newer than this cutover reads (1)'],
    ['wrong-count.jsonl', 5, 'the end line counts 5 lines but 3 precede it'],
    ['no-header.jsonl', 1, 'the first line must be the header'],
  ])('rejects %s at line %i', (name, line, message) => {
    const e = rejection(name);
    expect(e.location).toEqual({ file: path.join(DIR, name), line });
    expect(e.message).toContain(message);
    expect(e.exitCode).toBe(2);
  });

  it('writes what it reads, and redacts secrets on the way out', () => {
    const t = readTrace(path.join(DIR, 'valid.jsonl'));
    expect(serializeTrace(t, createRedactor())).toBe(fs.readFileSync(path.join(DIR, 'valid.jsonl'), 'utf8'));
    const secret = 'sk-abcdefghijklmnopqrstuvwx';
    (t.lines[0] as { params?: Record<string, unknown> }).params = { apiKey: 'k-123456', note: `use ${secret}` };
    const text = serializeTrace(t, createRedactor());
    expect(text).not.toContain('k-123456');
    expect(text).not.toContain(secret);
    expect(parseTrace(text, undefined).lines[0]).toMatchObject({ params: { apiKey: '[REDACTED]', note: 'use [REDACTED]' } });
  });
});
