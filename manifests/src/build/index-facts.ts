/** Facts by kind, the shape the builder and the rules read them in. */
import type {
  CommandDefinitionFact,
  ControlHandlerFact,
  ControlRequestFact,
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
import { settleReemits } from './reemits.js';

export interface FactIndex {
  definitions: CommandDefinitionFact[];
  registrations: CommandRegistrationFact[];
  forwards: ForwardFact[];
  handlers: HandlerFact[];
  invokes: InvokeFact[];
  emits: EmitFact[];
  reemits: ReemitFact[];
  listens: ListenFact[];
  /** The control plane of a daemon: commands its dispatch answers, requests its clients build. */
  controlHandlers: ControlHandlerFact[];
  controlRequests: ControlRequestFact[];
  unresolved: UnresolvedFact[];
}

const byLoc = (a: Fact, b: Fact): number => (a.loc.file < b.loc.file ? -1 : a.loc.file > b.loc.file ? 1 : a.loc.line - b.loc.line || (a.loc.column ?? 0) - (b.loc.column ?? 0));

export function indexFacts(facts: readonly Fact[]): FactIndex {
  const ix: FactIndex = { definitions: [], registrations: [], forwards: [], handlers: [], invokes: [], emits: [], reemits: [], listens: [], controlHandlers: [], controlRequests: [], unresolved: [] };
  const sorted = [...facts].sort(byLoc);
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
      case 'control-handler': ix.controlHandlers.push(f); break;
      case 'control-request': ix.controlRequests.push(f); break;
      case 'unresolved': ix.unresolved.push(f); break;
    }
  }
  const settled = settleReemits(ix.reemits, ix.emits);
  ix.reemits = settled.reemits;
  if (settled.unresolved.length) ix.unresolved = [...ix.unresolved, ...settled.unresolved].sort(byLoc);
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
const definitionPaths = new WeakMap<FactIndex, Set<string>>();

function registrationsNamed(name: string, ix: FactIndex): CommandRegistrationFact[] {
  let regs = registrationsByName.get(ix);
  if (!regs) registrationsByName.set(ix, (regs = byName(ix.registrations)));
  return regs.get(name) ?? [];
}

/**
 * Whether a generate_handler! entry followed to a function names this definition. Its path is the
 * function's own, so when some definition has exactly that path it names that one alone (an app's
 * `save_state` does not name a plugin's `window_state::save_state`); otherwise a path placed only
 * as far as it went names a definition it is a suffix of (or that is a suffix of it).
 */
export function namesDefinition(r: CommandRegistrationFact, def: CommandDefinitionFact, ix: FactIndex): boolean {
  if (r.name !== def.name) return false;
  if (r.path === def.path) return true;
  let paths = definitionPaths.get(ix);
  if (!paths) definitionPaths.set(ix, (paths = new Set(ix.definitions.map((d) => d.path))));
  return !paths.has(r.path) && pathsMatch(r.path, def.path);
}

/** Whether a registration lists a definition (an entry that could not be followed counts by name). */
export function lists(r: CommandRegistrationFact, def: CommandDefinitionFact, ix: FactIndex): boolean {
  return r.name === def.name && (r.unresolved !== undefined || namesDefinition(r, def, ix));
}

/** Whether a Rust command definition is listed in generate_handler![…] (an entry that could not be followed counts by name). */
export function isRegistered(def: CommandDefinitionFact, ix: FactIndex): boolean {
  return registrationsNamed(def.name, ix).some((r) => lists(r, def, ix));
}

/** The name the frontend invokes a Rust command by: `plugin:<name>|<cmd>` when only one plugin's handler lists it. */
export function invokedAs(def: CommandDefinitionFact, ix: FactIndex): string {
  const listing = registrationsNamed(def.name, ix).filter((r) => r.unresolved === undefined && namesDefinition(r, def, ix));
  const plugins = new Set(listing.map((r) => r.plugin));
  const only = plugins.size === 1 ? [...plugins][0] : undefined;
  return only === undefined ? def.name : `plugin:${only}|${def.name}`;
}

const PLUGIN_INVOKE = /^plugin:([^|]+)\|(.+)$/;

/** `plugin:<name>|<cmd>` split into the plugin and its command; undefined for a bare name. */
export function pluginInvoke(name: string): { plugin: string; command: string } | undefined {
  const m = PLUGIN_INVOKE.exec(name);
  return m ? { plugin: m[1]!, command: m[2]! } : undefined;
}

/**
 * The Rust commands an invoke of this name reaches. `plugin:<name>|<cmd>` reaches only what that
 * plugin's handler lists; a bare name only what the app's own handler lists (a plugin's command of
 * the same name is another command), or, when the app lists none, a definition of that name no
 * plugin lists (an unregistered command the invoke is meant for, reported as such elsewhere).
 */
export function invokeTargets(name: string, ix: FactIndex): CommandDefinitionFact[] {
  const plugin = pluginInvoke(name);
  const command = plugin?.command ?? name;
  const regs = registrationsNamed(command, ix);
  const defs = ix.definitions.filter((d) => d.name === command);
  const names = (d: CommandDefinitionFact, r: CommandRegistrationFact) => r.unresolved === undefined && namesDefinition(r, d, ix);
  if (plugin) return defs.filter((d) => regs.some((r) => r.plugin === plugin.plugin && names(d, r)));
  const own = defs.filter((d) => regs.some((r) => r.plugin === undefined && names(d, r)));
  if (own.length) return own;
  // Nothing the app lists is followed to one of them (an entry that could not be followed counts by name).
  return defs.filter((d) => !regs.some((r) => r.plugin !== undefined && names(d, r)));
}
