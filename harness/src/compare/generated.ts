/**
 * Generated values inside a string: ids matching configured patterns, UUIDs, and entries of
 * the temp folder. Each becomes a placeholder, so two runs that differ only in them compare equal.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi;
/**
 * A generated id as a word of text (`sess_lx3k9a2b`, `job-1712345678901`): a letter prefix, `_` or
 * `-`, then 6+ letters and digits mixed, or 10+ digits (a time-based id), more such parts allowed.
 * A model name (`claude-3-5-sonnet-20241022`) or a date in a name is not one.
 */
export const ID_IN_TEXT = /(?<![A-Za-z0-9_-])[A-Za-z][A-Za-z0-9]{0,15}[_-](?:(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{6,}|\d{10,})(?:[_-][A-Za-z0-9]{4,})*(?![A-Za-z0-9_-])/g;

export interface Detector {
  patterns: RegExp[];
  uuids: boolean;
  idsInText: boolean;
  tmp: string;
  tmpEntry: RegExp | undefined;
}

export function createDetector(patterns: RegExp[], uuids: boolean, tmp: string, idsInText = false): Detector {
  const esc = tmp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { patterns, uuids, idsInText, tmp, tmpEntry: tmp ? new RegExp(`${esc}[\\\\/]([^\\\\/\\s"']+)`, 'g') : undefined };
}

/** Cheap: whether `s` could hold an id word at all (a separator and a digit, long enough). */
export function mayHoldId(s: string): boolean {
  return s.length >= 8 && (s.indexOf('_') !== -1 || s.indexOf('-') !== -1) && /\d/.test(s);
}

export function hasGenerated(s: string, d: Detector): boolean {
  for (const p of d.patterns) if (((p.lastIndex = 0), p.test(s))) return true;
  if (d.uuids && s.length >= 36 && ((UUID.lastIndex = 0), UUID.test(s))) return true;
  if (d.idsInText && mayHoldId(s) && ((ID_IN_TEXT.lastIndex = 0), ID_IN_TEXT.test(s))) return true;
  return d.tmp !== '' && s.includes(d.tmp);
}

export interface Found {
  at: number;
  end: number;
  /** The value a placeholder is named for (UUIDs lower-cased, temp entries as tmp:NAME). */
  v: string;
  site: string;
}

/** Non-overlapping generated parts of `s`, in order; patterns win over UUIDs over id words over temp entries. */
export function findGenerated(s: string, site: string, d: Detector): Found[] {
  const found: Found[] = [];
  const collect = (re: RegExp, map: (m: RegExpExecArray) => { v: string; site: string }) => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const at = m.index;
      const end = m.index + m[0].length;
      if (!found.some((f) => at < f.end && end > f.at)) found.push({ at, end, ...map(m) });
      if (m[0].length === 0) re.lastIndex++;
    }
  };
  for (const p of d.patterns) collect(p, (m) => ({ v: m[0], site }));
  if (d.uuids) collect(UUID, (m) => ({ v: m[0].toLowerCase(), site }));
  if (d.idsInText && mayHoldId(s)) collect(ID_IN_TEXT, (m) => ({ v: m[0], site }));
  if (d.tmpEntry) collect(d.tmpEntry, (m) => ({ v: `tmp:${m[1]}`, site: 'tmp' }));
  return found.sort((a, b) => a.at - b.at);
}
