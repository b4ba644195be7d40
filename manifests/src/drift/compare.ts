/**
 * Compares the committed manifests with freshly extracted ones and classifies every change.
 * The contract is names (wire, Tauri, frontend event names) and schemas (also the Tauri-facing
 * params and result of a command that forwards); everything else an entry carries (who produces
 * and consumes it, with which keys) is metadata: a change there makes the committed file stale
 * without changing the contract. Where a site is (file:line) is never a change: moving code is
 * not drift (see `stripLocations`).
 */
import { compare, sameJson } from '../build/canonical.js';
import type { CommandEntry, EventEntry, Manifests, Ref, TauriSide, UnresolvedEntry } from '../build/types.js';
import { diffSchema, type ChangeClass, type Direction } from './schema-diff.js';

export interface Change {
  class: ChangeClass;
  file: 'commands.json' | 'events.json' | 'types.d.ts';
  kind: 'command' | 'event';
  name: string;
  message: string;
  /** Which site of the entry the change is about, so it can be shown at its source line. */
  focus?: Focus;
}

/** A site of an entry: its producers or consumers of a kind, or the Rust command of one Tauri name. */
export interface Focus {
  role: 'producers' | 'consumers';
  kinds: Ref['kind'][];
  /** A Tauri command name (for its Tauri-facing schemas or a rename). */
  tauri?: string;
}

export function compareManifests(before: Manifests, after: Manifests): Change[] {
  return [
    ...compareEntries('command', before.commands.commands, after.commands.commands),
    ...compareEntries('event', before.events.events, after.events.events),
    ...compareUnresolved('commands.json', before.commands.unresolved, after.commands.unresolved),
    ...compareUnresolved('events.json', before.events.unresolved, after.events.unresolved),
  ];
}

type Entry = CommandEntry | EventEntry;

function compareEntries(kind: 'command' | 'event', before: Entry[], after: Entry[]): Change[] {
  const file = kind === 'command' ? 'commands.json' : 'events.json';
  const out: Change[] = [];
  const mk = (cls: ChangeClass, name: string, message: string, focus?: Focus) => out.push({ class: cls, file, kind, name, message: `${kind} ${name}: ${message}`, ...(focus ? { focus } : {}) });
  const own: Focus = kind === 'command' ? { role: 'producers', kinds: ['handler', 'command'] } : { role: 'producers', kinds: ['emit', 'reemit'] };
  const caller: Focus = kind === 'command' ? { role: 'producers', kinds: ['command'] } : { role: 'consumers', kinds: ['listen'] };
  const old = new Map(before.map((e) => [e.name, e]));
  const now = new Map(after.map((e) => [e.name, e]));
  const removed = [...old.keys()].filter((n) => !now.has(n)).sort(compare);
  const added = new Set([...now.keys()].filter((n) => !old.has(n)));
  for (const name of removed) {
    const was = old.get(name)!;
    const twin = [...added].find((a) => hasSchemas(was) && sameJson(schemasOf(was), schemasOf(now.get(a)!)));
    if (twin) {
      added.delete(twin);
      mk('breaking', name, `renamed to ${twin} (same schemas); callers of ${name} break`);
    } else {
      mk('breaking', name, `removed; callers of ${name} break`);
    }
  }
  for (const name of [...added].sort(compare)) mk('additive', name, `new ${kind}`, own);
  for (const [name, a] of [...now.entries()].sort((x, y) => compare(x[0], y[0]))) {
    const b = old.get(name);
    if (!b) continue;
    const [oldAliases, newAliases] = [aliases(kind, b), aliases(kind, a)];
    const label = kind === 'command' ? 'Tauri command' : 'frontend name';
    const gone = oldAliases.filter((x) => !newAliases.includes(x));
    const fresh = newAliases.filter((x) => !oldAliases.includes(x));
    if (gone.length === 1 && fresh.length === 1) mk('breaking', name, `${label} ${gone[0]} renamed to ${fresh[0]}; callers of ${gone[0]} break`, { ...caller, tauri: fresh[0] });
    else {
      for (const g of gone) mk('breaking', name, `${label} ${g} no longer reaches it; callers of ${g} break`, caller);
      for (const f of fresh) mk('additive', name, `new ${label} ${f}`, { ...caller, tauri: f });
    }
    const producedBy = (e: Entry, k: Ref['kind']) => e.producers.some((p) => p.kind === k);
    if (kind === 'command' && producedBy(b, 'handler') && !producedBy(a, 'handler')) mk('breaking', name, 'no sidecar handler answers it any more; calls fail at run time', { role: 'consumers', kinds: ['forward', 'invoke'] });
    if (kind === 'event' && producedBy(b, 'emit') && !producedBy(a, 'emit')) mk('breaking', name, 'nothing emits it any more; listeners wait in vain', { role: 'consumers', kinds: ['listen'] });
    for (const [field, dir] of fieldsOf(kind)) {
      for (const ch of diffSchema(b[field as keyof Entry] as never, a[field as keyof Entry] as never, dir, field)) mk(ch.class, name, ch.message, own);
    }
    if (kind === 'command') for (const ch of tauriChanges(b as CommandEntry, a as CommandEntry)) mk(ch.class, name, ch.message, { role: 'producers', kinds: ['command'], tauri: ch.tauri });
    const refs = refChanges(b, a);
    if (refs) mk('metadata', name, refs.message, refs.focus);
  }
  return out;
}

function fieldsOf(kind: 'command' | 'event'): [string, Direction][] {
  return kind === 'command' ? [['params', 'input'], ['result', 'output']] : [['payload', 'output']];
}

