/**
 * What the registration rules share: which generate_handler! lists a command (the app's own, or
 * a plugin's), and whether some entry could not be read at all (then a command missing from
 * the lists may still be registered by it, and the rules say so as a warning).
 */
import { byName, lists, type FactIndex } from '../build/index-facts.js';
import type { CommandDefinitionFact, CommandRegistrationFact, UnresolvedFact } from '../model.js';
import { at } from './suggest.js';

export { lists };

/** Registrations of each plugin found in the sources, by plugin name. */
export function pluginRegistrations(facts: FactIndex): Map<string, CommandRegistrationFact[]> {
  const out = new Map<string, CommandRegistrationFact[]>();
  for (const r of facts.registrations) {
    if (r.plugin === undefined) continue;
    const list = out.get(r.plugin);
    if (list) list.push(r);
    else out.set(r.plugin, [r]);
  }
  return out;
}

/** The app's own registrations (not a plugin's) by name. */
export function appRegistrations(facts: FactIndex): Map<string, CommandRegistrationFact[]> {
  return byName(facts.registrations.filter((r) => r.plugin === undefined));
}

/** generate_handler! entries, or whole handlers, that could not be read, so any command may be among them. */
export function unreadableEntries(facts: FactIndex): UnresolvedFact[] {
  return facts.unresolved.filter((u) => u.role === 'registration');
}

/**
 * `; generate_handler![…] at x.rs:9 has an entry that could not be read (…), which may list it`,
 * or, for a handler that cannot be read at all, that registration could not be followed there.
 */
export function maybeListed(unreadable: readonly UnresolvedFact[]): string {
  const u = unreadable.find((x) => x.handler) ?? unreadable[0];
  if (!u) return '';
  const more = unreadable.length > 1 ? ` (and ${unreadable.length - 1} more)` : '';
  if (u.handler) return `; but registration could not be followed: .invoke_handler(…) at ${at(u.loc)} gets a handler cutover cannot read${more}, which may register it`;
  return `; but generate_handler![…] at ${at(u.loc)} has an entry that could not be read${more} (${u.reason}), which may list it`;
}

const appsByFacts = new WeakMap<FactIndex, Map<string, CommandRegistrationFact[]>>();

/**
 * The apps whose own handler lists a definition, when the sources hold several (each crate with
 * an app handler of its own builds an app); `['']` when none says (one app, or not registered).
 */
export function appsOf(def: CommandDefinitionFact, facts: FactIndex): string[] {
  let regs = appsByFacts.get(facts);
  if (!regs) appsByFacts.set(facts, (regs = byName(facts.registrations.filter((r) => r.app !== undefined))));
  const apps = new Set((regs.get(def.name) ?? []).filter((r) => lists(r, def, facts)).map((r) => r.app!));
  return apps.size ? [...apps].sort() : [''];
}

/** Each app's first handler entry, by app (crate) name, in file order. */
export function appHandlers(facts: FactIndex): Map<string, CommandRegistrationFact> {
  const out = new Map<string, CommandRegistrationFact>();
  for (const r of facts.registrations) if (r.app !== undefined && !out.has(r.app)) out.set(r.app, r);
  return out;
}
