/**
 * Settles a name expression once every file is read: constants are looked up in the crate (by
 * the same resolution as every other path), concatenations joined. The result is a literal
 * name, a literal prefix followed by something dynamic, or unresolved with the reason.
 */
import type { CrateIndex } from './crate-index.js';
import type { NameExpr } from './name-expr.js';
import { resolveName } from './resolve.js';

export type NameValue =
  | { kind: 'literal'; value: string }
  | { kind: 'prefix'; prefix: string; expression: string }
  /** `param`: the name is this parameter of the function around it (a helper's). */
  | { kind: 'unresolved'; expression: string; reason: string; param?: string };

function settleConst(e: NameExpr & { kind: 'const' }, index: CrateIndex): NameValue {
  const found = resolveName(index, 'consts', e.segments, e.scope);
  let v: NameValue;
  if ('decl' in found) {
    const value = found.decl.value;
    v = value === undefined ? { kind: 'unresolved', expression: e.expression, reason: `constant ${found.decl.name} is not a string literal` } : { kind: 'literal', value };
  } else {
    const reason = e.segments.length > 1 ? 'not a constant declared in the parsed crate' : 'a variable, not a string literal or a crate constant';
    v = { kind: 'unresolved', expression: e.expression, reason };
  }
  if (v.kind === 'unresolved' && e.via !== undefined) return { kind: 'unresolved', expression: e.via, reason: `a variable bound to ${v.expression} (${v.reason})` };
  return v;
}

export function settleName(e: NameExpr, index: CrateIndex): NameValue {
  switch (e.kind) {
    case 'literal':
    case 'prefix':
    case 'unresolved':
      return e;
    case 'const':
      return settleConst(e, index);
    case 'concat': {
      const l = settleName(e.left, index);
      if (l.kind !== 'literal') return l.kind === 'prefix' ? { ...l, expression: e.expression } : { kind: 'unresolved', expression: e.expression, reason: 'the start of the name is not a literal' };
      const r = settleName(e.right, index);
      if (r.kind === 'literal') return { kind: 'literal', value: l.value + r.value };
      return l.value ? { kind: 'prefix', prefix: l.value + (r.kind === 'prefix' ? r.prefix : ''), expression: e.expression } : { kind: 'unresolved', expression: e.expression, reason: 'the name has no literal prefix' };
    }
  }
}
