import { parse, type CsvError } from 'csv-parse/sync';
import type { Finding } from '../findings.js';
import { ledgerColumns, rowsToTasks, type LedgerRow } from './ledger-rows.js';
import { sourceOptions } from './options.js';
import { taskFinding } from './task-finding.js';
import type { TaskSource } from './types.js';

interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parses CSV records with the line each one starts on. A record csv-parse rejects (a stray
 * quote) becomes a finding at its line, and parsing resumes on the next line, so one bad row
 * does not hide the rows after it.
 */
export function csvRecords(text: string, delimiter: string): { records: CsvRecord[]; errors: { line: number; message: string }[] } {
  const buf = Buffer.from(text.replace(/^\uFEFF/, ''), 'utf8');
  const records: CsvRecord[] = [];
  const errors: { line: number; message: string }[] = [];
  // Records come in file order, so line counting resumes where it last stopped.
  let counted = { byte: 0, line: 1 };
  const lineAt = (byte: number) => {
    if (byte < counted.byte) counted = { byte: 0, line: 1 };
    let n = counted.line;
    for (let i = counted.byte; i < byte && i < buf.length; i++) if (buf[i] === 0x0a) n++;
    counted = { byte, line: n };
    return n;
  };
  // Start of the first non-blank line at or after `byte`.
  const skipBlank = (byte: number) => {
    let i = byte;
    for (;;) {
      let j = i;
      while (j < buf.length && (buf[j] === 0x20 || buf[j] === 0x09 || buf[j] === 0x0d)) j++;
      if (j < buf.length && buf[j] === 0x0a) i = j + 1;
      else return i;
    }
  };
  let base = 0;
  while (base < buf.length) {
    let end = base;
    try {
      parse(buf.subarray(base), {
        delimiter,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (fields: string[], ctx: { bytes: number }) => {
          const start = skipBlank(end);
          records.push({ line: lineAt(start), fields });
          end = base + ctx.bytes;
          return fields;
        },
      });
      break;
    } catch (e) {
      const start = skipBlank(end);
      const err = e as CsvError;
      errors.push({ line: lineAt(start), message: err.message.replace(/ at line \d+/, '') });
      const nl = buf.indexOf(0x0a, start);
      if (nl < 0 || err.code === 'CSV_QUOTE_NOT_CLOSED') break;
      base = nl + 1;
    }
  }
  return { records, errors };
}

/** CSV ledgers: a header row naming the columns, one task per row. */
export const csvSource: TaskSource = {
  id: 'csv',
  description: 'CSV ledgers: a header row, one task per row, status in a locked vocabulary',
  matches: (file, format) => (format ? format === 'csv' : /\.csv$/i.test(file)),
  parse(file, text, options) {
    const opts = sourceOptions(options);
    const { records, errors } = csvRecords(text, opts.delimiter ?? ',');
    const findings: Finding[] = errors.map((e) => taskFinding('task-malformed', file, e.line, `not a valid CSV row: ${e.message}`, 'Quote fields that contain the delimiter, quotes or line breaks; double a quote inside a quoted field.'));
    const [header, ...body] = records;
    if (!header) {
      findings.push(taskFinding('task-source-unreadable', file, 1, 'the ledger is empty: no header row', `Start it with a header row naming the columns (at least "${ledgerColumns(opts).id}" and "${ledgerColumns(opts).status}").`));
      return { tasks: [], findings };
    }
    const names = header.fields.map((f) => f.trim());
    const cols = ledgerColumns(opts);
    const missing = [cols.id, cols.status].filter((c) => !names.includes(c));
    if (missing.length) {
      findings.push(
        taskFinding('task-malformed', file, header.line, `header has no ${missing.map((m) => `"${m}"`).join(' or ')} column (found: ${names.join(', ')})`, 'Name the columns in the header, or map them under tasks.sources[].columns.'),
      );
      return { tasks: [], findings };
    }
    const rows: LedgerRow[] = [];
    for (const r of body) {
      if (r.fields.length !== names.length) {
        findings.push(taskFinding('task-malformed', file, r.line, `row has ${r.fields.length} field${r.fields.length === 1 ? '' : 's'}, the header has ${names.length}`, 'Give every row one field per header column (empty fields are fine: a,,c).'));
        continue;
      }
      rows.push({ line: r.line, get: (c) => r.fields[names.indexOf(c)] });
    }
    const result = rowsToTasks(file, rows, opts);
    return { tasks: result.tasks, findings: [...findings, ...result.findings] };
  },
};
