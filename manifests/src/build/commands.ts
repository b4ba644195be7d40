/**
 * Joins command facts into `commands.json` entries, keyed by wire name: the sidecar command a
 * Rust command forwards to, a Rust-only command's own name, or a command of a daemon's control
 * socket. A frontend `invoke` reaches the entries its Tauri command forwards to (or, with no
 * forward, the entry named as it invokes).
 */
import type { JsonSchema, KeyFact } from '../model.js';
import { canonicalSchema, compare } from './canonical.js';
import { byName, invokedAs, invokeTargets, isRegistered, type FactIndex } from './index-facts.js';
import { ref } from './refs.js';
import type { CommandEntry, Ref, TauriSide } from './types.js';

interface Draft {
  name: string;
  tauriNames: Set<string>;
  producers: Ref[];
  consumers: Ref[];
  params?: JsonSchema;
  result?: JsonSchema;
  tauri: Map<string, TauriSide>;
}

export function buildCommands(ix: FactIndex): CommandEntry[] {
  const drafts = new Map<string, Draft>();
  const draft = (name: string): Draft => {
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { name, tauriNames: new Set(), producers: [], consumers: [], tauri: new Map() }));
    return d;
  };
  const forwardsFrom = byName(ix.forwards.filter((f) => f.from !== undefined).map((f) => ({ ...f, name: f.from! })));

  for (const h of ix.handlers) {
    const d = draft(h.name);
    d.producers.push(ref('sidecar', 'handler', h.loc, { keys: h.reads?.map((k) => k.key) }));
    d.params ??= h.params;
    d.result ??= h.result;
  }
  for (const f of ix.forwards) {
    const d = draft(f.to);
    d.consumers.push(ref('rust', 'forward', f.loc, { from: f.from, keys: f.keys }));
    if (!d.params && f.keys) d.params = keysSchema(f.keys.map((key) => ({ key, required: true })));
  }
  for (const def of ix.definitions) {
    const targets = [...new Set((forwardsFrom.get(def.name) ?? []).map((f) => f.to))];
    const registered = isRegistered(def, ix) ? undefined : (false as const);
    // A command only a plugin registers is invoked as `plugin:<name>|<cmd>`: that is its name here.
    const tauriName = invokedAs(def, ix);
    for (const wire of targets.length ? targets : [tauriName]) {
      const d = draft(wire);
      d.tauriNames.add(tauriName);
      d.producers.push(ref('rust', 'command', def.loc, { name: tauriName === wire ? undefined : tauriName, path: def.path, registered }));
      if (targets.length === 0) {
        d.params ??= keysSchema(def.params);
        d.result ??= def.result;
      } else if (!d.tauri.has(def.name)) {
        // The sidecar's schemas say what crosses to the sidecar; the frontend talks to this command.
        d.tauri.set(def.name, { params: canonicalSchema(keysSchema(def.params)), ...(def.result ? { result: canonicalSchema(def.result) } : {}) });
      }
    }
  }
  // A daemon's control plane: its dispatch answers the command, its clients' requests call it.
  for (const h of ix.controlHandlers) {
    const d = draft(h.name);
    d.producers.push(ref('rust', 'handler', h.loc, { keys: h.reads?.map((k) => k.key) }));
    d.params ??= h.params;
  }
  for (const r of ix.controlRequests) draft(r.name).consumers.push(ref('rust', 'request', r.loc, { from: r.from, keys: r.keys }));
  for (const inv of ix.invokes) {
    const targets = [...new Set(invokeTargets(inv.name, ix).flatMap((def) => (forwardsFrom.get(def.name) ?? []).map((f) => f.to)))];
    for (const wire of targets.length ? targets : [inv.name]) {
      draft(wire).consumers.push(ref('frontend', 'invoke', inv.loc, { name: inv.name === wire ? undefined : inv.name, keys: inv.keys }));
    }
  }

  return [...drafts.values()]
    .sort((a, b) => compare(a.name, b.name))
    .map((d) => {
      const e: CommandEntry = { name: d.name, producers: d.producers, consumers: d.consumers };
      const tauri = [...d.tauriNames].sort(compare);
      if (tauri.length && !(tauri.length === 1 && tauri[0] === d.name)) e.tauriNames = tauri;
      if (d.params) e.params = canonicalSchema(d.params);
      if (d.result) e.result = canonicalSchema(d.result);
      if (d.tauri.size) e.tauri = Object.fromEntries([...d.tauri.entries()].sort((a, b) => compare(a[0], b[0])));
      return e;
    });
}

/** A params schema from keys alone (a Rust command's parameters, a forward's json! keys). */
export function keysSchema(keys: readonly Pick<KeyFact, 'key' | 'required' | 'schema'>[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const k of keys) properties[k.key] = k.schema ?? {};
  const required = keys.filter((k) => k.required).map((k) => k.key);
  return { type: 'object', ...(keys.length ? { properties } : {}), ...(required.length ? { required } : {}) };
}
