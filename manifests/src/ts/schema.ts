/**
 * TypeScript types to JSON Schema (draft-07), through the type checker. Only what can cross
 * the wire as JSON is described: functions are left out, `undefined` makes a property optional,
 * a `Date` is its ISO string. Schemas are self-contained (no `$ref`), so each one validates on
 * its own; a recursive type's inner reference is left open. Only standard keywords are used,
 * so a strict validator compiles every schema.
 */
import { Node, ts, type Type } from 'ts-morph';
import type { JsonSchema } from '../model.js';

const MAX_DEPTH = 14;

export function typeToSchema(type: Type, at: Node): JsonSchema {
  return new Converter(at).convert(type, 0);
}

/** `Promise<T>` → `T`, for results of async handlers. */
export function awaited(type: Type): Type {
  const sym = type.getSymbol()?.getName();
  if (sym === 'Promise' || sym === 'PromiseLike') return type.getTypeArguments()[0] ?? type;
  return type;
}

/** A params type that says nothing about keys: any, unknown, `Record<string, unknown>`. */
export function isOpenType(type: Type): boolean {
  if (type.isUnion()) {
    const defined = type.getUnionTypes().filter((m) => !m.isUndefined() && !m.isNull());
    return defined.length === 1 && isOpenType(defined[0]!);
  }
  if (type.isAny() || type.isUnknown()) return true;
  if (!type.isObject() || type.getProperties().length > 0) return false;
  const index = type.getStringIndexType();
  return index !== undefined && (index.isAny() || index.isUnknown());
}

export function isVoidish(type: Type): boolean {
  return (type.getFlags() & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) !== 0;
}

class Converter {
  private readonly stack: ts.Type[] = [];

  constructor(private readonly at: Node) {}

  convert(t: Type, depth: number): JsonSchema {
    if (depth > MAX_DEPTH) return {};
    const flags = t.getFlags();
    if (t.isAny() || t.isUnknown() || (flags & ts.TypeFlags.Void) !== 0 || t.isUndefined()) return {};
    if ((flags & ts.TypeFlags.Never) !== 0) return { not: {} };
    if (t.isNull()) return { type: 'null' };
    if (t.isStringLiteral()) return { type: 'string', enum: [t.getLiteralValue() as string] };
    if (t.isNumberLiteral()) return { type: 'number', enum: [t.getLiteralValue() as number] };
    if (t.isBooleanLiteral()) return { type: 'boolean', enum: [t.getText() === 'true'] };
    if (t.isString() || t.isTemplateLiteral()) return { type: 'string' };
    if (t.isNumber()) return { type: 'number' };
    if (t.isBoolean()) return { type: 'boolean' };
    if ((flags & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral | ts.TypeFlags.ESSymbolLike)) !== 0) return {};
    if (t.isUnion()) return this.union(t.getUnionTypes(), depth);
    if (t.isTypeParameter()) {
      const c = t.getConstraint();
      return c ? this.convert(c, depth + 1) : {};
    }
    if (this.stack.includes(t.compilerType)) return { description: `recursive reference to ${t.getText(undefined, ts.TypeFormatFlags.None)}` };
    this.stack.push(t.compilerType);
    try {
      return this.structured(t, depth);
    } finally {
      this.stack.pop();
    }
  }

  private structured(t: Type, depth: number): JsonSchema {
    if (t.isIntersection()) return this.intersection(t.getIntersectionTypes(), depth);
    if (t.isTuple()) {
      const items = t.getTupleElements().map((e) => this.convert(e, depth + 1));
      return { type: 'array', items, minItems: items.length, maxItems: items.length };
    }
    const symbol = t.getSymbol()?.getName();
    if (t.isArray() || symbol === 'ReadonlyArray' || symbol === 'Set' || symbol === 'ReadonlySet') {
      const el = t.getArrayElementType() ?? t.getTypeArguments()[0];
      return symbol === 'Set' || symbol === 'ReadonlySet' ? { type: 'object' } : { type: 'array', items: el ? this.convert(el, depth + 1) : {} };
    }
    if (symbol === 'Date') return { type: 'string', format: 'date-time' };
    if (symbol === 'Map' || symbol === 'ReadonlyMap') return { type: 'object' };
    if (t.getCallSignatures().length > 0 && t.getProperties().length === 0) return {};
    if (t.isObject() || (t.getFlags() & ts.TypeFlags.NonPrimitive) !== 0) return this.object(t, depth);
    return {};
  }

  private object(t: Type, depth: number): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const prop of t.getProperties()) {
      const name = prop.getName();
      if (name.startsWith('__@')) continue; // well-known symbols (Symbol.iterator, …)
      const decl = prop.getValueDeclaration() ?? prop.getDeclarations()[0];
      if (decl && (Node.isMethodDeclaration(decl) || Node.isMethodSignature(decl))) continue;
      const pt = prop.getTypeAtLocation(this.at);
      if (isFunctionOnly(pt)) continue;
      properties[name] = this.convert(pt, depth + 1);
      if (!prop.isOptional() && !includesUndefined(pt)) required.push(name);
    }
    const out: JsonSchema = { type: 'object' };
    if (Object.keys(properties).length) out.properties = properties;
    if (required.length) out.required = required;
    const index = t.getStringIndexType() ?? t.getNumberIndexType();
    if (index) out.additionalProperties = (index.getFlags() & ts.TypeFlags.Never) !== 0 ? false : this.convert(index, depth + 1);
    return out;
  }

  private union(types: Type[], depth: number): JsonSchema {
    const strings: string[] = [];
    const numbers: number[] = [];
    const booleans = new Set<boolean>();
    const rest: JsonSchema[] = [];
    for (const m of types) {
      if (m.isUndefined() || (m.getFlags() & ts.TypeFlags.Void) !== 0) continue;
      if (m.isStringLiteral()) strings.push(m.getLiteralValue() as string);
      else if (m.isNumberLiteral()) numbers.push(m.getLiteralValue() as number);
      else if (m.isBooleanLiteral()) booleans.add(m.getText() === 'true');
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

  private intersection(types: Type[], depth: number): JsonSchema {
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

function includesUndefined(t: Type): boolean {
  if (t.isUndefined()) return true;
  return t.isUnion() && t.getUnionTypes().some((m) => m.isUndefined());
}

/** Functions (also optional ones) do not cross the wire as JSON. */
function isFunctionOnly(t: Type): boolean {
  const members = (t.isUnion() ? t.getUnionTypes() : [t]).filter((m) => !m.isUndefined());
  return members.length > 0 && members.every((m) => m.getCallSignatures().length > 0 && m.getProperties().every((p) => p.getName() === 'prototype'));
}
