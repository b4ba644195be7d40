/**
 * What an identifier refers to, found by walking the syntax tree's scopes: no type checker, so
 * name extraction stays fast on large frontends. Each scope's name table (its declarations,
 * parameters, loop variables) is built once, on first use, so looking a name up costs a map
 * lookup per enclosing scope. Covers what names reach calls through in practice: consts (also
 * destructured), parameters, loop variables, array-iteration callbacks, functions, enums,
 * classes and imports.
 */
import { isFunctionLike, propertyNameText, ts, type FunctionLikeNode } from './syntax.js';

/** A step into a destructuring pattern: `{ a }` is a property, `[a]` an index. */
export type PathStep = { prop: string } | { index: number } | { rest: true };

export type Binding =
  | { kind: 'const'; node: ts.Node; init: ts.Expression | undefined; path: PathStep[] }
  | { kind: 'mutable'; node: ts.Node }
  | { kind: 'param'; node: ts.Node; fn: FunctionLikeNode; index: number; path: PathStep[]; initializer: ts.Expression | undefined }
  /** `for (const x of iterable)`: `scope` is the loop statement. */
  | { kind: 'loop'; node: ts.Node; scope: ts.Node; iterable: ts.Expression; path: PathStep[] }
  | { kind: 'loop-keys'; node: ts.Node; object: ts.Expression }
  /** `iterable.forEach((x) => …)`: `scope` is the callback. */
  | { kind: 'callback'; node: ts.Node; scope: ts.Node; iterable: ts.Expression; path: PathStep[] }
  | { kind: 'function'; node: ts.Node }
  | { kind: 'enum'; node: ts.EnumDeclaration }
  | { kind: 'class'; node: ts.ClassLikeDeclaration }
  | { kind: 'import'; node: ts.Node; module: string; name: string }
  /** A local module imported whole (`import * as api from './api'`); only `followBinding` makes these. */
  | { kind: 'namespace'; node: ts.Node; rel: string }
  | { kind: 'global'; name: string };

type Table = Map<string, Binding>;

/** Array methods whose first callback parameter is an element of the receiver. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex']);

const tables = new WeakMap<ts.Node, Table | null>();
const resolved = new WeakMap<ts.Identifier, Binding>();

export function bindingOf(id: ts.Identifier): Binding {
  const known = resolved.get(id);
  if (known) return known;
  const name = id.text;
  let found: Binding | undefined;
  for (let node: ts.Node | undefined = id.parent; node && !found; node = node.parent) found = tableOf(node)?.get(name);
  const b = found ?? { kind: 'global', name };
  resolved.set(id, b);
  return b;
}

/** Kinds of node that declare names for the code inside them. */
const SCOPE_KINDS = new Set([
  ts.SyntaxKind.SourceFile,
  ts.SyntaxKind.Block,
  ts.SyntaxKind.ModuleBlock,
  ts.SyntaxKind.CaseBlock,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.CatchClause,
]);

/** The names a node declares for the code inside it, or null when it is not a scope. */
function tableOf(scope: ts.Node): Table | null {
  if (!SCOPE_KINDS.has(scope.kind)) return null;
  let t = tables.get(scope);
  if (t === undefined) {
    t = buildTable(scope);
    tables.set(scope, t);
  }
  return t;
}

