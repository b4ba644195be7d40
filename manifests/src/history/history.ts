/**
 * `history.json` beside the manifests: the breaking changes the team accepted on purpose, each
 * with its reason (`cutover drift --accept <change> --reason "…"`), so a deliberate break reaches
 * review with why it was made. Newest last; no times (git has them).
 */
import fs from 'node:fs';
import path from 'node:path';
import { readDataFile } from '../../../core/src/config/read-file.js';
import { ConfigError } from '../../../core/src/errors.js';
import type { Change } from '../drift/compare.js';

export const HISTORY_FILE = 'history.json';

export interface AcceptedChange {
  /** `command:<name>` or `event:<name>`, as `--accept` names it. */
  entry: string;
  class: Change['class'];
  change: string;
  reason: string;
}

/** How `--accept` names the entry a change is about. */
export function changeId(ch: Change): string {
  return `${ch.kind}:${ch.name}`;
}

export function readHistory(out: string): AcceptedChange[] {
  const file = path.join(out, HISTORY_FILE);
  if (!fs.existsSync(file)) return [];
  const raw = readDataFile(file, 'json');
  const data = raw.data as { formatVersion?: unknown; accepted?: unknown };
  const ok = (e: unknown) => e !== null && typeof e === 'object' && ['entry', 'class', 'change', 'reason'].every((k) => typeof (e as Record<string, unknown>)[k] === 'string');
  if (data?.formatVersion !== 1 || !Array.isArray(data.accepted) || !data.accepted.every(ok)) {
    const bad = Array.isArray(data?.accepted) ? data.accepted.findIndex((e) => !ok(e)) : -1;
    const line = raw.lineOf(bad >= 0 ? ['accepted', bad] : ['formatVersion']);
    throw new ConfigError(`${HISTORY_FILE} is not a history of accepted changes`, {
      location: { file, ...(line ? { line } : {}) },
      hint: 'It holds { "formatVersion": 1, "accepted": [{ "entry", "class", "change", "reason" }] }; `cutover drift --accept` writes it.',
    });
  }
  return data.accepted as AcceptedChange[];
}

export function appendHistory(out: string, accepted: readonly AcceptedChange[]): string {
  const file = path.join(out, HISTORY_FILE);
  const all = [...readHistory(out), ...accepted];
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify({ formatVersion: 1, accepted: all.map((a) => ({ entry: a.entry, class: a.class, change: a.change, reason: a.reason })) }, null, 2)}\n`);
  return file;
}
