/**
 * Compares the committed manifests with freshly extracted ones and classifies every change.
 * The contract is names (wire, Tauri, frontend event names) and schemas; everything else an
 * entry carries (who produces and consumes it, where, with which keys) is metadata: a change
 * there makes the committed file stale without changing the contract.
 */
import { compare, sameJson } from '../build/canonical.js';
import type { CommandEntry, EventEntry, Manifests, Ref } from '../build/types.js';
import { diffSchema, type ChangeClass, type Direction } from './schema-diff.js';

export interface Change {
  class: ChangeClass;
  file: 'commands.json' | 'events.json' | 'types.d.ts';
  kind: 'command' | 'event';
  name: string;
  message: string;
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
  const mk = (cls: ChangeClass, name: string, message: string) => out.push({ class: cls, file, kind, name, message: `${kind} ${name}: ${message}` });
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
  for (const name of [...added].sort(compare)) mk('additive', name, `new ${kind}`);
  for (const [name, a] of [...now.entries()].sort((x, y) => compare(x[0], y[0]))) {
    const b = old.get(name);
    if (!b) continue;
    const [oldAliases, newAliases] = [aliases(kind, b), aliases(kind, a)];
    const label = kind === 'command' ? 'Tauri command' : 'frontend name';
    const gone = oldAliases.filter((x) => !newAliases.includes(x));
    const fresh = newAliases.filter((x) => !oldAliases.includes(x));
    if (gone.length === 1 && fresh.length === 1) mk('breaking', name, `${label} ${gone[0]} renamed to ${fresh[0]}; callers of ${gone[0]} break`);
    else {
      for (const g of gone) mk('breaking', name, `${label} ${g} no longer reaches it; callers of ${g} break`);
      for (const f of fresh) mk('additive', name, `new ${label} ${f}`);
    }
    const producedBy = (e: Entry, k: Ref['kind']) => e.producers.some((p) => p.kind === k);
    if (kind === 'command' && producedBy(b, 'handler') && !producedBy(a, 'handler')) mk('breaking', name, 'no sidecar handler answers it any more; calls fail at run time');
    if (kind === 'event' && producedBy(b, 'emit') && !producedBy(a, 'emit')) mk('breaking', name, 'nothing emits it any more; listeners wait in vain');
    for (const [field, dir] of fieldsOf(kind)) {
      for (const ch of diffSchema(b[field as keyof Entry] as never, a[field as keyof Entry] as never, dir, field)) mk(ch.class, name, ch.message);
    }
    const refs = refChanges(b, a);
    if (refs) mk('metadata', name, refs);
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

function refChanges(b: Entry, a: Entry): string | undefined {
  const parts: string[] = [];
  for (const side of ['producers', 'consumers'] as const) {
    const before = new Set(b[side].map(refText));
    const after = new Set(a[side].map(refText));
    const plus = [...after].filter((r) => !before.has(r));
    const minus = [...before].filter((r) => !after.has(r));
    if (plus.length) parts.push(`${side} added: ${plus.join('; ')}`);
    if (minus.length) parts.push(`${side} removed: ${minus.join('; ')}`);
  }
  return parts.length ? parts.join('; ') : undefined;
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

function compareUnresolved(file: 'commands.json' | 'events.json', before: unknown[] | undefined, after: unknown[] | undefined): Change[] {
  if (sameJson(before ?? [], after ?? [])) return [];
  const b = (before ?? []).length;
  const a = (after ?? []).length;
  return [{ class: 'metadata', file, kind: file === 'commands.json' ? 'command' : 'event', name: '(unresolved)', message: `unresolved names changed (${b} → ${a}); see the unresolved-name findings of cutover check` }];
}
