/**
 * TypeScript types to JSON Schema (draft-07), through the type checker. Only what can cross
 * the wire as JSON is described: functions are left out, `undefined` makes a property optional,
 * a `Date` is its ISO string. Schemas are self-contained (no `$ref`), so each one validates on
 * its own; a recursive type's inner reference is left open. Only standard keywords are used,
 * so a strict validator compiles every schema.
 */
import type { JsonSchema } from '../model.js';
import { ts } from './syntax.js';

const MAX_DEPTH = 14;
const F = ts.TypeFlags;

export function typeToSchema(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): JsonSchema {
  return new Converter(checker, at).convert(type, 0);
}

/** The type arguments of a generic instance (`Promise<T>`, `T[]`, a tuple's elements). */
export function typeArgs(checker: ts.TypeChecker, t: ts.Type): readonly ts.Type[] {
  return (t.flags & F.Object) !== 0 && ((t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0 ? checker.getTypeArguments(t as ts.TypeReference) : [];
}

/** `Promise<T>` → `T`, for results of async handlers. */
export function awaited(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const sym = type.getSymbol()?.getName();
  if (sym === 'Promise' || sym === 'PromiseLike') return typeArgs(checker, type)[0] ?? type;
  return type;
}

export const isUndefined = (t: ts.Type): boolean => (t.flags & F.Undefined) !== 0;
const isNull = (t: ts.Type): boolean => (t.flags & F.Null) !== 0;

/** A params type that says nothing about keys: any, unknown, `Record<string, unknown>`. */
export function isOpenType(type: ts.Type): boolean {
  if (type.isUnion()) {
    const defined = type.types.filter((m) => !isUndefined(m) && !isNull(m));
    return defined.length === 1 && isOpenType(defined[0]!);
  }
  if ((type.flags & (F.Any | F.Unknown)) !== 0) return true;
  if ((type.flags & F.Object) === 0 || type.getProperties().length > 0) return false;
  const index = type.getStringIndexType();
  return index !== undefined && (index.flags & (F.Any | F.Unknown)) !== 0;
}

export function isVoidish(type: ts.Type): boolean {
  return (type.flags & (F.Void | F.Undefined)) !== 0;
}

/** Whether a union includes `undefined`. */
export function includesUndefined(t: ts.Type): boolean {
  if (isUndefined(t)) return true;
  return t.isUnion() && t.types.some(isUndefined);
}

class Converter {
  private readonly stack: ts.Type[] = [];

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly at: ts.Node,
  ) {}

  convert(t: ts.Type, depth: number): JsonSchema {
    if (depth > MAX_DEPTH) return {};
    const flags = t.flags;
    if ((flags & (F.Any | F.Unknown | F.Void | F.Undefined)) !== 0) return {};
    if ((flags & F.Never) !== 0) return { not: {} };
    if ((flags & F.Null) !== 0) return { type: 'null' };
    if (t.isStringLiteral()) return { type: 'string', enum: [t.value] };
    if (t.isNumberLiteral()) return { type: 'number', enum: [t.value] };
    if ((flags & F.BooleanLiteral) !== 0) return { type: 'boolean', enum: [this.checker.typeToString(t) === 'true'] };
    if ((flags & (F.String | F.TemplateLiteral)) !== 0) return { type: 'string' };
    if ((flags & F.Number) !== 0) return { type: 'number' };
    if ((flags & F.Boolean) !== 0) return { type: 'boolean' };
    if ((flags & (F.BigInt | F.BigIntLiteral | F.ESSymbolLike)) !== 0) return {};
    if (t.isUnion()) return this.union(t.types, depth);
    if (t.isTypeParameter()) {
      const c = t.getConstraint();
      return c ? this.convert(c, depth + 1) : {};
    }
    if (this.stack.includes(t)) return { description: `recursive reference to ${this.checker.typeToString(t)}` };
    this.stack.push(t);
    try {
      return this.structured(t, depth);
    } finally {
      this.stack.pop();
    }
  }

  private structured(t: ts.Type, depth: number): JsonSchema {
    if (t.isIntersection()) return this.intersection(t.types, depth);
    if (this.checker.isTupleType(t)) {
      const items = typeArgs(this.checker, t).map((e) => this.convert(e, depth + 1));
      return { type: 'array', items, minItems: items.length, maxItems: items.length };
    }
    const symbol = t.getSymbol()?.getName();
    const args = typeArgs(this.checker, t);
    if (((symbol === 'Array' || symbol === 'ReadonlyArray') && args.length === 1) || symbol === 'Set' || symbol === 'ReadonlySet') {
      const el = args[0];
      return symbol === 'Set' || symbol === 'ReadonlySet' ? { type: 'object' } : { type: 'array', items: el ? this.convert(el, depth + 1) : {} };
    }
    if (symbol === 'Date') return { type: 'string', format: 'date-time' };
    if (symbol === 'Map' || symbol === 'ReadonlyMap') return { type: 'object' };
    if (t.getCallSignatures().length > 0 && t.getProperties().length === 0) return {};
    if ((t.flags & (F.Object | F.NonPrimitive)) !== 0) return this.object(t, depth);
    return {};
  }

  private object(t: ts.Type, depth: number): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const prop of t.getProperties()) {
      const name = prop.getName();
      if (name.startsWith('__@')) continue; // well-known symbols (Symbol.iterator, …)
      const decl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (decl && (ts.isMethodDeclaration(decl) || ts.isMethodSignature(decl))) continue;
      const pt = this.checker.getTypeOfSymbolAtLocation(prop, this.at);
      if (isFunctionOnly(pt)) continue;
      properties[name] = this.convert(pt, depth + 1);
      if ((prop.flags & ts.SymbolFlags.Optional) === 0 && !includesUndefined(pt)) required.push(name);
    }
    const out: JsonSchema = { type: 'object' };
    if (Object.keys(properties).length) out.properties = properties;
    if (required.length) out.required = required;
    const index = t.getStringIndexType() ?? t.getNumberIndexType();
    if (index) out.additionalProperties = (index.flags & F.Never) !== 0 ? false : this.convert(index, depth + 1);
    return out;
  }

  private union(types: readonly ts.Type[], depth: number): JsonSchema {
    const strings: string[] = [];
    const numbers: number[] = [];
    const booleans = new Set<boolean>();
    const rest: JsonSchema[] = [];
    for (const m of types) {
      if ((m.flags & (F.Undefined | F.Void)) !== 0) continue;
      if (m.isStringLiteral()) strings.push(m.value);
      else if (m.isNumberLiteral()) numbers.push(m.value);
      else if ((m.flags & F.BooleanLiteral) !== 0) booleans.add(this.checker.typeToString(m) === 'true');
      else rest.push(this.convert(m, depth + 1));
    }
    const parts: JsonSchema[] = [];
    if (strings.length) parts.push({ type: 'string', enum: strings });
    if (numbers.length) parts.push({ type: 'number', enum: numbers });
    if (booleans.size === 2) parts.push({ type: 'boolean' });
    else if (booleans.size === 1) parts.push({ type: 'boolean', enum: [...booleans] });
    parts.push(...rest);
    if (parts.some((p) => Object.keys(p).length === 0)) return {};
    if (parts.length === 1) return parts[0]!;
    return { anyOf: parts };
  }

  private intersection(types: readonly ts.Type[], depth: number): JsonSchema {
    const parts = types.map((m) => this.convert(m, depth + 1));
    if (parts.every((p) => p.type === 'object' && !p.additionalProperties)) {
      const properties: Record<string, JsonSchema> = {};
      const required = new Set<string>();
      for (const p of parts) {
        Object.assign(properties, p.properties ?? {});
        for (const r of (p.required as string[] | undefined) ?? []) required.add(r);
      }
      return { type: 'object', ...(Object.keys(properties).length ? { properties } : {}), ...(required.size ? { required: [...required] } : {}) };
    }
    return { allOf: parts };
  }
}

/** Functions (also optional ones) do not cross the wire as JSON. */
function isFunctionOnly(t: ts.Type): boolean {
  const members = (t.isUnion() ? t.types : [t]).filter((m) => !isUndefined(m));
  return members.length > 0 && members.every((m) => m.getCallSignatures().length > 0 && m.getProperties().every((p) => p.getName() === 'prototype'));
}