/** The other names an entry is reached by: Tauri commands (a command's own name when Rust defines it), frontend event names. */
function aliases(kind: 'command' | 'event', e: Entry): string[] {
  if (kind === 'event') return (e as EventEntry).frontendNames ?? [];
  const c = e as CommandEntry;
  if (c.tauriNames) return c.tauriNames;
  return c.producers.some((p) => p.side === 'rust' && p.kind === 'command' && p.registered !== false) ? [c.name] : [];
}

function hasSchemas(e: Entry): boolean {
  return Object.keys(schemasOf(e)).length > 0;
}

function schemasOf(e: Entry): Record<string, unknown> {
  const c = e as CommandEntry & EventEntry;
  return { ...(c.params ? { params: c.params } : {}), ...(c.result ? { result: c.result } : {}), ...(c.payload ? { payload: c.payload } : {}) };
}

/**
 * The Tauri-facing params (input) and result (output) of each Tauri command that forwards here
 * and that both sides know. A Tauri name that appears or goes is a rename, reported above; a
 * manifest written before these were recorded gets one metadata change, not a schema diff.
 */
function tauriChanges(b: CommandEntry, a: CommandEntry): { class: ChangeClass; message: string; tauri: string }[] {
  if (!a.tauri && !b.tauri) return [];
  if (!b.tauri || !a.tauri) return [{ class: 'metadata', message: `Tauri-facing schemas ${b.tauri ? 'no longer recorded' : 'recorded'}`, tauri: Object.keys(a.tauri ?? b.tauri ?? {})[0]! }];
  const out: { class: ChangeClass; message: string; tauri: string }[] = [];
  for (const [t, after] of Object.entries(a.tauri).sort((x, y) => compare(x[0], y[0]))) {
    const before: TauriSide | undefined = b.tauri[t];
    if (!before) continue;
    for (const [field, dir] of [['params', 'input'], ['result', 'output']] as const) {
      for (const ch of diffSchema(before[field], after[field], dir, field)) out.push({ class: ch.class, message: `Tauri command ${t}: ${ch.message}`, tauri: t });
    }
  }
  return out;
}

/** Producers and consumers added or removed, compared without file:line (where code sits is not drift). */
function refChanges(b: Entry, a: Entry): { message: string; focus: Focus } | undefined {
  const parts: string[] = [];
  let focus: Focus | undefined;
  for (const side of ['producers', 'consumers'] as const) {
    const text = (r: Ref) => refText({ ...r, file: undefined, line: undefined });
    const before = new Set(b[side].map(text));
    const after = new Set(a[side].map(text));
    const plus = [...after].filter((r) => !before.has(r));
    const minus = [...before].filter((r) => !after.has(r));
    if (plus.length) parts.push(`${side} added: ${plus.join('; ')}`);
    if (minus.length) parts.push(`${side} removed: ${minus.join('; ')}`);
    const changed = a[side].find((r) => plus.includes(text(r)));
    if (changed && !focus) focus = { role: side, kinds: [changed.kind], ...(changed.name ? { tauri: changed.name } : {}) };
  }
  return parts.length ? { message: parts.join('; '), focus: focus ?? { role: 'producers', kinds: [] } } : undefined;
}

/**
 * The manifests without any file:line, as drift compares them. Refs and unresolved names are
 * sorted by what is left, since their committed order follows file:line.
 */
export function stripLocations(m: Manifests): Manifests {
  const byText = <T>(xs: T[]) => xs.map((x) => [JSON.stringify(x), x] as const).sort((p, q) => compare(p[0], q[0])).map(([, x]) => x);
  const refs = (rs: Ref[]) => byText(rs.map(({ file: _f, line: _l, ...r }) => r));
  const unresolved = <T extends { file?: string; line?: number }>(us: T[] | undefined) => (us ? byText(us.map(({ file: _f, line: _l, ...u }) => u)) : undefined);
  return {
    commands: { ...m.commands, commands: m.commands.commands.map((c) => ({ ...c, producers: refs(c.producers), consumers: refs(c.consumers) })), ...(m.commands.unresolved ? { unresolved: unresolved(m.commands.unresolved) } : {}) },
    events: { ...m.events, events: m.events.events.map((e) => ({ ...e, producers: refs(e.producers), consumers: refs(e.consumers) })), ...(m.events.unresolved ? { unresolved: unresolved(m.events.unresolved) } : {}) },
  };
}

export function refText(r: Ref): string {
  const what = [`${r.side} ${r.kind}`];
  if (r.name) what.push(r.name);
  if (r.from) what.push(`from ${r.from}`);
  if (r.prefix) what.push(`prefix ${r.prefix}`);
  if (r.keys) what.push(`{${r.keys.join(', ')}}`);
  if (r.registered === false) what.push('(not registered)');
  if (r.file) what.push(`at ${r.file}${r.line ? `:${r.line}` : ''}`);
  return what.join(' ');
}

function compareUnresolved(file: 'commands.json' | 'events.json', before: UnresolvedEntry[] | undefined, after: UnresolvedEntry[] | undefined): Change[] {
  if (sameJson(plainUnresolved(before), plainUnresolved(after))) return [];
  const b = (before ?? []).length;
  const a = (after ?? []).length;
  return [{ class: 'metadata', file, kind: file === 'commands.json' ? 'command' : 'event', name: '(unresolved)', message: `unresolved names changed (${b} → ${a}); see the unresolved-name findings of cutover check` }];
}

/** Unresolved entries without file:line, in a fixed order: what drift compares. */
export function plainUnresolved(us: UnresolvedEntry[] | undefined): string[] {
  return (us ?? []).map(({ file: _f, line: _l, ...u }) => JSON.stringify(u)).sort(compare);
}
