import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceSettings } from './config.js';

export type ListedPathState = { state: 'ok' } | { state: 'missing'; shown: string } | { state: 'outside'; shown: string };

/** Judges a path listed under Files Changed: inside the repository, and there. */
export type ListedPathCheck = (listed: string) => ListedPathState;

const within = (dir: string, file: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/**
 * Paths under Files Changed are relative to `evidence.root`, after any configured prefix of another
 * machine's checkout is taken off. A path outside the repository is never looked at (no stat of
 * `/etc/passwd`, nothing that could wait on a device); the rest are checked once each with a
 * stat, which never blocks on what it finds.
 */
export function listedPathCheck(settings: EvidenceSettings): ListedPathCheck {
  const known = new Map<string, ListedPathState>();
  const roots = [path.resolve(settings.repository), path.resolve(settings.root)];
  return (listed) => {
    let shown = listed;
    const posix = listed.replace(/\\/g, '/');
    const prefix = settings.stripPrefixes.find((p) => posix.startsWith(p));
    if (prefix) shown = posix.slice(prefix.length);
    const abs = path.resolve(settings.root, shown);
    let hit = known.get(abs);
    if (hit === undefined) {
      if (!roots.some((r) => within(r, abs))) hit = { state: 'outside', shown };
      else hit = fs.statSync(abs, { throwIfNoEntry: false }) ? { state: 'ok' } : { state: 'missing', shown };
      known.set(abs, hit);
    }
    return hit;
  };
}