function buildTable(scope: ts.Node): Table | null {
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) return statementTable(scope.statements);
  if (ts.isCaseBlock(scope)) return statementTable(scope.clauses.flatMap((c) => [...c.statements]));
  if (isFunctionLike(scope)) {
    const t: Table = new Map();
    // Parameters are visible in the body and in later parameters' defaults.
    scope.parameters.forEach((p, i) => {
      for (const hit of patternNames(p.name, [])) setFirst(t, hit.name, paramBinding(scope, p, i, hit.node, hit.path));
    });
    if (ts.isFunctionExpression(scope) && scope.name) setFirst(t, scope.name.text, { kind: 'function', node: scope });
    return t;
  }
  if (ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const t: Table = new Map();
    const init = scope.initializer;
    if (ts.isVariableDeclarationList(init)) {
      for (const decl of init.declarations) {
        for (const hit of patternNames(decl.name, [])) {
          if (ts.isForOfStatement(scope)) setFirst(t, hit.name, { kind: 'loop', node: hit.node, scope, iterable: scope.expression, path: hit.path });
          else setFirst(t, hit.name, hit.path.length === 0 ? { kind: 'loop-keys', node: hit.node, object: scope.expression } : { kind: 'mutable', node: hit.node });
        }
      }
    }
    return t;
  }
  if (ts.isForStatement(scope)) {
    const t: Table = new Map();
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init)) for (const decl of init.declarations) for (const hit of patternNames(decl.name, [])) setFirst(t, hit.name, { kind: 'mutable', node: hit.node });
    return t;
  }
  if (ts.isCatchClause(scope)) {
    const t: Table = new Map();
    const decl = scope.variableDeclaration;
    if (decl) for (const hit of patternNames(decl.name, [])) setFirst(t, hit.name, { kind: 'mutable', node: decl });
    return t;
  }
  return null;
}

function setFirst(t: Table, name: string, b: Binding): void {
  if (!t.has(name)) t.set(name, b);
}

function paramBinding(fn: FunctionLikeNode, p: ts.ParameterDeclaration, index: number, node: ts.Node, path: PathStep[]): Binding {
  const parent = fn.parent;
  if (index === 0 && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isCallExpression(parent) && parent.arguments[0] === fn) {
    const callee = parent.expression;
    if (ts.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.name.text)) {
      return { kind: 'callback', node, scope: fn, iterable: callee.expression, path };
    }
  }
  return { kind: 'param', node, fn, index, path, initializer: p.initializer };
}

function statementTable(statements: readonly ts.Node[]): Table {
  const t: Table = new Map();
  for (const st of statements) {
    for (const [name, b] of statementBindings(st)) {
      const prev = t.get(name);
      // An overloaded function: the declaration with a body is the one that runs.
      if (prev?.kind === 'function' && b.kind === 'function' && !(prev.node as ts.FunctionDeclaration).body) t.set(name, b);
      else setFirst(t, name, b);
    }
  }
  return t;
}

/** `const x = require('./m')` (the module whole) and `const { a, b: c } = require('./m')`: CommonJS imports. */
function requireBindings(decl: ts.VariableDeclaration): [string, Binding][] | undefined {
  const init = decl.initializer;
  if (!init || !ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== 'require') return undefined;
  const spec = init.arguments[0];
  if (!spec || !ts.isStringLiteral(spec)) return undefined;
  const module = spec.text;
  if (ts.isIdentifier(decl.name)) return [[decl.name.text, { kind: 'import', node: decl.name, module, name: '*' }]];
  if (!ts.isObjectBindingPattern(decl.name)) return undefined;
  const out: [string, Binding][] = [];
  for (const el of decl.name.elements) {
    const prop = el.propertyName ?? el.name;
    if (el.dotDotDotToken || !ts.isIdentifier(el.name) || !ts.isIdentifier(prop)) return undefined;
    out.push([el.name.text, { kind: 'import', node: el, module, name: prop.text }]);
  }
  return out;
}

