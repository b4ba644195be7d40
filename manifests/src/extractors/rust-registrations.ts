import type { Finding } from '../../../core/src/findings.js';
import type { CommandRegistrationFact, Extractor, Fact } from '../model.js';
import { crateIndex, itemPath, type CrateIndex } from '../rust/crate-index.js';
import { finding } from '../rust/findings.js';
import type { PendingHandler, PendingRegistration, RegistrationEntry } from '../rust/items.js';
import { settleName } from '../rust/names.js';
import type { Hit } from '../rust/resolve-path.js';
import { isTauriCommand } from '../rust/tauri-command.js';

interface Settled {
  facts: Fact[];
  findings: Finding[];
}

/** `generate_handler![…]`, `collect_commands![…]`: the list as its macro is called. */
function listName(reg: PendingRegistration): string {
  return `${reg.macro.slice(reg.macro.lastIndexOf(':') + 1)}![…]`;
}

/** The path an entry that reaches no function names, placed in the crate as far as it goes. */
function placed(index: CrateIndex, hit: Hit, reg: PendingRegistration, segments: string[]): string {
  const name = hit.trail?.name ?? segments[segments.length - 1]!;
  const module = hit.trail?.mod ?? (segments.length > 1 ? index.resolver.resolve(segments.slice(0, -1), reg.scope).mods[0] : reg.scope.mod);
  if (!module) return segments.join('::');
  const crate = index.multiCrate ? [module.crate.name] : [];
  return [...crate, ...module.segments, name].join('::');
}

/** Whose handler an entry is in: a plugin's (by name), or, in a workspace, the app crate holding it. */
interface Owner {
  plugin?: string;
  app?: string;
}

function entryFacts(index: CrateIndex, reg: PendingRegistration, entry: RegistrationEntry & { segments: string[] }, owner: Owner, out: Settled): void {
  const name = entry.segments[entry.segments.length - 1]!;
  const base = { kind: 'command-registration' as const, name, loc: entry.loc, ...owner };
  const hit = index.resolver.resolve(entry.segments, reg.scope);
  const commands = hit.fns.filter((f) => f.stub && isTauriCommand(f, index));
  if (commands.length > 0) {
    for (const path of new Set(commands.map((f) => itemPath(index, f)))) out.facts.push({ ...base, path });
    return;
  }
  const fn = hit.fns[0];
  if (fn) {
    out.facts.push({ ...base, path: itemPath(index, fn) });
    return;
  }
  let why: string | undefined;
  if (hit.external) why = `it leads into the crate \`${hit.external[0]}\`, which is not among the sources`;
  else if (hit.blocked.length) why = `${hit.missing ?? `no \`${name}\` in scope`}, and names there may come from ${hit.blocked.slice(0, 3).join('; ')}`;
  const fact: CommandRegistrationFact = { ...base, path: placed(index, hit, reg, entry.segments), ...(why ? { unresolved: why } : {}) };
  out.facts.push(fact);
  if (why) {
    out.findings.push(
      finding(
        'unresolved-registration',
        entry.loc,
        `${listName(reg)} lists ${entry.expression}, which cannot be followed to its function: ${why}; it counts as registered under the name ${name}`,
        'Nothing to fix when it comes from a macro or another crate; if its file is left out of manifests.rust.include, add it so the command is checked.',
        { name, path: fact.path },
      ),
    );
  }
}

function settle(index: CrateIndex, reg: PendingRegistration, crate: string, out: Settled): void {
  let plugin: string | undefined;
  if (reg.plugin) {
    const v = settleName(reg.plugin, index);
    if (v.kind === 'literal') plugin = v.value;
    else {
      // Its entries are still read; they count as the app's own, and this says why.
      const why = v.kind === 'prefix' ? `only its start is literal ("${v.prefix}")` : v.reason;
      out.findings.push(
        finding(
          'unresolved-registration',
          reg.loc,
          `cannot tell the name of the plugin whose ${listName(reg)} this is (${why}), so its commands are checked as the app's own, not as plugin:<name>|<cmd>`,
          'Name the plugin with a string literal or a const in tauri::plugin::Builder::new(…).',
        ),
      );
    }
  }
  // Several crates may each build an app of their own; a plugin's handler (named or not) is no app's.
  const owner: Owner = plugin !== undefined ? { plugin } : !reg.plugin && index.multiCrate ? { app: crate } : {};
  for (const entry of reg.entries) {
    if (entry.segments) entryFacts(index, reg, { ...entry, segments: entry.segments }, owner, out);
    else out.facts.push({ kind: 'unresolved', role: 'registration', expression: entry.expression, reason: 'not a path to a command function', loc: entry.loc });
  }
}

/** `.invoke_handler(x)` with no list to read: one warning, and the rules learn that any command may be registered. */
function unreadHandler(h: PendingHandler, out: Settled): void {
  const reason = `the handler given to .invoke_handler(${h.expression}) is not a generate_handler![…] or collect_commands![…] cutover can read`;
  out.facts.push({ kind: 'unresolved', role: 'registration', expression: h.expression, reason, handler: true, loc: h.loc });
  out.findings.push(
    finding(
      'unresolved-registration',
      h.loc,
      `cannot tell which commands this app registers: ${reason}, and no such list feeds it; commands and invokes not seen registered are warnings, not errors`,
      'Pass tauri::generate_handler![…] to .invoke_handler(…), or list the commands with collect_commands![…] (tauri-specta) in the sources read; or accept this with manifests.check.ignore.',
      { expression: h.expression },
    ),
  );
}

/**
 * Entries of `tauri::generate_handler![…]` and `collect_commands![…]` (or `generate_handler!` after `use`), each followed to
 * the function it names the way rustc resolves it (re-exports and glob imports included), and
 * whose handler lists it: the app's, or a plugin's (`tauri::plugin::Builder::new("name")`).
 * An entry that cannot be followed is kept by name and reported once.
 */
export const rustRegistrations: Extractor = {
  id: 'rust-registrations',
  description: 'Command paths listed in tauri::generate_handler![…] or collect_commands![…], resolved to their functions, with the plugin whose handler lists them; handlers that cannot be read.',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const out: Settled = { facts: [], findings: [] };
    // A list not passed as written to .invoke_handler(…) feeds a handler some other way (tauri-specta's builder).
    const feeding = new Set(index.files.filter((f) => f.data?.registrations.some((r) => !r.direct)).map((f) => f.crate));
    for (const file of index.files) {
      for (const reg of file.data?.registrations ?? []) settle(index, reg, file.crate.name, out);
      if (!feeding.has(file.crate)) for (const h of file.data?.handlers ?? []) unreadHandler(h, out);
      for (const lost of file.data?.lost ?? []) {
        if (lost.role === 'registration') out.facts.push({ kind: 'unresolved', role: 'registration', expression: lost.expression, reason: 'a registration list sits in a region the Rust grammar could not read', loc: lost.loc });
      }
    }
    return out;
  },
};
