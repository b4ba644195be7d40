/**
 * The sign-off file: a markdown table with the columns Role, Name, Date, Decision (any order,
 * more columns allowed), e.g.
 *
 *   | Role | Name         | Date       | Decision | Notes |
 *   | ---- | ------------ | ---------- | -------- | ----- |
 *   | SEC  | Grace Hopper | 2025-06-02 | approved |       |
 *
 * Decision is `approved`, `rejected` or `pending`. When a role has several rows, the one with the
 * latest date counts (the lower row on the same date); a row dated in the future is refused.
 */
export type Decision = 'approved' | 'rejected' | 'pending';

export interface Signoff {
  role: string;
  name: string;
  date: string;
  decision: Decision;
  line: number;
}

export interface SignoffProblem {
  line: number;
  message: string;
  /** `future`: a date after today, which would outrank every real row. */
  kind: 'malformed' | 'future';
}

export interface SignoffFile {
  entries: Signoff[];
  problems: SignoffProblem[];
  /** False when no table with the four columns was found. */
  hasTable: boolean;
}

const COLUMNS = ['role', 'name', 'date', 'decision'] as const;
const DELIMITER = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** GFM table cells: split on pipes not escaped with a backslash; outer pipes are optional. */
export function splitRow(line: string): string[] {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  const cells: string[] = [];
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '\\' && s[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

const plain = (cell: string) => cell.replace(/[*_`]/g, '').trim();

function validDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/**
 * Today as a date somewhere on Earth: the date at UTC+14, the last place a day is still going on
 * is behind it. A row dated after that is in the future wherever it was written.
 */
export function latestToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3600_000).toISOString().slice(0, 10);
}

export function parseSignoffs(text: string, today = latestToday()): SignoffFile {
  const lines = text.split(/\r?\n/);
  const entries: Signoff[] = [];
  const problems: SignoffProblem[] = [];
  let hasTable = false;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!lines[i]!.includes('|') || !DELIMITER.test(lines[i + 1]!)) continue;
    const header = splitRow(lines[i]!).map((h) => plain(h).toLowerCase());
    const idx = Object.fromEntries(COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof COLUMNS)[number], number>;
    if (COLUMNS.some((c) => idx[c] < 0)) continue;
    hasTable = true;
    let j = i + 2;
    for (; j < lines.length && lines[j]!.includes('|') && lines[j]!.trim() !== ''; j++) {
      const cells = splitRow(lines[j]!);
      const line = j + 1;
      const get = (c: (typeof COLUMNS)[number]) => plain(cells[idx[c]] ?? '');
      const role = get('role');
      const name = get('name');
      const date = get('date');
      const decision = get('decision').toLowerCase();
      if (!role && !name && !date && !decision) continue;
      const bad: string[] = [];
      if (!role) bad.push('no role');
      if (!name) bad.push('no name');
      if (!validDate(date)) bad.push(`date "${date}" is not YYYY-MM-DD`);
      if (!['approved', 'rejected', 'pending'].includes(decision)) bad.push(`decision "${decision}" is not approved, rejected or pending`);
      if (bad.length) problems.push({ line, kind: 'malformed', message: `sign-off row${role ? ` for ${role}` : ''}: ${bad.join('; ')}` });
      // A date in the future would count as the latest row for ever: refused, not counted.
      else if (date > today) problems.push({ line, kind: 'future', message: `sign-off row for ${role} is dated ${date}, in the future (today is ${today}): it does not count` });
      else entries.push({ role, name, date, decision: decision as Decision, line });
    }
    i = j - 1;
  }
  return { entries, problems, hasTable };
}

/** The sign-off that counts for a role: latest date, then lowest in the file. */
export function currentSignoff(file: SignoffFile, role: string): Signoff | undefined {
  const rows = file.entries.filter((e) => e.role.toUpperCase() === role.toUpperCase());
  return rows.sort((a, b) => a.date.localeCompare(b.date) || a.line - b.line).at(-1);
}
