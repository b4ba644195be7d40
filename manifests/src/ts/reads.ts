/**
 * The params keys a handler reads: property access (`params.sessionId`, `params['id']`),
 * destructuring (in the parameter list or from the parameter), and reads inside local functions
 * the params object is handed to, and reads of what a validator gives back (`const { title } =
 * CreateNote.parse(params)`, zod's and the like). When the object escapes whole (spread, returned, passed to
 * something unknown), nobody can tell which keys matter and the answer is "cannot tell".
 * A key the handler checks for before relying on it (`typeof params.x`, `params.x !== undefined`,
 * `'x' in params`, `if (params.x)`, `params.x?.y`) or reads with a fallback (`params.x ?? d`, a
 * default in destructuring) is one it can do without: not required.
 */
import { bindingOf, declarationOf } from './scope.js';
import { ancestor, identifiersNamed, isFunctionLike, literalText, propertyNameText, ts, unwrap } from './syntax.js';
import type { Resolver } from './values.js';

type Node = ts.Node;

export interface KeyRead {
  key: string;
  /** False when some read has a fallback (`?? x`, a default in destructuring) or a guard (`typeof`, `!== undefined`, `in`). */
  required: boolean;
}

/** `undefined` means the object is used whole and the keys cannot be told. */
export type Reads = KeyRead[] | undefined;

const MAX_DEPTH = 4;

export function readsOfParam(fn: Node, index: number, r: Resolver, depth = 0): Reads {
  if (!isFunctionLike(fn)) return undefined;
  const param = fn.parameters[index];
  if (!param) return [];
  const name = param.name;
  if (ts.isObjectBindingPattern(name)) return fromPattern(name);
  if (!ts.isIdentifier(name)) return undefined;
  const body = fn.body;
  // A declaration without a body (`declare function`, an overload, an abstract method): what it reads is not known.
  if (!body) return undefined;
  const refs = identifiersNamed(body, name.text).filter((id) => declarationOf(bindingOf(id)) === name);
  return readsOfRefs(refs, r, depth);
}

