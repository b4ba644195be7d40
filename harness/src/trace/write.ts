import fs from 'node:fs';
import path from 'node:path';
import { REDACTED, type Redactor } from '../../../core/src/redact.js';
import type { BodyLine, Located, Trace } from './types.js';

/** Serializes a trace; every line passes the redactor first, so no secret reaches the file. */
export function serializeTrace(trace: Trace, redactor: Redactor): string {
  learnSecrets(trace, redactor);
  const out: string[] = [JSON.stringify(redactor.value(trace.header))];
  for (const l of trace.lines) out.push(JSON.stringify(redactor.value(strip(l))));
  out.push(JSON.stringify({ type: 'end', count: trace.lines.length }));
  return `${out.join('\n')}\n`;
}

/** Written to a temp file and renamed, so a crash never leaves a half-written golden trace. */
export function writeTrace(file: string, trace: Trace, redactor: Redactor): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(tmp, serializeTrace(trace, redactor));
  fs.renameSync(tmp, file);
}

function strip(l: Located<BodyLine> | BodyLine): BodyLine {
  const { line: _line, ...rest } = l as Located<BodyLine>;
  return rest as BodyLine;
}

/**
 * A value found under a secret key (apiKey, token, a configured pattern) is a secret wherever
 * else it shows up: echoed in a message, quoted in an error. Learn them all before writing.
 */
function learnSecrets(trace: Trace, redactor: Redactor): void {
  const walk = (original: unknown, redacted: unknown): void => {
    if (typeof original === 'string') {
      if (redacted === REDACTED && original !== REDACTED) redactor.addSecret(original);
      return;
    }
    if (original && typeof original === 'object' && redacted && typeof redacted === 'object') {
      for (const [k, v] of Object.entries(original)) walk(v, (redacted as Record<string, unknown>)[k]);
    }
  };
  for (const l of trace.lines) walk(l, redactor.value(l));
}
