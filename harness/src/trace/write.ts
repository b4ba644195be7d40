import { learnSecrets } from '../../../core/src/redact/learn.js';
import { writeRedactedJson } from '../../../core/src/redact/write.js';
import type { Redactor } from '../../../core/src/redact.js';
import type { BodyLine, Located, Trace } from './types.js';

/**
 * A value found in a trace under a secret key (apiKey, token, a configured name) or by a text
 * rule is a secret wherever else it shows up: echoed in a message, quoted in a target's stderr.
 * Learnt before anything is written, then every line passes the redactor.
 */
function redactedLines(trace: Trace, redactor: Redactor): unknown[] {
  for (const l of trace.lines) learnSecrets(l, 'learnt');
  return [redactor.value(trace.header), ...trace.lines.map((l) => redactor.value(strip(l))), { type: 'end', count: trace.lines.length }];
}

/** Serializes a trace; every line passes the redactor first, so no secret reaches the text. */
export function serializeTrace(trace: Trace, redactor: Redactor): string {
  return redactedLines(trace, redactor).map((l) => `${JSON.stringify(l)}\n`).join('');
}

/** Written whole through the redacting writer (temp file and rename): never a half-written golden trace. */
export function writeTrace(file: string, trace: Trace, redactor: Redactor): void {
  writeRedactedJson(file, redactedLines(trace, redactor), { lines: true });
}

function strip(l: Located<BodyLine> | BodyLine): BodyLine {
  const { line: _line, ...rest } = l as Located<BodyLine>;
  return rest as BodyLine;
}
