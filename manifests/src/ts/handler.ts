/**
 * A sidecar handler as a fact: the keys it reads, and (with the type checker) the schema of its
 * declared params type and of what it returns. A handler is a function (registered, in a map),
 * an expression whose type is callable (`wrap(fn)`), or the body of a `case` in a router switch.
 */
import { Node, SyntaxKind, ts, type Type } from 'ts-morph';
import type { HandlerFact, JsonSchema, KeyFact, Loc } from '../model.js';
import { readsOfParam, readsOfRefs, useOf, type Reads } from './reads.js';
import { awaited, isOpenType, isVoidish, typeToSchema } from './schema.js';
import { isFunctionLike } from './scope.js';
import type { Resolver } from './values.js';
import type { TsWorkspace } from './workspace.js';

export type HandlerTarget =
  | { kind: 'fn'; node: Node }
  | { kind: 'expr'; node: Node }
  | { kind: 'case'; paramRefs: Node[]; returns: Node[] }
  | { kind: 'none' };

export interface HandlerContext {
  ws: TsWorkspace;
  r: Resolver;
  schemas: boolean;
}

export function handlerFact(hc: HandlerContext, name: string, loc: Loc, target: HandlerTarget): HandlerFact {
  const reads = readsOf(hc, target);
  const fact: HandlerFact = { kind: 'handler', name, loc };
  if (!hc.schemas || target.kind === 'none') {
    if (reads) fact.reads = reads.map((k) => ({ key: k.key, required: k.required }));
    return fact;
  }
  hc.ws.typeChecker();
  const { paramsType, resultTypes, at } = typesOf(target);
  if (reads) fact.reads = reads.map((k) => keyFact(k.key, k.required, paramsType, at));
  // A handler without a params parameter takes anything: no schema to claim.
  if (paramsType && !isOpenType(paramsType)) fact.params = typeToSchema(paramsType, at);
  else if (reads && paramsType) fact.params = schemaFromReads(fact.reads ?? []);
  const results = resultTypes.map((t) => awaited(t)).filter((t) => !isVoidish(t));
  if (results.length === 1) fact.result = typeToSchema(results[0]!, at);
  else if (results.length > 1) fact.result = { anyOf: dedupe(results.map((t) => typeToSchema(t, at))) };
  return fact;
}

function readsOf(hc: HandlerContext, target: HandlerTarget): Reads {
  switch (target.kind) {
    case 'fn':
      return readsOfParam(target.node, 0, hc.r);
    case 'case':
      return readsOfRefs(target.paramRefs, hc.r, 0);
    default:
      return undefined;
  }
}

function typesOf(target: HandlerTarget): { paramsType: Type | undefined; resultTypes: Type[]; at: Node } {
  if (target.kind === 'fn' && isFunctionLike(target.node)) {
    const fn = target.node as Node & { getParameters(): Node[]; getReturnType(): Type };
    const p = fn.getParameters()[0];
    return { paramsType: p?.getType(), resultTypes: [fn.getReturnType()], at: fn };
  }
  if (target.kind === 'expr' || target.kind === 'fn') {
    const sig = target.node.getType().getCallSignatures()[0];
    const p = sig?.getParameters()[0];
    return { paramsType: p?.getTypeAtLocation(target.node), resultTypes: sig ? [sig.getReturnType()] : [], at: target.node };
  }
  if (target.kind === 'case') {
    const at = target.paramRefs[0] ?? target.returns[0];
    const uses = target.paramRefs.map((r) => useOf(r).getType());
    const paramsType = uses.find((t) => !isOpenType(t)) ?? uses[0];
    const resultTypes = target.returns.map((r) => r.getType());
    return { paramsType, resultTypes, at: at ?? target.returns[0]! };
  }
  throw new Error('no types for a handler without a target');
}

function keyFact(key: string, requiredByUse: boolean, paramsType: Type | undefined, at: Node): KeyFact {
  const prop = paramsType && !isOpenType(paramsType) ? paramsType.getProperty(key) : undefined;
  if (!prop) return { key, required: requiredByUse };
  const t = prop.getTypeAtLocation(at);
  const optional = prop.isOptional() || (t.isUnion() && t.getUnionTypes().some((m) => m.isUndefined()));
  return { key, required: !optional, schema: typeToSchema(t, at), typeText: t.getText(at, ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope) };
}

function schemaFromReads(reads: KeyFact[]): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const k of reads) properties[k.key] = k.schema ?? {};
  const required = reads.filter((k) => k.required).map((k) => k.key);
  return { type: 'object', ...(reads.length ? { properties } : {}), ...(required.length ? { required } : {}) };
}

function dedupe(schemas: JsonSchema[]): JsonSchema[] {
  const seen = new Map<string, JsonSchema>();
  for (const s of schemas) seen.set(JSON.stringify(s), s);
  return [...seen.values()];
}

/** The `return` expressions of a statement list, not counting those of nested functions. */
export function returnsIn(statements: Node[]): Node[] {
  const out: Node[] = [];
  for (const st of statements) {
    const all = Node.isReturnStatement(st) ? [st] : st.getDescendantsOfKind(SyntaxKind.ReturnStatement);
    for (const n of all) {
      const fnAround = n.getFirstAncestor((a) => isFunctionLike(a));
      if (fnAround && fnAround.getPos() >= st.getPos() && fnAround.getEnd() <= st.getEnd()) continue;
      const e = n.getExpression();
      if (e) out.push(e);
    }
  }
  return out;
}
