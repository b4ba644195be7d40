/**
 * Generated values inside a string: ids matching configured patterns, UUIDs, and entries of
 * the temp folder. Each becomes a placeholder, so two runs that differ only in them compare equal.
 */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/gi;

export interface Detector {
  patterns: RegExp[];
  uuids: boolean;
  tmp: string;
  tmpEntry: RegExp | undefined;
}

export function createDetector(patterns: RegExp[], uuids: boolean, tmp: string): Detector {
  const esc = tmp.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return { patterns, uuids, tmp, tmpEntry: tmp ? new RegExp(`${esc}[\\\\/]([^\\\\/\\s"']+)`, 'g') : undefined };
}

export function hasGenerated(s: string, d: Detector): boolean {
  for (const p of d.patterns) if (((p.lastIndex = 0), p.test(s))) return true;
  if (d.uuids && s.length >= 36 && ((UUID.lastIndex = 0), UUID.test(s))) return true;
  return d.tmp !== '' && s.includes(d.tmp);
}

export interface Found {
  at: number;
  end: number;
  /** The value a placeholder is named for (UUIDs lower-cased, temp entries as tmp:NAME). */
  v: string;
  site: string;
}

/** Non-overlapping generated parts of `s`, in order; patterns win over UUIDs over temp entries. */
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
  if (d.tmpEntry) collect(d.tmpEntry, (m) => ({ v: `tmp:${m[1]}`, site: 'tmp' }));
  return found.sort((a, b) => a.at - b.at);
}
