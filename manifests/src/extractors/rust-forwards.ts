import type { Extractor, ForwardFact, UnresolvedFact } from '../model.js';
import { crateIndex } from '../rust/crate-index.js';
import { settleName } from '../rust/names.js';
import { isTauriCommand } from '../rust/tauri-command.js';

/**
 * Calls that forward a command to the sidecar (`send_command("name", json!({…}))` by default,
 * configurable): the sidecar command name and the keys of the `json!` payload. A name that is a
 * parameter (a command forwarding whatever name it is given) is reported as such.
 */
export const rustForwards: Extractor = {
  id: 'rust-forwards',
  description: 'Rust calls forwarding to a sidecar command (send_command by default) with their json! payload keys.',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const facts: Array<ForwardFact | UnresolvedFact> = [];
    for (const file of index.files) {
      for (const f of file.data?.forwards ?? []) {
        const from = f.fn && f.fn.stub && isTauriCommand(f.fn, index) ? f.fn.name : undefined;
        const name = settleName(f.name, index);
        if (name.kind !== 'literal') {
          const reason = name.kind === 'unresolved' ? name.reason : `only the start of the command name is literal ("${name.prefix}")`;
          facts.push({ kind: 'unresolved', role: 'forward', expression: f.expression, reason, loc: f.loc });
          continue;
        }
        facts.push({ kind: 'forward', ...(from !== undefined ? { from } : {}), to: name.value, ...(f.keys ? { keys: f.keys } : {}), loc: f.loc });
      }
      for (const lost of file.data?.lost ?? []) {
        if (lost.role === 'forward') facts.push({ kind: 'unresolved', role: 'forward', expression: lost.expression, reason: 'a forward call in a region the Rust grammar could not read', loc: lost.loc });
      }
    }
    return { facts, findings: [] };
  },
};
