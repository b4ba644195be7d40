import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceSettings } from './config.js';

export type ListedPathState = { state: 'ok' } | { state: 'missing'; shown: string } | { state: 'outside'; shown: string };

/** Judges a path listed under Files Changed: inside the repository, and there. */
export type ListedPathCheck = (listed: string) => ListedPathState;

const within = (dir: string, file: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/** `C:\…`, `C:/…`, `C:` and `\\server\share\…`: absolute on Windows, whatever OS lints them. */
const WINDOWS_ABSOLUTE = /^(?:[A-Za-z]:(?:[\\/]|$)|[\\/]{2}[^\\/])/;

/** Whether a listed path (written with `/`) starts with a configured prefix; Windows prefixes compare without case, as Windows does. */
function startsWithPrefix(posix: string, prefix: string): boolean {
  if (WINDOWS_ABSOLUTE.test(prefix)) return posix.toLowerCase().startsWith(prefix.toLowerCase());
  return posix.startsWith(prefix);
}

/**
 * Paths under Files Changed are relative to `evidence.root`, after any configured prefix of another
 * machine's checkout is taken off. A Windows path is read as one: `src\pay\daemon.ts` is
 * `src/pay/daemon.ts`, and `C:\Users\…` or `\\server\share\…` is absolute (outside, unless a
 * configured prefix takes it off). A path outside the repository is never looked at (no stat of
 * `/etc/passwd`, nothing that could wait on a device); the rest are checked once each with a
 * stat, which never blocks on what it finds.
 */
export function listedPathCheck(settings: EvidenceSettings): ListedPathCheck {
  const known = new Map<string, ListedPathState>();
  const roots = [path.resolve(settings.repository), path.resolve(settings.root)];
  return (listed) => {
    const posix = listed.replace(/\\/g, '/');
    const prefix = settings.stripPrefixes.find((p) => startsWithPrefix(posix, p));
    const rel = prefix ? posix.slice(prefix.length) : posix;
    if (!prefix && WINDOWS_ABSOLUTE.test(listed)) return { state: 'outside', shown: listed };
    const abs = path.resolve(settings.root, rel);
    let hit = known.get(abs);
    if (hit === undefined) {
      if (!roots.some((r) => within(r, abs))) hit = { state: 'outside', shown: rel };
      else hit = fs.statSync(abs, { throwIfNoEntry: false }) ? { state: 'ok' } : { state: 'missing', shown: rel };
      known.set(abs, hit);
    }
    return hit;
  };
}
