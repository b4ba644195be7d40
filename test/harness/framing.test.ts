import { describe, expect, it } from 'vitest';
import { contentLength } from '../../harness/src/framing/content-length.js';
import { FrameTooLargeError } from '../../harness/src/framing/framing.js';
import { ndjson } from '../../harness/src/framing/ndjson.js';

describe('ndjson framing', () => {
  it('splits lines across chunks, keeps multi-byte characters whole and drops CR and blank lines', () => {
    const d = ndjson.createDecoder(1024);
    const text = Buffer.from('{"a":"é"}\r\n\n{"b":1}\n{"c"', 'utf8');
    // Cut inside the two-byte é.
    const cut = text.indexOf(0xc3) + 1;
    expect(d.push(text.subarray(0, cut))).toEqual([]);
    expect(d.push(text.subarray(cut))).toEqual(['{"a":"é"}', '{"b":1}']);
    expect(d.push(Buffer.from(':2}\n'))).toEqual(['{"c":2}']);
    expect(d.buffered).toBe(0);
  });

  it('fails on a line longer than the cap, even before it ends', () => {
    const d = ndjson.createDecoder(10);
    expect(() => d.push(Buffer.from('x'.repeat(11)))).toThrow(FrameTooLargeError);
    const e = ndjson.createDecoder(10);
    expect(() => e.push(Buffer.from(`${'y'.repeat(20)}\n`))).toThrow(/exceeded 10 bytes/);
  });

  it('a long line in many small chunks costs linear work: 16 MB in 4 KB chunks, then the cap', () => {
    // Rescanning or re-joining the pending line on every chunk would copy ~32 GB here and never finish.
    const d = ndjson.createDecoder(16 * 1024 * 1024);
    const piece = Buffer.alloc(4096, 'x');
    for (let i = 0; i < 4096 - 1; i++) expect(d.push(piece)).toEqual([]);
    expect(d.buffered).toBe(16 * 1024 * 1024 - 4096);
    expect(d.push(Buffer.concat([piece.subarray(0, 4095), Buffer.from('\n{"a":1}\n')]))).toHaveLength(2);
    expect(() => {
      for (let i = 0; i < 4097; i++) d.push(piece);
    }).toThrow(/exceeded 16 MB/);
  });

  it('encodes one line per message', () => {
    expect(ndjson.encode('{"a":1}')).toBe('{"a":1}\n');
  });
});

describe('Content-Length framing', () => {
  it('round-trips messages split at any byte, counting bytes not characters', () => {
    const msgs = ['{"jsonrpc":"2.0","id":1,"result":"ünïcode"}', '{"jsonrpc":"2.0","method":"tick","params":{}}'];
    const wire = Buffer.from(msgs.map((m) => contentLength.encode(m)).join(''), 'utf8');
    for (let cut = 1; cut < wire.length; cut += 7) {
      const d = contentLength.createDecoder(1024);
      expect([...d.push(wire.subarray(0, cut)), ...d.push(wire.subarray(cut))]).toEqual(msgs);
    }
  });

  it('accepts other headers and rejects a block without Content-Length or a body over the cap', () => {
    const d = contentLength.createDecoder(1024);
    expect(d.push(Buffer.from('Content-Type: application/json\r\ncontent-length: 2\r\n\r\n{}'))).toEqual(['{}']);
    expect(() => contentLength.createDecoder(1024).push(Buffer.from('X-Nope: 1\r\n\r\n{}'))).toThrow(/without Content-Length/);
    expect(() => contentLength.createDecoder(100).push(Buffer.from('Content-Length: 5000\r\n\r\n'))).toThrow(FrameTooLargeError);
  });
});
