/** Facts by kind, the shape the builder and the rules read them in. */
import type {
  CommandDefinitionFact,
  CommandRegistrationFact,
  EmitFact,
  Fact,
  ForwardFact,
  HandlerFact,
  InvokeFact,
  ListenFact,
  ReemitFact,
  UnresolvedFact,
} from '../model.js';

export interface FactIndex {
  definitions: CommandDefinitionFact[];
  registrations: CommandRegistrationFact[];
  forwards: ForwardFact[];
  handlers: HandlerFact[];
  invokes: InvokeFact[];
  emits: EmitFact[];
  reemits: ReemitFact[];
  listens: ListenFact[];
  unresolved: UnresolvedFact[];
}

export function indexFacts(facts: readonly Fact[]): FactIndex {
  const ix: FactIndex = { definitions: [], registrations: [], forwards: [], handlers: [], invokes: [], emits: [], reemits: [], listens: [], unresolved: [] };
  const sorted = [...facts].sort((a, b) => (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line || (a.loc.column ?? 0) - (b.loc.column ?? 0)));
  for (const f of sorted) {
    switch (f.kind) {
      case 'command-definition': ix.definitions.push(f); break;
      case 'command-registration': ix.registrations.push(f); break;
      case 'forward': ix.forwards.push(f); break;
      case 'handler': ix.handlers.push(f); break;
      case 'invoke': ix.invokes.push(f); break;
      case 'emit': ix.emits.push(f); break;
      case 'reemit': ix.reemits.push(f); break;
      case 'listen': ix.listens.push(f); break;
      case 'unresolved': ix.unresolved.push(f); break;
    }
  }
  return ix;
}

export function byName<T extends { name: string }>(items: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const list = m.get(it.name);
    if (list) list.push(it);
    else m.set(it.name, [it]);
  }
  return m;
}

/** `a::b::c` and `c` (or `b::c`) name the same item when one is a suffix of the other by segments. */
export function pathsMatch(a: string, b: string): boolean {
  const x = a.split('::');
  const y = b.split('::');
  const n = Math.min(x.length, y.length);
  for (let i = 1; i <= n; i++) if (x[x.length - i] !== y[y.length - i]) return false;
  return true;
}

const registrationsByName = new WeakMap<FactIndex, Map<string, CommandRegistrationFact[]>>();

/** Whether a Rust command definition is listed in generate_handler![…] (an entry that could not be followed counts by name). */
export function isRegistered(def: CommandDefinitionFact, ix: FactIndex): boolean {
  let regs = registrationsByName.get(ix);
  if (!regs) registrationsByName.set(ix, (regs = byName(ix.registrations)));
  return (regs.get(def.name) ?? []).some((r) => r.unresolved !== undefined || pathsMatch(r.path, def.path));
}

/** The name the frontend invokes a Rust command by: `plugin:<name>|<cmd>` when only one plugin's handler lists it. */
export function invokedAs(def: CommandDefinitionFact, ix: FactIndex): string {
  let regs = registrationsByName.get(ix);
  if (!regs) registrationsByName.set(ix, (regs = byName(ix.registrations)));
  const listing = (regs.get(def.name) ?? []).filter((r) => r.unresolved === undefined && pathsMatch(r.path, def.path));
  const plugins = new Set(listing.map((r) => r.plugin));
  const only = plugins.size === 1 ? [...plugins][0] : undefined;
  return only === undefined ? def.name : `plugin:${only}|${def.name}`;
}
