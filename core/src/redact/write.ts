import fs from 'node:fs';
import path from 'node:path';
import { redactText } from './text.js';
import { redactValue } from './value.js';

export interface WriteOptions {
  /** Never replace an existing file: fails with EEXIST when one is there. */
  exclusive?: boolean;
  /** Add to the end of the file instead of replacing it (a CI job summary). */
  append?: boolean;
}

/**
 * The one way cutover writes a file a person or a CI job reads (traces, evidence, stored outputs,
 * reports, the gate summary, the dashboard): redacted again right here, whatever the caller did
 * before, and written through a temp file and a rename so a reader never sees half a file.
 * Returns what was written, so a hash or a byte count is of exactly the stored text.
 */
export function writeRedactedText(file: string, text: string, opts: WriteOptions = {}): string {
  const clean = redactText(text);
  put(file, clean, opts);
  return clean;
}

/**
 * JSON is redacted value by value (a text rule must never break a document's syntax) and written
 * with two-space indent; with `lines`, an array is written one compact value per line (JSONL).
 */
export function writeRedactedJson(file: string, value: unknown, opts: WriteOptions & { lines?: boolean } = {}): string {
  const text = opts.lines
    ? (value as unknown[]).map((v) => `${JSON.stringify(redactValue(v))}\n`).join('')
    : `${JSON.stringify(redactValue(value), null, 2)}\n`;
  put(file, text, opts);
  return text;
}

function put(file: string, text: string, opts: WriteOptions): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (opts.append) {
    fs.appendFileSync(file, text);
    return;
  }
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, text);
  try {
    // A hard link fails when the name is taken, where a rename would replace the file.
    if (opts.exclusive) fs.linkSync(tmp, file);
    else fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}