/** The names one statement declares. */
export function statementBindings(st: ts.Node): [string, Binding][] {
  const out: [string, Binding][] = [];
  if (ts.isVariableStatement(st)) {
    // `declare const window: …` describes a global; it has no value to follow.
    if (st.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return out;
    const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
    for (const decl of st.declarationList.declarations) {
      const required = isConst ? requireBindings(decl) : undefined;
      if (required) {
        out.push(...required);
        continue;
      }
      for (const hit of patternNames(decl.name, [])) {
        out.push([hit.name, isConst ? { kind: 'const', node: hit.node, init: decl.initializer, path: hit.path } : { kind: 'mutable', node: hit.node }]);
      }
    }
  } else if (ts.isFunctionDeclaration(st)) {
    if (st.name) out.push([st.name.text, { kind: 'function', node: st }]);
  } else if (ts.isClassDeclaration(st)) {
    if (st.name) out.push([st.name.text, { kind: 'class', node: st }]);
  } else if (ts.isEnumDeclaration(st)) {
    out.push([st.name.text, { kind: 'enum', node: st }]);
  } else if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
    const module = st.moduleSpecifier.text;
    const clause = st.importClause;
    if (clause?.name) out.push([clause.name.text, { kind: 'import', node: clause.name, module, name: 'default' }]);
    const nb = clause?.namedBindings;
    if (nb && ts.isNamespaceImport(nb)) out.push([nb.name.text, { kind: 'import', node: nb.name, module, name: '*' }]);
    else if (nb) for (const el of nb.elements) out.push([el.name.text, { kind: 'import', node: el, module, name: (el.propertyName ?? el.name).text }]);
  }
  return out;
}

/** The binding `name` has among some statements (as declared at their level), or undefined. */
export function inStatements(statements: readonly ts.Node[], name: string): Binding | undefined {
  for (const st of statements) for (const [n, b] of statementBindings(st)) if (n === name) return b;
  return undefined;
}

/** The names a module file declares at its top level. */
export function topLevel(sf: ts.SourceFile, name: string): Binding | undefined {
  return tableOf(sf)?.get(name);
}

/** Every name inside a binding name (identifier or destructuring pattern), with the path to it. */
export function patternNames(pattern: ts.BindingName, path: PathStep[]): { name: string; node: ts.Node; path: PathStep[] }[] {
  if (ts.isIdentifier(pattern)) return [{ name: pattern.text, node: pattern, path }];
  const out: { name: string; node: ts.Node; path: PathStep[] }[] = [];
  if (ts.isObjectBindingPattern(pattern)) {
    for (const el of pattern.elements) {
      const key = el.propertyName ? (propertyNameText(el.propertyName) ?? '?') : ts.isIdentifier(el.name) ? el.name.text : '?';
      const step: PathStep = el.dotDotDotToken ? { rest: true } : { prop: key };
      out.push(...patternNames(el.name, [...path, step]));
    }
  } else {
    pattern.elements.forEach((el, i) => {
      if (ts.isOmittedExpression(el)) return;
      const step: PathStep = el.dotDotDotToken ? { rest: true } : { index: i };
      out.push(...patternNames(el.name, [...path, step]));
    });
  }
  return out;
}

/** The declaring node of a binding (undefined for a global). */
export function declarationOf(b: Binding): ts.Node | undefined {
  return b.kind === 'global' ? undefined : b.node;
}

/** The functions around a node, innermost first. */
export function enclosingFunctions(node: ts.Node): FunctionLikeNode[] {
  const out: FunctionLikeNode[] = [];
  for (let n = node.parent; n; n = n.parent) if (isFunctionLike(n)) out.push(n);
  return out;
}

/** A readable name for a function: `callApi`, `Api.call`, `<anonymous>`. */
export function functionName(fn: ts.Node): string {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name) {
    const n = propertyNameText(fn.name);
    if (n) return n;
  }
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent)) && !ts.isComputedPropertyName(parent.name)) {
    return ts.isIdentifier(parent.name) || ts.isStringLiteral(parent.name) || ts.isNumericLiteral(parent.name) ? parent.name.text : parent.name.getText();
  }
  return '<anonymous>';
}

/** The class whose `this` a node sees: the class around it, through arrow functions but not other functions. */
export function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (ts.isClassDeclaration(n) || ts.isClassExpression(n)) return n;
    if (ts.isFunctionDeclaration(n) || ts.isFunctionExpression(n)) return undefined;
  }
  return undefined;
}
