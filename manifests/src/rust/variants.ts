/**
 * One command written several times under different `#[cfg(…)]` (a macOS, a Windows and a Linux
 * body of the same function) is one command: the frontend invokes one name, generate_handler!
 * lists one path, and whichever variant is compiled answers. Its definitions merge into one
 * fact at the first variant, guarded by `any(…)` of their predicates; a key that not every
 * variant takes is optional.
 */
import type { CommandDefinitionFact, KeyFact } from '../model.js';

function mergeParams(variants: readonly CommandDefinitionFact[]): KeyFact[] {
  const keys = new Map<string, KeyFact>();
  const seen = new Map<string, number>();
  for (const v of variants) {
    for (const p of v.params) {
      seen.set(p.key, (seen.get(p.key) ?? 0) + 1);
      const known = keys.get(p.key);
      keys.set(p.key, known ? { ...known, required: known.required && p.required } : { ...p });
    }
  }
  return [...keys.values()].map((p) => (seen.get(p.key) === variants.length ? p : { ...p, required: false }));
}

export function mergeVariants(defs: readonly CommandDefinitionFact[]): CommandDefinitionFact[] {
  const byPath = new Map<string, CommandDefinitionFact[]>();
  for (const d of defs) {
    const list = byPath.get(d.path);
    if (list) list.push(d);
    else byPath.set(d.path, [d]);
  }
  const out: CommandDefinitionFact[] = [];
  for (const variants of byPath.values()) {
    const [first, ...rest] = variants;
    if (!first) continue;
    if (rest.length === 0) {
      out.push(first);
      continue;
    }
    const cfgs = variants.map((v) => v.cfg);
    const { cfg: _cfg, ...base } = first;
    const merged: CommandDefinitionFact = { ...base, async: variants.some((v) => v.async), params: mergeParams(variants) };
    // A variant with no cfg is compiled everywhere: the command is then not guarded at all.
    const unique = [...new Set(cfgs)];
    if (cfgs.every((c) => c !== undefined)) merged.cfg = unique.length === 1 ? unique[0]! : `any(${unique.join(', ')})`;
    out.push(merged);
  }
  return out;
}
