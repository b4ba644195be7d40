/**
 * What an identifier refers to, found by walking the syntax tree's scopes: no type checker, so
 * name extraction stays fast on large frontends. Covers what names reach calls through in
 * practice: consts (also destructured), parameters, loop variables, array-iteration callbacks,
 * functions, enums, classes and imports.
 */
import { Node, SyntaxKind, VariableDeclarationKind, type BindingName, type Expression, type Identifier } from 'ts-morph';

/** A step into a destructuring pattern: `{ a }` is a property, `[a]` an index. */
export type PathStep = { prop: string } | { index: number } | { rest: true };

export type FunctionLikeNode = Node & { getParameters(): Node[] };

export type Binding =
  | { kind: 'const'; node: Node; init: Expression | undefined; path: PathStep[] }
  | { kind: 'mutable'; node: Node }
  | { kind: 'param'; node: Node; fn: Node; index: number; path: PathStep[]; initializer: Expression | undefined }
  /** `for (const x of iterable)`: `scope` is the loop statement. */
  | { kind: 'loop'; node: Node; scope: Node; iterable: Expression; path: PathStep[] }
  | { kind: 'loop-keys'; node: Node; object: Expression }
  /** `iterable.forEach((x) => …)`: `scope` is the callback. */
  | { kind: 'callback'; node: Node; scope: Node; iterable: Expression; path: PathStep[] }
  | { kind: 'function'; node: Node }
  | { kind: 'enum'; node: Node }
  | { kind: 'class'; node: Node }
  | { kind: 'import'; node: Node; module: string; name: string }
  /** A local module imported whole (`import * as api from './api'`); only `followBinding` makes these. */
  | { kind: 'namespace'; node: Node; rel: string }
  | { kind: 'global'; name: string };

