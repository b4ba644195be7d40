import type { Extractor, ForwardFact, UnresolvedFact } from '../model.js';
import type { FnItem } from '../rust/items.js';
import { helperForwards } from '../rust/forward-helper-calls.js';
import { crateIndex } from '../rust/crate-index.js';
import { payloadKeys } from '../rust/forward-keys.js';
import { settleName } from '../rust/names.js';
import { schemaBuilder } from '../rust/serde-schema.js';
import { isTauriCommand } from '../rust/tauri-command.js';

/**
 * Calls that forward a command to the sidecar (`send_command("name", json!({…}))` by default,
 * configurable): the sidecar command name and the keys of the payload (a `json!` object, also
 * one extended with `body["k"] = v`, or a serde struct's fields); why they cannot be told
 * otherwise. A name that is a parameter of a helper is followed to the helper's callers' literal
 * names (with the payload each passes); one no call names is reported as such.
 */
export const rustForwards: Extractor = {
  id: 'rust-forwards',
  description: 'Rust calls forwarding to a sidecar command (send_command by default) with their payload keys (json! object or serde struct).',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const schemas = await schemaBuilder(index);
    const facts: Array<ForwardFact | UnresolvedFact> = [];
    const fromOf = (fn: FnItem | undefined) => (fn && fn.stub && isTauriCommand(fn, index) ? { from: fn.name } : {});
    // Helpers whose callers name the command (`call(&sidecar, "get_logs", params)`): each call with a literal or const name forwards.
    const reached = helperForwards(index, (call, helper, file) => {
      const arg = call.args[helper.nameIndex];
      const name = arg?.name ? settleName(arg.name, index) : undefined;
      if (name?.kind !== 'literal') return false;
      const payload = helper.payloadIndex === undefined ? { keysUnknown: `the helper ${helper.name} does not send one of its parameters as it is` } : call.args[helper.payloadIndex]?.payload ?? { keysUnknown: 'the payload cannot be read' };
      facts.push({ kind: 'forward', ...fromOf(call.fn), to: name.value, ...payloadKeys(payload, schemas, file), loc: call.loc });
      return true;
    });
    for (const file of index.files) {
      for (const f of file.data?.forwards ?? []) {
        if (f.helper && reached.has(f.helper.name)) continue;
        const from = f.fn && f.fn.stub && isTauriCommand(f.fn, index) ? f.fn.name : undefined;
        const name = settleName(f.name, index);
        if (name.kind !== 'literal') {
          const reason = name.kind === 'unresolved' ? name.reason : `only the start of the command name is literal ("${name.prefix}")`;
          facts.push({ kind: 'unresolved', role: 'forward', expression: f.expression, reason, loc: f.loc });
          continue;
        }
        facts.push({ kind: 'forward', ...(from !== undefined ? { from } : {}), to: name.value, ...payloadKeys(f, schemas, file.source.rel), loc: f.loc });
      }
      for (const lost of file.data?.lost ?? []) {
        if (lost.role === 'forward') facts.push({ kind: 'unresolved', role: 'forward', expression: lost.expression, reason: 'a forward call in a region the Rust grammar could not read', loc: lost.loc });
      }
    }
    const place = (f: ForwardFact | UnresolvedFact) => `${f.loc.file}\0${String(f.loc.line).padStart(8, '0')}\0${String(f.loc.column ?? 0).padStart(8, '0')}`;
    return { facts: facts.sort((a, b) => (place(a) < place(b) ? -1 : place(a) > place(b) ? 1 : 0)), findings: [] };
  },
};
