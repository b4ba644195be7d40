/**
 * Whether a callee is one of Tauri's own functions, decided by where it comes from rather than
 * what it is called: `invoke` imported from `@tauri-apps/api/core` (directly, aliased, through a
 * namespace or a local re-export), `window.__TAURI__.core.invoke`, `getCurrentWindow().listen`.
 * `chain.invoke(…)` of another library is not Tauri's, whatever its name.
 */
import { Node } from 'ts-morph';
import { bindingOf, unwrap, type Binding } from './scope.js';
import type { Resolver } from './values.js';

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self']);
const MAX_DEPTH = 12;

export { DEFAULT_TAURI_MODULES } from './tauri-modules.js';

/** The path from a Tauri module to the value: `['invoke']`, `['core', 'invoke']`, `['getCurrentWindow', '()', 'listen']`; undefined when it is not Tauri's. */
export function tauriPath(expr: Node, r: Resolver, modules: ReadonlySet<string>, depth = 0): string[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let e: Node = unwrap(expr as never);
  if (Node.isAwaitExpression(e)) e = unwrap(e.getExpression());
  if (Node.isIdentifier(e)) {
    const text = e.getText();
    const b = bindingOf(e);
    if (b.kind === 'global') return text.startsWith('__TAURI') ? ['__TAURI__'] : undefined;
    return fromBinding(b, r, modules, depth);
  }
  if (Node.isPropertyAccessExpression(e) || Node.isElementAccessExpression(e)) {
    const name = Node.isPropertyAccessExpression(e) ? e.getName() : literalKey(e.getArgumentExpression());
    if (name === undefined) return undefined;
    const recv = unwrap(e.getExpression());
    if (Node.isIdentifier(recv) && GLOBAL_OBJECTS.has(recv.getText()) && bindingOf(recv).kind === 'global') {
      return name.startsWith('__TAURI') ? ['__TAURI__'] : undefined;
    }
    if (Node.isIdentifier(recv)) {
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
  if (Node.isCallExpression(e)) {
    const base = tauriPath(e.getExpression(), r, modules, depth + 1);
    return base ? [...base, '()'] : undefined;
  }
  return undefined;
}

function fromBinding(b: Binding, r: Resolver, modules: ReadonlySet<string>, depth: number): string[] | undefined {
  const target = b.kind === 'import' ? r.followBinding(b) : b;
  if (!target) return undefined;
  if (target.kind === 'import') {
    if (!modules.has(target.module)) return undefined;
    return target.name === '*' || target.name === 'default' ? [] : [target.name];
  }
  if (target.kind === 'const' && target.init) {
    let path = tauriPath(target.init, r, modules, depth + 1);
    for (const step of target.path) {
      if (!path || !('prop' in step)) return undefined;
      path = [...path, step.prop];
    }
    return path;
  }
  return undefined;
}

function literalKey(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const n = unwrap(node as never);
  return Node.isStringLiteral(n) || Node.isNoSubstitutionTemplateLiteral(n) ? n.getLiteralText() : undefined;
}

/** The expression an object literal (reached through consts) holds under a plain property name. */
function propertyOf(recv: Node, name: string, r: Resolver): Node | undefined {
  const v = r.values(recv, undefined);
  if (!v.ok || v.value.length !== 1) return undefined;
  const obj = v.value[0]!;
  if (obj.t !== 'obj' || !Node.isObjectLiteralExpression(obj.node)) return undefined;
  for (const p of [...obj.node.getProperties()].reverse()) {
    if (Node.isShorthandPropertyAssignment(p) && p.getName() === name) return p.getNameNode();
    if (Node.isPropertyAssignment(p) && p.getName() === name) return p.getInitializer();
  }
  return undefined;
}
