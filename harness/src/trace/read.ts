import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../../core/src/errors.js';
import { explainErrors } from '../../../core/src/config/validate.js';
import { MAX_JSON_DEPTH, jsonDepthOver } from '../../../core/src/util/json-depth.js';
import { PROFILES } from '../profiles/registry.js';
import { traceValidators } from './schema.js';
import { TRACE_FORMAT, TRACE_VERSION, type BodyLine, type Located, type Trace, type TraceHeader } from './types.js';

const HINT = 'Record it again with `cutover record` (or `cutover replay --update all`); traces are written by cutover, not by hand.';

/** Reads and validates a trace; anything wrong (invalid line, truncation, unknown version) is a ConfigError at file:line. */
export function readTrace(file: string): Trace {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read trace: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { location: { file } });
  }
  return parseTrace(text, file);
}

export function parseTrace(text: string, file: string | undefined): Trace {
  const where = file ?? '(trace)';
  const fail = (line: number, message: string, details: string[] = []): never => {
    throw new ConfigError(`invalid trace: ${message}`, { location: { file: where, line }, details, hint: HINT });
  };
  const rows = text.split('\n');
  const endsWithNewline = rows[rows.length - 1] === '';
  if (endsWithNewline) rows.pop();
  if (rows.length === 0) fail(1, 'the file is empty');
  const { byType } = traceValidators();
  let header: TraceHeader | undefined;
  const lines: Located<BodyLine>[] = [];
  let ended = false;
  rows.forEach((row, i) => {
    const n = i + 1;
    if (ended) fail(n, 'content after the end line');
    if (row.trim() === '') fail(n, 'blank line');
    if (jsonDepthOver(row)) fail(n, `nested deeper than ${MAX_JSON_DEPTH} levels`);
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch (e) {
      const last = n === rows.length;
      fail(n, last && !endsWithNewline ? 'the last line is cut off (the file is truncated)' : `not valid JSON: ${(e as Error).message}`);
    }
    const type = (value as { type?: unknown } | null)?.type;
    const validate = typeof type === 'string' ? byType.get(type) : undefined;
    if (!validate) fail(n, `unknown line type ${JSON.stringify(type)} (expected header, request, raw, control, response, event, message or end)`);
    if (!validate!(value)) {
      const problems = explainErrors(validate!.errors ?? []);
      fail(n, `${type} line: ${problems[0]?.keyPath}: ${problems[0]?.message}`, problems.slice(1).map((p) => `${p.keyPath}: ${p.message}`));
    }
    if (n === 1) {
      if (type !== 'header') fail(n, 'the first line must be the header');
      header = value as TraceHeader;
      if (header.format !== TRACE_FORMAT) fail(n, `not a cutover trace (format ${JSON.stringify(header.format)})`);
      if (header.version > TRACE_VERSION) fail(n, `format version ${header.version} is newer than this cutover reads (${TRACE_VERSION})`, [], );
      if (!PROFILES.some((p) => p.name === header!.profile)) fail(n, `unknown profile "${header.profile}"`);
      return;
    }
    if (type === 'header') fail(n, 'a second header');
    if (type === 'end') {
      ended = true;
      const count = (value as { count: number }).count;
      if (count !== lines.length) fail(n, `the end line counts ${count} lines but ${lines.length} precede it (lines were lost or added)`);
      return;
    }
    lines.push({ ...(value as BodyLine), line: n });
  });
  if (!ended) fail(rows.length + 1, 'no end line: the file is truncated');
  const trace: Trace = { file, header: header!, lines };
  sources.set(trace, text);
  return trace;
}

// The text a trace was parsed from: a worker thread can parse it again for a fraction of what
// copying every parsed line across threads costs. Kept aside, so a trace serializes as before.
const sources = new WeakMap<Trace, string>();

export function traceSource(trace: Trace): string | undefined {
  return sources.get(trace);
}

/** The body lines of a text parseTrace already accepted, as parseTrace gives them. */
export function bodyLinesOf(text: string): Located<BodyLine>[] {
  const lines: Located<BodyLine>[] = [];
  let n = 0;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    n++;
    if (n > 1) {
      const value = JSON.parse(text.slice(start, end)) as BodyLine | { type: 'end' };
      if (value.type === 'end') break;
      lines.push({ ...value, line: n });
    }
    start = end + 1;
  }
  return lines;
}

/** The scenario name a trace file stands for: `traces/<name>.jsonl`. */
export function traceName(file: string): string {
  return path.basename(file).replace(/\.jsonl$/, '');
}
