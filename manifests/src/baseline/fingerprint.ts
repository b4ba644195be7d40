/**
 * What identifies a finding across commits: its rule, the names it is about and its file, never
 * its line (moving code keeps the finding). Names are the strings a finding's data carries (the
 * command or event, the keys it misses or sends, a Rust path), except references to other sites
 * (`src/x.ts:12`), which move with lines.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../../core/src/findings.js';

const SITE = /:\d+(?::\d+)?$/;

/** The finding's names, by data key, in a stable order: `name=agent_send_message`, `missing=sessionId`. */
export function namesOf(f: Finding): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(f.data ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const values = typeof value === 'string' ? [value] : Array.isArray(value) && value.every((v) => typeof v === 'string') ? [...(value as string[])].sort() : [];
    for (const v of values) if (!SITE.test(v)) out.push(`${key}=${v}`);
  }
  return out;
}

export function fingerprint(rule: string, file: string | undefined, names: readonly string[]): string {
  return createHash('sha256').update([rule, file ?? '', ...names].join('\0')).digest('hex').slice(0, 16);
}
