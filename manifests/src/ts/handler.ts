/**
 * A sidecar handler as a fact: the keys it reads, and (with the type checker) the schema of its
 * declared params type and of what it returns. A handler is a function (registered, in a map),
 * an expression whose type is callable (`wrap(fn)`), or the body of a `case` in a router switch.
 */
import type { HandlerFact, JsonSchema, KeyFact, Loc } from '../model.js';
import { readsOfParam, readsOfRefs, useOf, type Reads } from './reads.js';
import { awaited, includesUndefined, isOpenType, isVoidish, typeToSchema } from './schema.js';
import { findAll, isFunctionLike, ts } from './syntax.js';
import type { Resolver } from './values.js';
import type { TsWorkspace } from './workspace.js';

type Node = ts.Node;
type Type = ts.Type;

export type HandlerTarget =
  | { kind: 'fn'; node: Node }
  | { kind: 'expr'; node: Node }
  | { kind: 'case'; paramRefs: Node[]; returns: Node[] }
  /** `why`: the handler is there but cannot be told (else: none is given). */
  | { kind: 'none'; why?: string };

export interface HandlerContext {
  ws: TsWorkspace;
  r: Resolver;
  schemas: boolean;
  /** What a router's switch dispatches on (config): such a switch inside a handler lists its cases. */
  discriminants: readonly string[];
}

export function handlerFact(hc: HandlerContext, name: string, loc: Loc, target: HandlerTarget): HandlerFact {
  const reads = readsOf(hc, target);
  const fact: HandlerFact = { kind: 'handler', name, loc };
  if (!reads) fact.readsUnknown = whyUnread(target);
  if (!hc.schemas || target.kind === 'none') {
    // No type checker: what is required rests on the reads alone.
    if (reads) fact.reads = reads.map((k) => ({ key: k.key, required: k.required, ...(k.required ? { requiredBy: 'read' as const } : {}) }));
    return fact;
  }
  const checker = hc.ws.typeChecker();
  const { paramsType, resultTypes, at } = typesOf(checker, target);
  if (reads) fact.reads = reads.map((k) => keyFact(checker, k.key, k.required, paramsType, at));
  // A handler without a params parameter takes anything: no schema to claim.
  if (paramsType && !isOpenType(paramsType)) fact.params = typeToSchema(checker, paramsType, at);
  else if (reads && paramsType) fact.params = schemaFromReads(fact.reads ?? []);
  const results = resultTypes.map((t) => awaited(checker, t)).filter((t) => !isVoidish(t));
  if (results.length === 1) fact.result = typeToSchema(checker, results[0]!, at);
  else if (results.length > 1) fact.result = { anyOf: dedupe(results.map((t) => typeToSchema(checker, t, at))) };
  return fact;
}

/** Why the keys a handler reads cannot be told. */
function whyUnread(target: HandlerTarget): string {
  switch (target.kind) {
    case 'fn':
      return 'it hands its params on whole (spread, returned, or passed to something cutover cannot follow), or reads a key that is not a literal';
    case 'expr': {
      const text = target.node.getText().replace(/\s+/g, ' ');
      return `the handler ${text.length > 60 ? `${text.slice(0, 57)}…` : text} is not a function cutover can follow`;
    }
    case 'case':
      return 'the case hands its params on whole, or reads a key that is not a literal';
    case 'none':
      return target.why ?? 'no handler function is given';
  }
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

function typesOf(checker: ts.TypeChecker, target: HandlerTarget): { paramsType: Type | undefined; resultTypes: Type[]; at: Node } {
  if (target.kind === 'fn' && isFunctionLike(target.node)) {
    const fn = target.node;
    const p = fn.parameters[0];
    const sig = checker.getSignatureFromDeclaration(fn);
    return { paramsType: p ? checker.getTypeAtLocation(p) : undefined, resultTypes: sig ? [checker.getReturnTypeOfSignature(sig)] : [], at: fn };
  }
  if (target.kind === 'expr' || target.kind === 'fn') {
    const sig = checker.getTypeAtLocation(target.node).getCallSignatures()[0];
    const p = sig?.getParameters()[0];
    return { paramsType: p ? checker.getTypeOfSymbolAtLocation(p, target.node) : undefined, resultTypes: sig ? [sig.getReturnType()] : [], at: target.node };
  }
  if (target.kind === 'case') {
    const at = target.paramRefs[0] ?? target.returns[0];
    const uses = target.paramRefs.map((r) => checker.getTypeAtLocation(useOf(r)));
    const paramsType = uses.find((t) => !isOpenType(t)) ?? uses[0];
    const resultTypes = target.returns.map((r) => checker.getTypeAtLocation(r));
    return { paramsType, resultTypes, at: at ?? target.returns[0]! };
  }
  throw new Error('no types for a handler without a target');
}

/**
 * A key the handler reads, required only when its declared type requires it (no `?`, no
 * `| undefined`) and the handler reads it without a fallback or guard. With no declared type for
 * it, it is required by how it is read alone (`requiredBy: 'read'`), which the key rule only warns about.
 */
function keyFact(checker: ts.TypeChecker, key: string, requiredByUse: boolean, paramsType: Type | undefined, at: Node): KeyFact {
  const prop = paramsType && !isOpenType(paramsType) ? paramsType.getProperty(key) : undefined;
  if (!prop) return { key, required: requiredByUse, ...(requiredByUse ? { requiredBy: 'read' as const } : {}) };
  const t = checker.getTypeOfSymbolAtLocation(prop, at);
  const optional = (prop.flags & ts.SymbolFlags.Optional) !== 0 || includesUndefined(t);
  return { key, required: !optional && requiredByUse, schema: typeToSchema(checker, t, at), typeText: checker.typeToString(t, at, ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope) };
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
export function returnsIn(statements: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const st of statements) {
    const all = ts.isReturnStatement(st) ? [st] : findAll(st, ts.isReturnStatement);
    for (const n of all) {
      let fnAround: Node | undefined;
      for (let a = n.parent; a && !fnAround; a = a.parent) if (isFunctionLike(a)) fnAround = a;
      if (fnAround && fnAround.pos >= st.pos && fnAround.end <= st.end) continue;
      if (n.expression) out.push(n.expression);
    }
  }
  return out;
}