/** Reads of the references to one object, however it is named. */
export function readsOfRefs(refs: Node[], r: Resolver, depth: number): Reads {
  const out = new Map<string, KeyRead>();
  // A key read anywhere with a guard or a fallback is one the handler copes without.
  const optional = new Set<string>();
  const add = (key: string, required: boolean) => {
    if (!required) optional.add(key);
    out.set(key, { key, required: !optional.has(key) });
  };
  for (const ref of refs) {
    const use = useOf(ref);
    const parent = use.parent;
    if (!parent) continue;
    if ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === use) {
      const key = ts.isPropertyAccessExpression(parent) ? parent.name.text : literalText(parent.argumentExpression);
      if (key === undefined) return undefined;
      add(key, !hasFallback(parent) && !isGuard(parent));
      continue;
    }
    // `'x' in params`
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InKeyword && parent.right === use) {
      const key = literalText(parent.left);
      if (key !== undefined) add(key, false);
      continue;
    }
    if (ts.isVariableDeclaration(parent) && parent.initializer === use) {
      const pattern = parent.name;
      if (ts.isObjectBindingPattern(pattern)) {
        const keys = fromPattern(pattern);
        if (!keys) return undefined;
        for (const k of keys) add(k.key, k.required);
        continue;
      }
      if (ts.isIdentifier(pattern)) {
        // `const p = params`: the reads of `p` are the reads of params.
        const scope = ancestor(parent, (a) => ts.isBlock(a) || ts.isSourceFile(a));
        const aliasRefs = identifiersNamed(scope ?? parent, pattern.text).filter((id) => id !== pattern && declarationOf(bindingOf(id)) === pattern);
        const keys = readsOfRefs(aliasRefs, r, depth);
        if (!keys) return undefined;
        for (const k of keys) add(k.key, k.required);
        continue;
      }
      return undefined;
    }
    if (ts.isCallExpression(parent) && parent.arguments.includes(use as ts.Expression)) {
      const index = parent.arguments.indexOf(use as ts.Expression);
      // `Schema.parse(params)` (zod and the like) gives params back checked: its reads are the reads of params.
      if (index === 0 && isValidation(parent)) {
        const keys = readsOfRefs([validated(parent)], r, depth);
        if (!keys) return undefined;
        for (const k of keys) add(k.key, k.required);
        continue;
      }
      const fn = depth < MAX_DEPTH ? calleeOf(parent, r) : undefined;
      const keys = fn ? readsOfParam(fn, index, r, depth + 1) : undefined;
      if (!keys) return undefined;
      for (const k of keys) add(k.key, k.required);
      continue;
    }
    if (isHarmless(parent, use)) continue;
    return undefined;
  }
  return [...out.values()].map((k) => ({ key: k.key, required: !optional.has(k.key) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

const VALIDATORS = new Set(['parse', 'parseAsync']);

/** `Schema.parse(x)`, `await Schema.parseAsync(x)`: a validator's call, which returns its argument checked. */
function isValidation(call: ts.CallExpression): boolean {
  const c = call.expression;
  return ts.isPropertyAccessExpression(c) && VALIDATORS.has(c.name.text) && !(ts.isIdentifier(c.expression) && c.expression.text === 'JSON');
}

/** The expression a validator's result is used through: the call, or the `await` of it. */
function validated(call: ts.CallExpression): Node {
  const p = useOf(call).parent;
  return p && ts.isAwaitExpression(p) ? p : call;
}

function fromPattern(pattern: Node): Reads {
  if (!ts.isObjectBindingPattern(pattern)) return undefined;
  const out: KeyRead[] = [];
  for (const el of pattern.elements) {
    if (el.dotDotDotToken) return undefined;
    const key = el.propertyName ? propertyNameText(el.propertyName) : ts.isIdentifier(el.name) ? el.name.text : undefined;
    if (key === undefined) return undefined;
    out.push({ key, required: el.initializer === undefined });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Climbs out of what does not change the value: `(params as X)`, `params!`. */
export function useOf(ref: Node): Node {
  let n = ref;
  for (let p = n.parent; p && (ts.isParenthesizedExpression(p) || ts.isAsExpression(p) || ts.isNonNullExpression(p) || ts.isSatisfiesExpression(p) || ts.isTypeAssertionExpression(p)); p = p.parent) n = p;
  return n;
}

/** `params.x ?? d`, `params.x || d`: the key may be missing. */
function hasFallback(access: Node): boolean {
  const p = access.parent;
  if (ts.isBinaryExpression(p) && p.left === access) {
    const op = p.operatorToken.kind;
    return op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken;
  }
  return false;
}

/**
 * A read that checks for the key rather than relies on it: `typeof params.x`, `params.x === undefined`
 * (`!==`, `==`, `!=`, also against null), a truthiness test (`if (params.x)`, `params.x && …`,
 * `!params.x`, `params.x ? a : b`), or an optional chain (`params.x?.y`).
 */
function isGuard(access: Node): boolean {
  let n: Node = access;
  while (n.parent && (ts.isParenthesizedExpression(n.parent) || ts.isNonNullExpression(n.parent) || ts.isAsExpression(n.parent))) n = n.parent;
  const p = n.parent;
  if (!p) return false;
  if (ts.isTypeOfExpression(p)) return true;
  if (ts.isPrefixUnaryExpression(p) && p.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(p) || ts.isWhileStatement(p)) && p.expression === n) return true;
  if (ts.isConditionalExpression(p) && p.condition === n) return true;
  if ((ts.isPropertyAccessExpression(p) || ts.isElementAccessExpression(p) || ts.isCallExpression(p)) && p.expression === n && p.questionDotToken !== undefined) return true;
  if (ts.isBinaryExpression(p)) {
    const op = p.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken && p.left === n) return true;
    const other = p.left === n ? p.right : p.left;
    const equality = [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken].includes(op);
    return equality && isNothing(other);
  }
  return false;
}

/** `undefined`, `null`, `void 0`. */
function isNothing(e: Node): boolean {
  const n = unwrap(e);
  return (ts.isIdentifier(n) && n.text === 'undefined') || n.kind === ts.SyntaxKind.NullKeyword || ts.isVoidExpression(n);
}

/** Uses that read no key and do not let the object escape. */
function isHarmless(parent: Node, use: Node): boolean {
  if (ts.isTypeOfExpression(parent) || ts.isPrefixUnaryExpression(parent) || ts.isIfStatement(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const op = parent.operatorToken.kind;
    return [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken, ts.SyntaxKind.InstanceOfKeyword].includes(op) || (op === ts.SyntaxKind.InKeyword && parent.right === use);
  }
  return false;
}

function calleeOf(call: ts.CallExpression, r: Resolver): Node | undefined {
  const v = r.values(call.expression, undefined);
  if (!v.ok) return undefined;
  const fn = v.value.find((x) => x.t === 'fn');
  return fn && fn.t === 'fn' ? fn.node : undefined;
}
