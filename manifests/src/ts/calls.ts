/**
 * Finds the calls that matter (invoke, listen, emit, handler registration), directly or through
 * wrappers the sources define. A wrapper is a function whose body makes such a call with a name
 * taken from one of its own parameters; each call of the wrapper is then a call of the inner
 * function, its arguments bound to the wrapper's parameters. Wrappers of wrappers nest.
 */
import type { ReachMarker } from '../extract/wrappers.js';
import type { Fact } from '../model.js';
import { reachable } from './guards.js';
import { enclosingFunctions, functionName } from './scope.js';
import { findAll, lineColumn, ts } from './syntax.js';
import { bindEnv, type Env, type R, type Resolver } from './values.js';

type CallExpression = ts.CallExpression;
type Node = ts.Node;

export type Role = 'invoke' | 'listen' | 'emit' | 'register';

export interface DirectMatch {
  role: Role;
  /** Set when the callee matched a configured name rather than its origin. */
  configured?: string;
  /** Which argument is the name (default 0: `emitTo(target, name, …)` has it second). */
  nameArg?: number;
  /** An emit that stays in the process (Node's own event traffic), and why. */
  internal?: string;
}

export type DirectMatcher = (call: CallExpression, r: Resolver) => DirectMatch | undefined;

/** One call of a role, reached from a call in a scanned file. */
export interface Site {
  role: Role;
  /** The call in the scanned file: where the fact is reported. */
  outer: CallExpression;
  /** The role's own call, and the bindings its arguments are read in. */
  inner: CallExpression;
  env: Env | undefined;
  names: R<string[]>;
  configured?: string;
  /** Which argument of `inner` is the name. */
  nameArg: number;
  /** A wrapper's inner call this call site does not reach (a condition on the name skips it). */
  skipped?: true;
  internal?: string;
}

const MAX_NESTING = 8;

export class CallScanner {
  private readonly wrappers = new Map<Node, { calls: CallExpression[]; touched: Set<string> } | 'busy'>();

  constructor(
    private readonly r: Resolver,
    private readonly match: DirectMatcher,
  ) {}

  /** Every role call a call of the scanned file reaches (none for most calls). */
  sites(call: CallExpression): Site[] {
    return this.expand(call, undefined, 0).map((s) => ({ ...s, outer: call }));
  }

  private expand(call: CallExpression, env: Env | undefined, depth: number): Site[] {
    const m = this.match(call, this.r);
    if (m) {
      const index = m.nameArg ?? 0;
      const nameArg = call.arguments[index];
      const names: R<string[]> = nameArg ? this.r.strings(nameArg, env) : { ok: false, reason: index ? `the call has no argument ${index + 1} (the name)` : 'the call has no arguments' };
      return [{ role: m.role, outer: call, inner: call, env, names, nameArg: index, ...(m.configured ? { configured: m.configured } : {}), ...(m.internal ? { internal: m.internal } : {}) }];
    }
    if (depth >= MAX_NESTING || call.arguments.length === 0) return [];
    const fn = this.calleeFunction(call, env);
    if (!fn) return [];
    const inner = this.wrapperCalls(fn);
    if (inner.length === 0) return [];
    const bound = bindEnv(fn, call, env);
    return inner.flatMap((ic) => {
      if (reachable(this.r, ic, fn, bound)) return this.expand(ic, bound, depth + 1);
      const m = this.match(ic, this.r);
      return m ? [{ role: m.role, outer: call, inner: ic, env: bound, names: { ok: false, reason: 'not reached from this call' }, nameArg: m.nameArg ?? 0, skipped: true as const }] : [];
    });
  }

  /** The local function a call goes to, when it can be told without the type checker. */
  private calleeFunction(call: CallExpression, env: Env | undefined): Node | undefined {
    const callee = call.expression;
    if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
    const v = this.r.values(callee, env);
    if (!v.ok) return undefined;
    const fn = v.value.find((x) => x.t === 'fn');
    return fn && fn.t === 'fn' ? fn.node : undefined;
  }

  /** The role calls in a function's body whose name comes from the function's own parameters. */
  private wrapperCalls(fn: Node): CallExpression[] {
    const known = this.wrappers.get(fn);
    if (known === 'busy') return [];
    if (known) {
      for (const t of known.touched) this.r.touched.add(t);
      return known.calls;
    }
    this.wrappers.set(fn, 'busy');
    const outerTouched = this.r.touched;
    this.r.touched = new Set();
    const calls: CallExpression[] = [];
    try {
      for (const c of findAll(fn, ts.isCallExpression)) {
        const sites = this.expand(c, undefined, 1);
        if (sites.some((s) => !s.names.ok && s.names.param?.fn === fn)) calls.push(c);
      }
    } finally {
      const touched = this.r.touched;
      this.r.touched = outerTouched;
      for (const t of touched) outerTouched.add(t);
      this.wrappers.set(fn, { calls, touched });
    }
    return calls;
  }
}

/** When a site's name is a parameter of a function around the call itself, the call is a wrapper's body: its callers say the name. */
export function wrapperOf(site: Site): Node | undefined {
  if (site.names.ok || !site.names.param) return undefined;
  const fn = site.names.param.fn;
  return enclosingFunctions(site.outer).some((f) => f === fn) ? fn : undefined;
}

export function locKey(node: Node): string {
  const { line, column } = lineColumn(node);
  return `${node.getSourceFile().fileName}:${line}:${column}`;
}

export { functionName };

/** The marker for a skipped site: its wrapper's inner call is accounted for. */
export function reachMarker(site: Site): Fact {
  return { kind: 'unresolved', role: 'invoke', expression: '', reason: '', loc: { file: site.outer.getSourceFile().fileName.slice(1), line: 0 }, reached: locKey(site.inner) } as Fact & ReachMarker;
}

/** The expression that names a site, as written where the fact is reported. */
export function nameExpression(site: Site): Node | undefined {
  return site.inner === site.outer ? site.inner.arguments[site.nameArg] : site.outer.arguments[0];
}
