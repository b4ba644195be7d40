import { getPath, parsePath } from '../compare/json-path.js';
import type { Profile } from '../profiles/profile.js';
import type { BodyLine } from '../trace/types.js';

export interface SeqProblem {
  kind: 'seq-gap' | 'seq-not-increasing';
  conn: string;
  message: string;
  /** Position of the offending event in the run (index into the lines). */
  at: number;
}

/**
 * On one connection, every event's seq must be exactly one more than the one before: a
 * gap is a lost event, a repeat or a step back a duplicate or a reordering. A connection
 * starts its own count (a client joins mid-stream; a reconnect is a new connection).
 */
export function checkSeq(lines: readonly BodyLine[], profile: Profile): SeqProblem[] {
  if (!profile.paths.eventSeq) return [];
  const seqPath = parsePath(profile.paths.eventSeq);
  const last = new Map<string, number>();
  const out: SeqProblem[] = [];
  lines.forEach((l, at) => {
    if (l.type !== 'event') return;
    const seq = getPath(l.message, seqPath);
    if (typeof seq !== 'number') return;
    const prev = last.get(l.conn);
    last.set(l.conn, prev === undefined ? seq : Math.max(prev, seq));
    if (prev === undefined) return;
    const type = (l.message as { type?: unknown }).type;
    const what = `event ${typeof type === 'string' ? type : ''} on ${l.conn}`.replace('  ', ' ');
    if (seq <= prev) out.push({ kind: 'seq-not-increasing', conn: l.conn, at, message: `${what}: seq ${seq} after ${prev}${seq === prev ? ' (sent twice)' : ''}` });
    else if (seq !== prev + 1) out.push({ kind: 'seq-gap', conn: l.conn, at, message: `${what}: seq jumps from ${prev} to ${seq} (${seq - prev - 1} missing)` });
  });
  return out;
}

/**
 * A seq gap where the comparison found the event missing is that missing event, numbered and
 * never sent: noted on the difference, not reported again.
 */
export function foldSeqGaps(problems: readonly SeqProblem[], diffs: readonly { kind: string; gapAt?: number; gapAts?: number[]; notes?: string[] }[]): SeqProblem[] {
  const byAt = new Map<number, (typeof diffs)[number]>();
  for (const d of diffs) if (d.kind === 'missing') for (const at of d.gapAts ?? (d.gapAt === undefined ? [] : [d.gapAt])) byAt.set(at, d);
  return problems.filter((p) => {
    const d = p.kind === 'seq-gap' ? byAt.get(p.at) : undefined;
    if (!d) return true;
    (d.notes ??= []).push(`the new path numbered it and never sent it: ${p.message.replace(/^.*?: /, '')}`);
    return false;
  });
}

/** At most `max` problems per connection and kind; the rest counted in one more. */
export function capSeq(problems: readonly SeqProblem[], max = 10): SeqProblem[] {
  const seen = new Map<string, number>();
  const out: SeqProblem[] = [];
  const over = new Map<string, SeqProblem & { n: number }>();
  for (const p of problems) {
    const k = `${p.conn}\u0000${p.kind}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    if (n <= max) out.push(p);
    else {
      const o = over.get(k) ?? { ...p, n: 0 };
      o.n++;
      over.set(k, o);
    }
  }
  for (const o of over.values()) out.push({ kind: o.kind, conn: o.conn, at: o.at, message: `${o.n} more ${o.kind === 'seq-gap' ? 'gaps' : 'steps back'} on ${o.conn}, not shown` });
  return out;
}