/** Array methods whose first callback parameter is an element of the receiver. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex']);

export function bindingOf(id: Identifier): Binding {
  const name = id.getText();
  let child: Node = id;
  let node: Node | undefined = id.getParent();
  while (node) {
    const found = declaredIn(node, child, name);
    if (found) return found;
    child = node;
    node = node.getParent();
  }
  return { kind: 'global', name };
}

function declaredIn(scope: Node, from: Node, name: string): Binding | undefined {
  if (Node.isSourceFile(scope) || Node.isBlock(scope) || Node.isModuleBlock(scope)) return inStatements(scope.getStatements(), name);
  if (Node.isCaseBlock(scope)) {
    for (const clause of scope.getClauses()) {
      const b = inStatements(clause.getStatements(), name);
      if (b) return b;
    }
    return undefined;
  }
  if (isFunctionLike(scope)) {
    // Parameters are visible in the body and in later parameters' defaults, not in the function's own name.
    const params = scope.getParameters();
    for (let i = 0; i < params.length; i++) {
      const p = params[i]!;
      if (!Node.isParameterDeclaration(p)) continue;
      const hit = findInPattern(p.getNameNode(), name, []);
      if (hit) return paramBinding(scope, p, i, hit.node, hit.path);
    }
    if ((Node.isFunctionExpression(scope) || Node.isFunctionDeclaration(scope)) && scope.getName() === name && from !== scope.getNameNode()) {
      return { kind: 'function', node: scope };
    }
    return undefined;
  }
  if (Node.isForOfStatement(scope) || Node.isForInStatement(scope)) {
    const init = scope.getInitializer();
    if (Node.isVariableDeclarationList(init)) {
      for (const decl of init.getDeclarations()) {
        const hit = findInPattern(decl.getNameNode(), name, []);
        if (!hit) continue;
        if (Node.isForOfStatement(scope)) return { kind: 'loop', node: hit.node, scope, iterable: scope.getExpression(), path: hit.path };
        return hit.path.length === 0 ? { kind: 'loop-keys', node: hit.node, object: scope.getExpression() } : { kind: 'mutable', node: hit.node };
      }
    }
    return undefined;
  }
  if (Node.isForStatement(scope)) {
    const init = scope.getInitializer();
    if (Node.isVariableDeclarationList(init)) {
      for (const decl of init.getDeclarations()) {
        const hit = findInPattern(decl.getNameNode(), name, []);
        if (hit) return { kind: 'mutable', node: hit.node };
      }
    }
    return undefined;
  }
  if (Node.isCatchClause(scope)) {
    const decl = scope.getVariableDeclaration();
    if (decl && findInPattern(decl.getNameNode(), name, [])) return { kind: 'mutable', node: decl };
  }
  return undefined;
}

function paramBinding(fn: Node, p: Node, index: number, node: Node, path: PathStep[]): Binding {
  const initializer = Node.isParameterDeclaration(p) ? p.getInitializer() : undefined;
  const parent = fn.getParent();
  if (index === 0 && (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && Node.isCallExpression(parent) && parent.getArguments()[0] === fn) {
    const callee = parent.getExpression();
    if (Node.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.getName())) {
      return { kind: 'callback', node, scope: fn, iterable: callee.getExpression(), path };
    }
  }
  return { kind: 'param', node, fn, index, path, initializer };
}

export function inStatements(statements: Node[], name: string): Binding | undefined {
  for (const st of statements) {
    if (Node.isVariableStatement(st)) {
      // `declare const window: …` describes a global; it has no value to follow.
      if (st.hasDeclareKeyword()) continue;
      const isConst = st.getDeclarationKind() === VariableDeclarationKind.Const;
      for (const decl of st.getDeclarations()) {
        const hit = findInPattern(decl.getNameNode(), name, []);
        if (!hit) continue;
        return isConst ? { kind: 'const', node: hit.node, init: decl.getInitializer(), path: hit.path } : { kind: 'mutable', node: hit.node };
      }
    } else if (Node.isFunctionDeclaration(st)) {
      if (st.getName() === name) return { kind: 'function', node: st };
    } else if (Node.isClassDeclaration(st)) {
      if (st.getName() === name) return { kind: 'class', node: st };
    } else if (Node.isEnumDeclaration(st)) {
      if (st.getName() === name) return { kind: 'enum', node: st };
    } else if (Node.isImportDeclaration(st)) {
      const module = st.getModuleSpecifierValue();
      const def = st.getDefaultImport();
      if (def?.getText() === name) return { kind: 'import', node: def, module, name: 'default' };
      const ns = st.getNamespaceImport();
      if (ns?.getText() === name) return { kind: 'import', node: ns, module, name: '*' };
      for (const spec of st.getNamedImports()) {
        const local = spec.getAliasNode()?.getText() ?? spec.getName();
        if (local === name) return { kind: 'import', node: spec, module, name: spec.getName() };
      }
    } else if (Node.isModuleDeclaration(st) || Node.isTypeAliasDeclaration(st) || Node.isInterfaceDeclaration(st)) {
      continue;
    }
  }
  return undefined;
}

/** Finds `name` inside a binding name (identifier or destructuring pattern) and the path to it. */
export function findInPattern(pattern: BindingName | Node, name: string, path: PathStep[]): { node: Node; path: PathStep[] } | undefined {
  if (Node.isIdentifier(pattern)) return pattern.getText() === name ? { node: pattern, path } : undefined;
  if (Node.isObjectBindingPattern(pattern)) {
    for (const el of pattern.getElements()) {
      const prop = el.getPropertyNameNode();
      const step: PathStep = el.getDotDotDotToken() ? { rest: true } : { prop: prop ? propertyNameText(prop) ?? '?' : el.getName() };
      const hit = findInPattern(el.getNameNode(), name, [...path, step]);
      if (hit) return hit;
    }
    return undefined;
  }
  if (Node.isArrayBindingPattern(pattern)) {
    const elements = pattern.getElements();
    for (let i = 0; i < elements.length; i++) {
      const el = elements[i]!;
      if (Node.isOmittedExpression(el)) continue;
      const step: PathStep = el.getDotDotDotToken() ? { rest: true } : { index: i };
      const hit = findInPattern(el.getNameNode(), name, [...path, step]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The text of a property name that is known without evaluation: `a`, `'a'`, `1`. */
export function propertyNameText(node: Node): string | undefined {
  if (Node.isIdentifier(node) || Node.isPrivateIdentifier(node)) return node.getText();
  if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node) || Node.isNumericLiteral(node)) return node.getLiteralText();
  return undefined;
}

export function isFunctionLike(node: Node | undefined): node is FunctionLikeNode {
  if (!node) return false;
  const k = node.getKind();
  return (
    k === SyntaxKind.FunctionDeclaration ||
    k === SyntaxKind.FunctionExpression ||
    k === SyntaxKind.ArrowFunction ||
    k === SyntaxKind.MethodDeclaration ||
    k === SyntaxKind.Constructor ||
    k === SyntaxKind.GetAccessor ||
    k === SyntaxKind.SetAccessor
  );
}

/** Strips what does not change a value: parentheses, `as`, `satisfies`, `!`, `<T>x`. */
export function unwrap(node: Expression): Expression {
  let n: Node = node;
  for (;;) {
    if (Node.isParenthesizedExpression(n) || Node.isAsExpression(n) || Node.isSatisfiesExpression(n) || Node.isNonNullExpression(n) || Node.isTypeAssertion(n)) {
      n = n.getExpression();
    } else {
      return n as Expression;
    }
  }
}

/** The declaring node of a binding (undefined for a global). */
export function declarationOf(b: Binding): Node | undefined {
  return b.kind === 'global' ? undefined : b.node;
}

/** The functions around a node, innermost first. */
export function enclosingFunctions(node: Node): Node[] {
  const out: Node[] = [];
  for (let n = node.getParent(); n; n = n.getParent()) if (isFunctionLike(n)) out.push(n);
  return out;
}

/** A readable name for a function: `callApi`, `Api.call`, `<anonymous>`. */
export function functionName(fn: Node): string {
  if (Node.isFunctionDeclaration(fn) || Node.isFunctionExpression(fn) || Node.isMethodDeclaration(fn)) {
    const n = fn.getName();
    if (n) return n;
  }
  const parent = fn.getParent();
  if (Node.isVariableDeclaration(parent) || Node.isPropertyAssignment(parent)) return parent.getName();
  return '<anonymous>';
}
