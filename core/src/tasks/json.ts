import { jsonErrorPosition } from '../config/json-position.js';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Finding } from '../findings.js';
import { rowsToTasks, type LedgerRow } from './ledger-rows.js';
import { sourceOptions } from './options.js';
import { taskFinding } from './task-finding.js';
import type { TaskSource } from './types.js';

const SHAPE = 'A JSON ledger is an array of task objects, or an object whose "tasks" key holds one.';

/** JSON ledgers: `[{ "id": …, "status": … }]` or `{ "tasks": [ … ] }`, one object per task. */
export const jsonSource: TaskSource = {
  id: 'json',
  description: 'JSON ledgers: an array of task objects (or { "tasks": [...] }), status in a locked vocabulary',
  matches: (file, format) => (format ? format === 'json' : /\.json$/i.test(file)),
  parse(file, text, options) {
    const opts = sourceOptions(options);
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      const at = jsonErrorPosition(text);
      const f = taskFinding('task-source-unreadable', file, at?.line, `not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${(e as Error).message}`, SHAPE);
      return { tasks: [], findings: [at ? { ...f, column: at.column } : f] };
    }
    // The yaml parser reads JSON too and keeps each node's position, which JSON.parse does not.
    const lines = new LineCounter();
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines });
    const lineOf = (n: unknown) => {
      const r = (n as Node | null | undefined)?.range;
      return r ? lines.linePos(r[0]).line : 1;
    };
    let list: unknown = doc.contents;
    let values: unknown = data;
    if (isMap(list)) {
      list = list.get('tasks', true);
      values = (data as { tasks?: unknown }).tasks;
    }
    if (!isSeq(list) || !Array.isArray(values)) {
      return { tasks: [], findings: [taskFinding('task-malformed', file, lineOf(doc.contents), 'no task list found', SHAPE)] };
    }
    const findings: Finding[] = [];
    const rows: LedgerRow[] = [];
    list.items.forEach((item, i) => {
      const obj = values[i];
      if (!isMap(item) || obj === null || typeof obj !== 'object' || Array.isArray(obj)) {
        findings.push(taskFinding('task-malformed', file, lineOf(item), 'a task entry is not an object', SHAPE));
        return;
      }
      rows.push({ line: lineOf(item), get: (c) => (obj as Record<string, unknown>)[c] });
    });
    const result = rowsToTasks(file, rows, opts);
    return { tasks: result.tasks, findings: [...findings, ...result.findings] };
  },
};
