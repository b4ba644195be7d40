import type { Finding } from '../../../core/src/findings.js';
import { byName } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at, keyList } from './suggest.js';

/**
 * The frontend's invoke argument keys against the JS keys of the Rust command's parameters. A
 * required parameter left out fails the call (error); an extra key is ignored by Tauri, so it is
 * a warning (often a misspelt optional parameter).
 */
export const invokeKeyMismatch: Rule = {
  id: 'invoke-key-mismatch',
  description: "The frontend's invoke argument keys differ from the Rust command's parameter keys.",
  check({ facts }) {
    const defs = byName(facts.definitions);
    const out: Finding[] = [];
    for (const inv of facts.invokes) {
      if (!inv.keys) continue;
      for (const d of defs.get(inv.name) ?? []) {
        const sent = new Set(inv.keys);
        const known = new Set(d.params.map((p) => p.key));
        const missing = d.params.filter((p) => p.required && !sent.has(p.key));
        const extra = inv.keys.filter((k) => !known.has(k));
        if (!missing.length && !extra.length) continue;
        const parts = [
          ...(missing.length ? [`missing ${missing.map((p) => (p.sourceName && p.sourceName !== p.key ? `${p.key} (Rust ${p.sourceName})` : p.key)).join(', ')}`] : []),
          ...(extra.length ? [`unknown ${extra.join(', ')}`] : []),
        ];
        out.push(
          finding('invoke-key-mismatch', `invoke('${inv.name}', ${keyList(inv.keys)}) does not match the Rust command (${at(d.loc)}), which takes ${keyList(d.params.map((p) => p.key))}: ${parts.join('; ')}`, {
            file: inv.loc.file,
            line: inv.loc.line,
            column: inv.loc.column,
            severity: missing.length ? 'error' : 'warning',
            data: { name: inv.name, missing: missing.map((p) => p.key), extra },
            hint: 'Tauri turns snake_case Rust parameters into camelCase keys unless the command sets rename_all; send exactly those keys.',
          }),
        );
      }
    }
    return out;
  },
};
