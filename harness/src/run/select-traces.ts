import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import type { HarnessContext } from '../context.js';
import { finding } from '../report/to-findings.js';
import type { Scenario } from '../scenario/types.js';
import { traceName } from '../trace/read.js';

export interface TraceItem {
  name: string;
  file: string;
  scenario?: Scenario;
  /** Heard by `cutover tap`: replayed, never recorded again, never obsolete. */
  tapped?: boolean;
}

/**
 * The traces a replay takes: every scenario's, and every tapped trace in the traces folder (real
 * traffic has no scenario, and is a golden trace all the same), or those named: a scenario, a
 * tapped trace by its file name (`traces/app.jsonl` is `app`), or a .jsonl path.
 */
export function selectTraces(ctx: HarnessContext, scenarios: Scenario[], wanted: string[] | 'all'): TraceItem[] {
  const dir = ctx.settings.tracesDir;
  const item = (s: Scenario): TraceItem => {
    const file = path.join(dir, `${s.name}.jsonl`);
    return { name: s.name, file, scenario: s, ...(isTapped(file) ? { tapped: true } : {}) };
  };
  const tapped = tappedTraces(dir, new Set(scenarios.map((s) => s.name)));
  if (wanted === 'all') return [...scenarios.map(item), ...tapped];
  return wanted.map((w) => {
    const s = scenarios.find((x) => x.name === w);
    if (s) return item(s);
    const t = tapped.find((x) => x.name === w);
    if (t) return t;
    if (w.endsWith('.jsonl')) {
      const file = path.resolve(w);
      const name = traceName(file);
      const scenario = scenarios.find((x) => x.name === name);
      return { name, file, ...(scenario ? { scenario } : {}), ...(isTapped(file) ? { tapped: true } : {}) };
    }
    const known = [...scenarios.map((x) => x.name), ...tapped.map((x) => `${x.name} (tapped)`)];
    throw new ConfigError(`unknown scenario "${w}"`, { hint: `Scenarios: ${known.join(', ') || '(none configured in harness.scenarios, no tapped trace in the traces folder)'}; or give a .jsonl trace path.` });
  });
}

/** Traces no scenario uses and no tap wrote; `--update all` removes them, as snapshot tools do. A tapped trace it keeps, and says so. */
export function obsoleteTraces(ctx: HarnessContext, scenarios: Scenario[], update: 'none' | 'new' | 'all'): Finding[] {
  const dir = ctx.settings.tracesDir;
  if (!fs.existsSync(dir)) return [];
  const used = new Set(scenarios.map((s) => s.name));
  const out: Finding[] = [];
  for (const name of fs.readdirSync(dir).sort()) {
    if (!name.endsWith('.jsonl') || used.has(traceName(name))) continue;
    const file = path.join(dir, name);
    if (isTapped(file)) {
      if (update === 'all') ctx.onProgress(`kept ${toPosixRelative(ctx.settings.configDir, file)}: ${TAPPED_KEPT}`);
      continue;
    }
    if (update === 'all') {
      fs.rmSync(file);
      ctx.onProgress(`removed obsolete trace ${toPosixRelative(ctx.settings.configDir, file)}`);
      continue;
    }
    out.push(finding('trace-obsolete', `golden trace ${name} belongs to no scenario`, { file, hint: 'Delete it, or run `cutover replay --update all` to remove obsolete traces.' }));
  }
  return out;
}

/** Why `--update all` leaves a tapped trace as it is. */
export const TAPPED_KEPT = 'it was tapped from real traffic (cutover tap) and cannot be recorded again; tap again to refresh it';

function tappedTraces(dir: string, used: ReadonlySet<string>): TraceItem[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .sort()
    .filter((n) => n.endsWith('.jsonl') && !used.has(traceName(n)) && isTapped(path.join(dir, n)))
    .map((n) => ({ name: traceName(n), file: path.join(dir, n), tapped: true }));
}

/**
 * Whether a trace file's header says `cutover tap` wrote it. Only the first line is read (a trace
 * may be large); a file that is not a readable trace is not a tapped one, and the replay reports
 * whatever is wrong with it.
 */
export function isTapped(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(64 * 1024);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const text = buf.subarray(0, n).toString('utf8');
    const end = text.indexOf('\n');
    const header = JSON.parse(end === -1 ? text : text.slice(0, end)) as { type?: unknown; source?: unknown } | null;
    return header?.type === 'header' && header.source === 'tap';
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
