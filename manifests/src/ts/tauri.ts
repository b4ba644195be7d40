/**
 * Whether a callee is one of Tauri's own functions, decided by where it comes from rather than
 * what it is called: `invoke` imported from `@tauri-apps/api/core` (directly, aliased, through a
 * namespace or a local re-export), loaded with `await import('@tauri-apps/api/core')`
 * (destructured, as a namespace, or in `.then(…)`), `window.__TAURI__.core.invoke`,
 * `getCurrentWindow().listen`. `chain.invoke(…)` of another library is not Tauri's, whatever its name.
 */
import { bindingOf, type Binding, type PathStep } from './scope.js';
import { literalText, propertyNameText, ts, unwrap } from './syntax.js';
import type { Resolver } from './values.js';

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);
const MAX_DEPTH = 12;

export { DEFAULT_TAURI_MODULES } from './tauri-modules.js';

/** Tauri's functions the scanners look for, by the name they are exported under. */
export const TAURI_FUNCTIONS: ReadonlySet<string> = new Set(['invoke', 'listen', 'once', 'emit', 'emitTo']);

/**
 * A cheap first look: whether a callee could be one of Tauri's functions at all. Only calls that
 * pass are followed through their bindings (`tauriPath`); most calls of a frontend (`setState`,
 * `console.log`, `items.map`, `useEffect`) are decided by a name-table lookup or two.
 */
export function mayBeTauri(callee: ts.Node, modules: ReadonlySet<string>): boolean {
  const own = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (own === undefined) return false;
  if (TAURI_FUNCTIONS.has(own)) return true;
  let root = callee;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root) || ts.isCallExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return false;
  const b = bindingOf(root);
  // A const may hold Tauri's function under another name (`const api = { call: invoke }`), a
  // local module may re-export it aliased, and `import { invoke as call }` renames it.
  if (b.kind === 'const') return true;
  if (b.kind === 'import') return b.module.startsWith('.') || (root === callee && modules.has(b.module));
  return false;
}

/** The path from a Tauri module to the value: `['invoke']`, `['core', 'invoke']`, `['getCurrentWindow', '()', 'listen']`; undefined when it is not Tauri's. */
export function tauriPath(expr: ts.Node, r: Resolver, modules: ReadonlySet<string>, depth = 0): string[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let e = unwrap(expr);
  if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
  if (ts.isIdentifier(e)) {
    const b = bindingOf(e);
    if (b.kind === 'global') return e.text.startsWith('__TAURI') ? ['__TAURI__'] : undefined;
    return fromBinding(b, r, modules, depth);
  }
  if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
    const name = ts.isPropertyAccessExpression(e) ? e.name.text : literalText(e.argumentExpression);
    if (name === undefined) return undefined;
    const recv = unwrap(e.expression);
    if (ts.isIdentifier(recv) && GLOBAL_OBJECTS.has(recv.text) && bindingOf(recv).kind === 'global') {
      return name.startsWith('__TAURI') ? ['__TAURI__'] : undefined;
    }
    if (ts.isIdentifier(recv)) {
      // `import * as api from './api'`: the member is whatever that module exports under the name.
      const b = r.followBinding(bindingOf(recv));
      if (b?.kind === 'namespace') {
        const file = r.ws.file(b.rel);
        const inner = file ? r.exportBinding(file, name, 0) : undefined;
        return inner ? fromBinding(inner, r, modules, depth + 1) : undefined;
      }
    }
    const base = tauriPath(recv, r, modules, depth + 1);
    if (base) return [...base, name];
    // `const api = { invoke }` (or `{ call: invoke }`): the member is what the property holds.
    const held = propertyOf(recv, name, r);
    return held ? tauriPath(held, r, modules, depth + 1) : undefined;
  }
  if (ts.isCallExpression(e)) {
    // `import('@tauri-apps/api/core')`: the module itself (awaited above, or through `.then`).
    if (e.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const spec = literalText(e.arguments[0]);
      return spec !== undefined && modules.has(spec) ? [] : undefined;
    }
    const base = tauriPath(e.expression, r, modules, depth + 1);
    return base ? [...base, '()'] : undefined;
  }
  return undefined;
}

/** `import('…').then((mod) => …)` / `.then(({ invoke }) => …)`: the callback's parameter is the module. */
function thenOfImport(b: Binding & { kind: 'param' }, r: Resolver, modules: ReadonlySet<string>, depth: number): string[] | undefined {
  const call = b.fn.parent;
  if (b.index !== 0 || !ts.isCallExpression(call) || call.arguments[0] !== b.fn || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'then') return undefined;
  const recv = unwrap(call.expression.expression);
  if (!ts.isCallExpression(recv) || recv.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  return withPath(tauriPath(recv, r, modules, depth + 1), b.path);
}

function withPath(base: string[] | undefined, steps: readonly PathStep[]): string[] | undefined {
  let path = base;
  for (const step of steps) {
    if (!path || !('prop' in step)) return undefined;
    path = [...path, step.prop];
  }
  return path;
}

/** Per declaration: many calls go through the same binding (`setState`, `api`), each followed once. */
const memo = new WeakMap<ts.Node, { modules: ReadonlySet<string>; path: string[] | undefined; touched: string[] }>();

function fromBinding(b: Binding, r: Resolver, modules: ReadonlySet<string>, depth: number): string[] | undefined {
  if (b.kind === 'global') return undefined;
  const known = memo.get(b.node);
  if (known && known.modules === modules) {
    for (const t of known.touched) r.touched.add(t);
    return known.path;
  }
  const outer = r.touched;
  r.touched = new Set();
  let path: string[] | undefined;
  try {
    path = followTauri(b, r, modules, depth);
  } finally {
    const touched = r.touched;
    r.touched = outer;
    for (const t of touched) outer.add(t);
    // A result cut short by the depth limit is not the binding's own: keep it out of the memo.
    if (depth === 0) memo.set(b.node, { modules, path, touched: [...touched] });
  }
  return path;
}

function followTauri(b: Binding, r: Resolver, modules: ReadonlySet<string>, depth: number): string[] | undefined {
  const target = b.kind === 'import' ? r.followBinding(b) : b;
  if (!target) return undefined;
  if (target.kind === 'import') {
    if (!modules.has(target.module)) return undefined;
    return target.name === '*' || target.name === 'default' ? [] : [target.name];
  }
  if (target.kind === 'const' && target.init) return withPath(tauriPath(target.init, r, modules, depth + 1), target.path);
  if (target.kind === 'param') return thenOfImport(target, r, modules, depth);
  return undefined;
}

/**
 * The expression an object literal (reached through consts) holds under a plain property name.
 * Only a name bound to a const or a local module can hold one: anything else (`this.x`, a
 * parameter, a call's result) is not evaluated at all, which keeps ordinary method calls cheap.
 */
function propertyOf(recv: ts.Node, name: string, r: Resolver): ts.Node | undefined {
  let root = recv;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return undefined;
  const b = bindingOf(root);
  if (b.kind !== 'const' && !(b.kind === 'import' && b.module.startsWith('.'))) return undefined;
  const v = r.values(recv, undefined);
  if (!v.ok || v.value.length !== 1) return undefined;
  const obj = v.value[0]!;
  if (obj.t !== 'obj' || !ts.isObjectLiteralExpression(obj.node)) return undefined;
  for (const p of [...obj.node.properties].reverse()) {
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
    if (ts.isPropertyAssignment(p) && propertyNameText(p.name) === name) return p.initializer;
  }
  return undefined;
}
