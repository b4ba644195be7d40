/**
 * The params keys a handler reads: property access (`params.sessionId`, `params['id']`),
 * destructuring (in the parameter list or from the parameter), and reads inside local functions
 * the params object is handed to. When the object escapes whole (spread, returned, passed to
 * something unknown), nobody can tell which keys matter and the answer is "cannot tell".
 */
import { Node, SyntaxKind } from 'ts-morph';
import { identifiersNamed } from './find.js';
import { bindingOf, declarationOf, isFunctionLike, propertyNameText, unwrap } from './scope.js';
import type { Resolver } from './values.js';

export interface KeyRead {
  key: string;
  /** False when the read has a fallback (`?? x`, a default in destructuring). */
  required: boolean;
}

/** `undefined` means the object is used whole and the keys cannot be told. */
export type Reads = KeyRead[] | undefined;

const MAX_DEPTH = 4;

export function readsOfParam(fn: Node, index: number, r: Resolver, depth = 0): Reads {
  if (!isFunctionLike(fn)) return undefined;
  const param = fn.getParameters()[index];
  if (!param || !Node.isParameterDeclaration(param)) return [];
  const name = param.getNameNode();
  if (Node.isObjectBindingPattern(name)) return fromPattern(name);
  if (!Node.isIdentifier(name)) return undefined;
  const body = (fn as Node & { getBody?(): Node | undefined }).getBody?.();
  if (!body) return [];
  const refs = identifiersNamed(body, name.getText()).filter((id) => Node.isIdentifier(id) && declarationOf(bindingOf(id)) === name);
  return readsOfRefs(refs, r, depth);
}

/** Reads of the references to one object, however it is named. */
export function readsOfRefs(refs: Node[], r: Resolver, depth: number): Reads {
  const out = new Map<string, KeyRead>();
  const add = (key: string, required: boolean) => {
    const prev = out.get(key);
    out.set(key, { key, required: required || (prev?.required ?? false) });
  };
  for (const ref of refs) {
    const use = useOf(ref);
    const parent = use.getParent();
    if (!parent) continue;
    if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === use) {
      const key = Node.isPropertyAccessExpression(parent) ? parent.getName() : keyOf(parent.getArgumentExpression());
      if (key === undefined) return undefined;
      add(key, !hasFallback(parent));
      continue;
    }
    if (Node.isVariableDeclaration(parent) && parent.getInitializer() === use) {
      const pattern = parent.getNameNode();
      if (Node.isObjectBindingPattern(pattern)) {
        const keys = fromPattern(pattern);
        if (!keys) return undefined;
        for (const k of keys) add(k.key, k.required);
        continue;
      }
      if (Node.isIdentifier(pattern)) {
        // `const p = params`: the reads of `p` are the reads of params.
        const scope = parent.getFirstAncestor((a) => Node.isBlock(a) || Node.isSourceFile(a));
        const aliasRefs = identifiersNamed(scope ?? parent, pattern.getText()).filter((id) => id !== pattern && Node.isIdentifier(id) && declarationOf(bindingOf(id)) === pattern);
        const keys = readsOfRefs(aliasRefs, r, depth);
        if (!keys) return undefined;
        for (const k of keys) add(k.key, k.required);
        continue;
      }
      return undefined;
    }
    if (Node.isCallExpression(parent) && parent.getArguments().includes(use)) {
      const index = parent.getArguments().indexOf(use);
      const fn = depth < MAX_DEPTH ? calleeOf(parent, r) : undefined;
      const keys = fn ? readsOfParam(fn, index, r, depth + 1) : undefined;
      if (!keys) return undefined;
      for (const k of keys) add(k.key, k.required);
      continue;
    }
    if (isHarmless(parent, use)) continue;
    return undefined;
  }
  return [...out.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function fromPattern(pattern: Node): Reads {
  if (!Node.isObjectBindingPattern(pattern)) return undefined;
  const out: KeyRead[] = [];
  for (const el of pattern.getElements()) {
    if (el.getDotDotDotToken()) return undefined;
    const prop = el.getPropertyNameNode();
    const key = prop ? propertyNameText(prop) : el.getName();
    if (key === undefined) return undefined;
    out.push({ key, required: el.getInitializer() === undefined });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Climbs out of what does not change the value: `(params as X)`, `params!`. */
export function useOf(ref: Node): Node {
  let n = ref;
  for (let p = n.getParent(); p && (Node.isParenthesizedExpression(p) || Node.isAsExpression(p) || Node.isNonNullExpression(p) || Node.isSatisfiesExpression(p) || Node.isTypeAssertion(p)); p = p.getParent()) n = p;
  return n;
}

function keyOf(arg: Node | undefined): string | undefined {
  if (!arg) return undefined;
  const a = unwrap(arg as never);
  return Node.isStringLiteral(a) || Node.isNoSubstitutionTemplateLiteral(a) ? a.getLiteralText() : undefined;
}

/** `params.x ?? d`, `params.x || d`: the key may be missing. */
function hasFallback(access: Node): boolean {
  const p = access.getParent();
  if (Node.isBinaryExpression(p) && p.getLeft() === access) {
    const op = p.getOperatorToken().getKind();
    return op === SyntaxKind.QuestionQuestionToken || op === SyntaxKind.BarBarToken;
  }
  return false;
}

/** Uses that read no key and do not let the object escape. */
function isHarmless(parent: Node, use: Node): boolean {
  if (Node.isTypeOfExpression(parent) || Node.isPrefixUnaryExpression(parent) || Node.isIfStatement(parent)) return true;
  if (Node.isBinaryExpression(parent)) {
    const op = parent.getOperatorToken().getKind();
    return [SyntaxKind.EqualsEqualsEqualsToken, SyntaxKind.ExclamationEqualsEqualsToken, SyntaxKind.EqualsEqualsToken, SyntaxKind.ExclamationEqualsToken, SyntaxKind.InstanceOfKeyword].includes(op) || (op === SyntaxKind.InKeyword && parent.getRight() === use);
  }
  return false;
}

function calleeOf(call: Node & { getExpression(): Node }, r: Resolver): Node | undefined {
  const v = r.values(call.getExpression(), undefined);
  if (!v.ok) return undefined;
  const fn = v.value.find((x) => x.t === 'fn');
  return fn && fn.t === 'fn' ? fn.node : undefined;
}
