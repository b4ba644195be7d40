/**
 * Whether a call inside a wrapper is reached for the arguments one call site binds. A wrapper
 * often routes by its name parameter (`if (cmd.startsWith('plugin:')) return invoke(cmd, args);
 * return invoke('rpc', { cmd, args })`): the inner call under a condition that is statically
 * false for a call site's name is not a call that site makes. Conditions understood: `===`,
 * `!==`, `==`, `!=` against strings, `startsWith`/`endsWith`/`includes`, `!`, `&&`, `||`.
 * Anything else counts as "may be taken", so a call is dropped only when it provably is not made.
 */
import { ts, unwrap } from './syntax.js';
import type { Env, Resolver } from './values.js';

type Tri = boolean | undefined;

/** False only when some condition between `fn` and `call` is known to skip `call` for `env`. */
export function reachable(r: Resolver, call: ts.Node, fn: ts.Node, env: Env | undefined): boolean {
  for (let child: ts.Node = call, p = call.parent; p && child !== fn; child = p, p = p.parent) {
    if (ts.isIfStatement(p) && child !== p.expression) {
      const c = evaluate(r, p.expression, env);
      if ((child === p.thenStatement && c === false) || (child === p.elseStatement && c === true)) return false;
    } else if (ts.isConditionalExpression(p) && child !== p.condition) {
      const c = evaluate(r, p.condition, env);
      if ((child === p.whenTrue && c === false) || (child === p.whenFalse && c === true)) return false;
    } else if (ts.isBinaryExpression(p) && child === p.right) {
      const op = p.operatorToken.kind;
      const c = op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken ? evaluate(r, p.left, env) : undefined;
      if ((op === ts.SyntaxKind.AmpersandAmpersandToken && c === false) || (op === ts.SyntaxKind.BarBarToken && c === true)) return false;
    } else if (ts.isBlock(p) || ts.isSourceFile(p) || ts.isCaseClause(p) || ts.isDefaultClause(p)) {
      // `if (cond) return …;` before the call: the call runs only when cond is false.
      for (const st of p.statements) {
        if (st === child) break;
        if (ts.isIfStatement(st) && !st.elseStatement && exits(st.thenStatement) && evaluate(r, st.expression, env) === true) return false;
      }
    }
  }
  return true;
}

function exits(st: ts.Statement): boolean {
  if (ts.isReturnStatement(st) || ts.isThrowStatement(st)) return true;
  if (ts.isBlock(st)) {
    const last = st.statements.at(-1);
    return last !== undefined && (ts.isReturnStatement(last) || ts.isThrowStatement(last));
  }
  return false;
}

function evaluate(r: Resolver, cond: ts.Node, env: Env | undefined): Tri {
  const e = unwrap(cond);
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) {
    const v = evaluate(r, e.operand, env);
    return v === undefined ? undefined : !v;
  }
  if (ts.isBinaryExpression(e)) {
    const op = e.operatorToken.kind;
    if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.BarBarToken) {
      const [a, b] = [evaluate(r, e.left, env), evaluate(r, e.right, env)];
      if (op === ts.SyntaxKind.AmpersandAmpersandToken) return a === false || b === false ? false : a === true && b === true ? true : undefined;
      return a === true || b === true ? true : a === false && b === false ? false : undefined;
    }
    const negated = op === ts.SyntaxKind.ExclamationEqualsEqualsToken || op === ts.SyntaxKind.ExclamationEqualsToken;
    if (negated || op === ts.SyntaxKind.EqualsEqualsEqualsToken || op === ts.SyntaxKind.EqualsEqualsToken) {
      const v = overPairs(r, e.left, e.right, env, (x, y) => x === y);
      return v === undefined ? undefined : negated ? !v : v;
    }
    return undefined;
  }
  if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.arguments.length === 1) {
    const method = e.expression.name.text;
    const test = method === 'startsWith' ? (x: string, y: string) => x.startsWith(y) : method === 'endsWith' ? (x: string, y: string) => x.endsWith(y) : method === 'includes' ? (x: string, y: string) => x.includes(y) : undefined;
    return test ? overPairs(r, e.expression.expression, e.arguments[0]!, env, test) : undefined;
  }
  return undefined;
}

/** True when `test` holds for every pair of values the two sides can have, false when for none. */
function overPairs(r: Resolver, left: ts.Node, right: ts.Node, env: Env | undefined, test: (x: string, y: string) => boolean): Tri {
  const a = r.strings(left, env);
  if (!a.ok) return undefined;
  const b = r.strings(right, env);
  if (!b.ok) return undefined;
  let any = false;
  let all = true;
  for (const x of a.value) for (const y of b.value) (test(x, y) ? (any = true) : (all = false));
  return all ? true : any ? undefined : false;
}
