/** `cutover drift`: the freshly extracted manifests against the committed ones, every change classified. */
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding } from '../../../core/src/findings.js';
import { sortFindings } from '../../../core/src/findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { hashInTypes, hashOfTexts } from '../build/dts.js';
import { renderJson } from '../build/manifest.js';
import type { CommandEntry, EventEntry, Manifests, Ref } from '../build/types.js';
import { compareManifests, plainUnresolved, stripLocations, type Change } from '../drift/compare.js';
import { finding, type FindingId } from '../finding.js';
import type { Analysis } from './analyze.js';
import { FILES, type Committed } from './committed.js';

export type Allowance = 'additive' | 'metadata';

export interface DriftResult {
  changes: Change[];
  findings: Finding[];
  /** Unified diff of the committed manifests against the fresh ones (empty when equal, or when only locations moved). */
  diff: string;
  /** The committed manifests differ from the fresh ones only in file:line: not drift, `manifest --update` refreshes them. */
  locationsMoved: boolean;
}

const ID: Record<Change['class'], FindingId> = { breaking: 'drift-breaking', additive: 'drift-additive', metadata: 'drift-metadata' };

export function runDrift(a: Analysis, committed: Committed, allow: ReadonlySet<Allowance>): DriftResult {
  const { root, out } = a.options;
  const rel = (name: string) => toPosixRelative(root, path.join(out, name));
  const findings: Finding[] = [];
  const changes: Change[] = [];
  let diff = '';
  const fresh = { commands: renderJson(a.manifests.commands), events: renderJson(a.manifests.events) };
  for (const key of ['commands', 'events'] as const) {
    if (!committed[key]) findings.push(finding('manifest-missing', `${rel(FILES[key])} does not exist, so nothing guards the ${key} contract`, { file: rel(FILES[key]), hint: 'Run `cutover manifest --update` and commit the result.' }));
  }
  const identical = committed.commands?.text === fresh.commands && committed.events?.text === fresh.events;
  let locationsMoved = false;
  if (committed.commands && committed.events && !identical) {
    const before: Manifests = { commands: committed.commands.data, events: committed.events.data };
    // Locations never decide the verdict: compared without file:line, moved code is no change.
    const [b, f] = [stripLocations(before), stripLocations(a.manifests)];
    const same = { commands: renderJson(b.commands) === renderJson(f.commands), events: renderJson(b.events) === renderJson(f.events) };
    if (same.commands && same.events) locationsMoved = true;
    else {
      changes.push(...compareManifests(before, a.manifests));
      for (const key of ['commands', 'events'] as const) {
        if (!same[key] && !changes.some((c) => c.file === FILES[key])) {
          changes.push({ class: 'metadata', file: FILES[key], kind: key === 'commands' ? 'command' : 'event', name: '(file)', message: `${FILES[key]} differs from what cutover writes (formatting or order)` });
        }
        if (committed[key]!.text !== fresh[key]) diff += createTwoFilesPatch(`a/${rel(FILES[key])}`, `b/${rel(FILES[key])}`, committed[key]!.text, fresh[key], undefined, undefined, { context: 3 });
      }
    }
  }
  // types.d.ts must match the committed manifests (not the fresh ones: a contract change is reported once, above).
  if (a.options.types && committed.commands && committed.events) {
    const hash = committed.types === undefined ? undefined : hashInTypes(committed.types);
    if (hash !== hashOfTexts(committed.commands.text, committed.events.text)) {
      changes.push({ class: 'metadata', file: 'types.d.ts', kind: 'command', name: '(types)', message: `${FILES.types} is ${committed.types === undefined ? 'missing' : 'not generated from the committed manifests'}` });
    }
  }
  for (const ch of changes) {
    const allowed = ch.class !== 'breaking' && allow.has(ch.class);
    const where = locate(ch, a, committed, rel);
    findings.push(
      finding(ID[ch.class], ch.message, {
        ...where,
        severity: allowed ? 'info' : 'error',
        data: { name: ch.name, kind: ch.kind, class: ch.class },
        hint: ch.class === 'breaking' ? `If the break is intended, run \`cutover drift --accept ${ch.kind}:${ch.name} --reason "…"\` (it records why in history.json and writes the manifests) and commit both with the pull request; otherwise restore the contract.` : 'Run `cutover manifest --update` and commit the result to acknowledge it.',
      }),
    );
  }
  return { changes, findings: sortFindings(findings), diff, locationsMoved };
}

/**
 * Where to point a change: the source site it is about (from the fresh extraction, with every
 * location), so an annotation lands on the line that changed; for an entry that is gone, where the
 * committed manifest last saw it; else the entry in the committed manifest.
 */
function locate(ch: Change, a: Analysis, committed: Committed, rel: (f: string) => string): { file?: string; line?: number } {
  if (ch.file === FILES.types) return { file: rel(FILES.types) };
  const key = ch.kind === 'command' ? 'commands' : 'events';
  const file = committed[key];
  if (ch.name === '(unresolved)') {
    const known = new Set(plainUnresolved(file?.data.unresolved));
    const fresh = (ch.kind === 'command' ? a.located.commands.unresolved : a.located.events.unresolved) ?? [];
    const added = fresh.find((u) => !known.has(plainUnresolved([u])[0]!));
    if (added?.file) return { file: added.file, line: added.line };
    return { file: rel(FILES[key]) };
  }
  const list = (e: { commands?: (CommandEntry | EventEntry)[]; events?: (CommandEntry | EventEntry)[] } | undefined) => e?.[key];
  const now = list(ch.kind === 'command' ? a.located.commands : a.located.events)?.find((e) => e.name === ch.name);
  const site = now ? siteOf(now, ch) : undefined;
  if (site) return site;
  const list2 = list(file?.data as never);
  const index = list2?.findIndex((e) => e.name === ch.name) ?? -1;
  const was = index >= 0 ? list2![index]! : undefined;
  const old = was ? siteOf(was, ch) : undefined;
  if (old) return old;
  if (file && index >= 0) return { file: rel(FILES[key]), line: file.lineOf([key, index, 'name']) };
  return { file: rel(FILES[key]) };
}

/** The site of an entry a change is about: its focus (role, kinds, Tauri name), else any located site. */
function siteOf(e: CommandEntry | EventEntry, ch: Change): { file: string; line?: number } | undefined {
  const located = (rs: Ref[]) => rs.filter((r) => r.file !== undefined);
  const f = ch.focus;
  let pick: Ref | undefined;
  if (f) {
    const fits = located(e[f.role]).filter((r) => f.kinds.length === 0 || f.kinds.includes(r.kind));
    pick = (f.tauri !== undefined ? fits.find((r) => (r.name ?? e.name) === f.tauri) : undefined) ?? fits[0];
  }
  pick ??= located([...e.producers, ...e.consumers])[0];
  return pick?.file !== undefined ? { file: pick.file, line: pick.line } : undefined;
}
