/** `cutover drift`: the freshly extracted manifests against the committed ones, every change classified. */
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Finding } from '../../../core/src/findings.js';
import { sortFindings } from '../../../core/src/findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { hashInTypes, hashOfTexts } from '../build/dts.js';
import { renderJson } from '../build/manifest.js';
import type { Manifests, Ref } from '../build/types.js';
import { compareManifests, type Change } from '../drift/compare.js';
import { finding, type FindingId } from '../finding.js';
import type { Analysis } from './analyze.js';
import { FILES, type Committed } from './committed.js';

export type Allowance = 'additive' | 'metadata';

export interface DriftResult {
  changes: Change[];
  findings: Finding[];
  /** Unified diff of the committed manifests against the fresh ones (empty when equal). */
  diff: string;
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
    const file = committed[key];
    if (!file) {
      findings.push(finding('manifest-missing', `${rel(FILES[key])} does not exist, so nothing guards the ${key} contract`, { file: rel(FILES[key]), hint: 'Run `cutover manifest --update` and commit the result.' }));
      continue;
    }
    if (file.text === fresh[key]) continue;
    diff += createTwoFilesPatch(`a/${rel(FILES[key])}`, `b/${rel(FILES[key])}`, file.text, fresh[key], undefined, undefined, { context: 3 });
  }
  const identical = committed.commands?.text === fresh.commands && committed.events?.text === fresh.events;
  if (committed.commands && committed.events && !identical) {
    const before: Manifests = { commands: committed.commands.data, events: committed.events.data };
    changes.push(...compareManifests(before, a.manifests));
    for (const key of ['commands', 'events'] as const) {
      const same = committed[key]!.text === fresh[key];
      if (!same && !changes.some((c) => c.file === FILES[key])) {
        changes.push({ class: 'metadata', file: FILES[key], kind: key === 'commands' ? 'command' : 'event', name: '(file)', message: `${FILES[key]} differs from what cutover writes (formatting or order)` });
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
        hint: ch.class === 'breaking' ? 'If the break is intended, run `cutover manifest --update` and commit it with the pull request; otherwise restore the contract.' : 'Run `cutover manifest --update` and commit the result to acknowledge it.',
      }),
    );
  }
  return { changes, findings: sortFindings(findings), diff };
}

/** Where to point a change: the entry in the committed manifest, else the new entry's source. */
function locate(ch: Change, a: Analysis, committed: Committed, rel: (f: string) => string): { file?: string; line?: number } {
  if (ch.file === FILES.types) return { file: rel(FILES.types) };
  const key = ch.kind === 'command' ? 'commands' : 'events';
  const file = committed[key];
  const list = (file?.data as { commands?: { name: string }[]; events?: { name: string }[] } | undefined)?.[key];
  const index = list?.findIndex((e) => e.name === ch.name) ?? -1;
  if (file && index >= 0) return { file: rel(FILES[key]), line: file.lineOf([key, index, 'name']) };
  const entry = (ch.kind === 'command' ? a.located.commands.commands : a.located.events.events).find((e) => e.name === ch.name);
  const site: Ref | undefined = entry && [...entry.producers, ...entry.consumers].find((r) => r.file !== undefined);
  if (site?.file) return { file: site.file, line: site.line };
  return { file: rel(FILES[key]) };
}
