/**
 * Joins event facts into `events.json` entries, keyed by the name the producer emits (the sidecar,
 * Rust, or the frontend itself). A Rust re-emit (`agent:` + the sidecar event's type) gives each
 * sidecar event its frontend name, so `listen('agent:stream:chunk')` joins the sidecar's
 * `emit('stream:chunk')`.
 */
import { compare, unionOf } from './canonical.js';
import type { FactIndex } from './index-facts.js';
import { ref } from './refs.js';
import type { EventEntry, Ref } from './types.js';
import type { JsonSchema } from '../model.js';

interface Draft {
  name: string;
  frontendNames: Set<string>;
  producers: Ref[];
  consumers: Ref[];
  payloads: JsonSchema[];
  open: boolean;
}

export function buildEvents(ix: FactIndex): EventEntry[] {
  const drafts = new Map<string, Draft>();
  const draft = (name: string): Draft => {
    let d = drafts.get(name);
    if (!d) drafts.set(name, (d = { name, frontendNames: new Set(), producers: [], consumers: [], payloads: [], open: false }));
    return d;
  };
  const prefixes = [...new Set(ix.reemits.map((r) => r.prefix))].sort(compare);
  for (const e of ix.emits) {
    // Node's own event traffic (a server, a stream, an in-process bus) is not an event of the contract.
    if (e.internal) continue;
    const d = draft(e.name);
    d.producers.push(ref(e.side, 'emit', e.loc));
    // The frontend's own emits are producers too, but say nothing about the payload's shape.
    if (e.payload) d.payloads.push(e.payload);
    else if (e.side !== 'frontend') d.open = true;
    if (e.side === 'sidecar') {
      for (const p of prefixes) d.frontendNames.add(`${p}${e.name}`);
      for (const r of ix.reemits) d.producers.push(ref('rust', 'reemit', r.loc, { prefix: r.prefix }));
    }
  }
  const byFrontendName = new Map<string, Draft[]>();
  for (const d of drafts.values()) {
    for (const n of new Set([d.name, ...d.frontendNames])) byFrontendName.set(n, [...(byFrontendName.get(n) ?? []), d]);
  }
  for (const l of ix.listens) {
    const targets = byFrontendName.get(l.name) ?? [];
    if (targets.length === 0) byFrontendName.set(l.name, [draft(l.name)]);
    for (const d of byFrontendName.get(l.name)!) d.consumers.push(ref(l.side, 'listen', l.loc, { name: l.name === d.name ? undefined : l.name }));
  }
  return [...drafts.values()]
    .sort((a, b) => compare(a.name, b.name))
    .map((d) => {
      const e: EventEntry = { name: d.name, producers: d.producers, consumers: d.consumers };
      if (d.frontendNames.size) e.frontendNames = [...d.frontendNames].sort(compare);
      const payload = d.open ? (d.payloads.length ? {} : undefined) : unionOf(d.payloads);
      if (payload) e.payload = payload;
      return e;
    });
}
