/**
 * A handler that dispatches many operations by a name it is sent (`registerHandler('rpc', (p) =>
 * ops[p.method](p.args))`, or a `switch (p.op)` on a discriminant the config does not name) hides
 * those operations from the manifest. It is reported as such, so the miss is visible.
 */
import type { UnresolvedFact } from '../model.js';
import { locOf } from './facts.js';
import { calleeText } from './match.js';
import { bindingOf, type Binding } from './scope.js';
import { findAll, isFunctionLike, ts, unwrap } from './syntax.js';
import { short } from './value-types.js';
import type { TsWorkspace } from './workspace.js';

export function dispatchFact(ws: TsWorkspace, name: string, handler: ts.Node, discriminants: readonly string[]): UnresolvedFact | undefined {
  if (!isFunctionLike(handler) || !handler.body) return undefined;
  const fromParams = (e: ts.Node) => comesFromParams(e, handler, 0);
  for (const n of findAll(handler.body, (x) => ts.isElementAccessExpression(x) || ts.isSwitchStatement(x))) {
    let key: ts.Node | undefined;
    if (ts.isElementAccessExpression(n) && isCalled(n) && !isLiteral(n.argumentExpression)) key = n.argumentExpression;
    else if (ts.isSwitchStatement(n) && !isConfigured(n.expression, discriminants)) key = n.expression;
    if (!key || !fromParams(key)) continue;
    const expr = ts.isSwitchStatement(n) ? n.expression : n;
    return {
      kind: 'unresolved',
      role: 'handler',
      expression: short(expr),
      reason: `sidecar handler '${name}' dispatches operations by name on \`${short(key)}\`; the operations it routes to are not listed in the manifest`,
      loc: locOf(ws, expr),
    };
  }
  return undefined;
}

/** `f[k](…)`, also as `f[k]!(…)` or `(f[k])(…)`. */
function isCalled(n: ts.Node): boolean {
  let e = n;
  while (ts.isNonNullExpression(e.parent) || ts.isParenthesizedExpression(e.parent)) e = e.parent;
  return ts.isCallExpression(e.parent) && e.parent.expression === e;
}

function isLiteral(e: ts.Node): boolean {
  const n = unwrap(e);
  return ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isNumericLiteral(n);
}

function isConfigured(disc: ts.Node, entries: readonly string[]): boolean {
  const text = calleeText(disc);
  const last = ts.isPropertyAccessExpression(disc) ? disc.name.text : ts.isIdentifier(disc) ? disc.text : undefined;
  return entries.some((e) => e === text || e === last || text.endsWith(`.${e}`));
}

/** Whether an expression is read from the handler's params: `params.method`, a name destructured from them, or a const holding one. */
function comesFromParams(expr: ts.Node, handler: ts.Node, depth: number): boolean {
  if (depth > 4) return false;
  let e = unwrap(expr);
  while (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) e = unwrap(e.expression);
  if (!ts.isIdentifier(e)) return false;
  const b: Binding = bindingOf(e);
  if (b.kind === 'param') return b.fn === handler && b.index === 0;
  if (b.kind === 'const' && b.init) return comesFromParams(b.init, handler, depth + 1);
  return false;
}
