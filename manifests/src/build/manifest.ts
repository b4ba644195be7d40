/** Facts → the two manifests, in their committed form: stable order, stable formatting. */
import type { Fact } from '../model.js';
import { buildCommands } from './commands.js';
import { compare } from './canonical.js';
import { buildEvents } from './events.js';
import { indexFacts, type FactIndex } from './index-facts.js';
import { sortRefs } from './refs.js';
import { FORMAT_VERSION, type CommandEntry, type EventEntry, type Manifests, type UnresolvedEntry } from './types.js';

const COMMAND_ROLES = new Set(['invoke', 'handler', 'forward', 'registration']);

export function buildManifests(facts: readonly Fact[] | FactIndex, opts: { locations: boolean }): Manifests {
  const ix = Array.isArray(facts) ? indexFacts(facts) : (facts as FactIndex);
  const commands = buildCommands(ix).map((e) => orderCommand(e, opts.locations));
  const events = buildEvents(ix).map((e) => orderEvent(e, opts.locations));
  const unresolved = (roles: (role: string) => boolean): UnresolvedEntry[] =>
    ix.unresolved
      .filter((u) => roles(u.role))
      .map((u) => ({ role: u.role, expression: u.expression, reason: u.reason, ...(opts.locations ? { file: u.loc.file, line: u.loc.line } : {}) }))
      .sort((a, b) => compare(`${a.file ?? ''}:${String(a.line ?? 0).padStart(8, '0')}:${a.role}:${a.expression}`, `${b.file ?? ''}:${String(b.line ?? 0).padStart(8, '0')}:${b.role}:${b.expression}`));
  const cu = dedupe(unresolved((r) => COMMAND_ROLES.has(r)));
  const eu = dedupe(unresolved((r) => !COMMAND_ROLES.has(r)));
  return {
    commands: { formatVersion: FORMAT_VERSION, commands, ...(cu.length ? { unresolved: cu } : {}) },
    events: { formatVersion: FORMAT_VERSION, events, ...(eu.length ? { unresolved: eu } : {}) },
  };
}

function orderCommand(e: CommandEntry, locations: boolean): CommandEntry {
  return {
    name: e.name,
    ...(e.tauriNames ? { tauriNames: e.tauriNames } : {}),
    ...(e.params ? { params: e.params } : {}),
    ...(e.result ? { result: e.result } : {}),
    ...(e.tauri ? { tauri: e.tauri } : {}),
    producers: sortRefs(e.producers, locations),
    consumers: sortRefs(e.consumers, locations),
  };
}

function orderEvent(e: EventEntry, locations: boolean): EventEntry {
  return {
    name: e.name,
    ...(e.frontendNames ? { frontendNames: e.frontendNames } : {}),
    ...(e.payload ? { payload: e.payload } : {}),
    producers: sortRefs(e.producers, locations),
    consumers: sortRefs(e.consumers, locations),
  };
}

function dedupe(entries: UnresolvedEntry[]): UnresolvedEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => {
    const k = JSON.stringify(e);
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

/** The committed text: two-space JSON and a final newline. */
export function renderJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
