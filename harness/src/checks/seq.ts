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
