/**
 * Static evaluation of the expressions that name commands and events. A value is followed
 * through consts, string enums, object constants, arrays iterated in loops, template literals,
 * imports between the group's files, and a wrapper's parameters (bound to the arguments of a
 * call site through an `Env`). Anything else fails with a reason a person can act on.
 */
import { bindingOf, enclosingClass, functionName, type Binding, type PathStep } from './scope.js';
import { isFunctionLike, kindName, ts, unwrap } from './syntax.js';
import type { TsWorkspace } from './workspace.js';
import { entries, items, member } from './members.js';
import { exportBinding, followBinding } from './modules.js';
import { tauriEventsValue } from './tauri-events.js';
import { bindEnv, describe, fail, lookup, MAX_DEPTH, MAX_VALUES, ok, product, short, where, type Env, type Fail, type R, type Value } from './value-types.js';

export { bindEnv, short, type Env, type Fail, type R, type Value };

export class Resolver {
  /** Other files of the group consulted since the last reset: what the current file's facts depend on. */
  touched = new Set<string>();
  private depth = 0;

  constructor(readonly ws: TsWorkspace) {}

  /** Every string an expression can evaluate to. */
  strings(expr: ts.Node, env: Env | undefined): R<string[]> {
    const r = this.values(expr, env);
    if (!r.ok) return r;
    const out: string[] = [];
    for (const v of r.value) {
      if (v.t !== 'str') return fail(`\`${short(expr)}\` is ${describe(v)}, not a string`);
      out.push(v.v);
    }
    return ok([...new Set(out)]);
  }

  values(expr: ts.Node, env: Env | undefined): R<Value[]> {
    if (++this.depth > MAX_DEPTH) {
      this.depth--;
      return fail(`\`${short(expr)}\` goes through too many steps to follow`);
    }
    try {
      return this.valuesInner(unwrap(expr), env);
    } finally {
      this.depth--;
    }
  }

  private valuesInner(e: ts.Node, env: Env | undefined): R<Value[]> {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return ok([{ t: 'str', v: e.text }]);
    if (ts.isTemplateExpression(e)) return this.template(e, env);
    if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const l = this.strings(e.left, env);
      if (!l.ok) return l;
      const r = this.strings(e.right, env);
      if (!r.ok) return { ...r, prefix: l.value.length === 1 ? l.value[0] : undefined };
      return ok(product([l.value, r.value]).map((v) => ({ t: 'str', v })));
    }
    if (ts.isConditionalExpression(e)) return this.union([e.whenTrue, e.whenFalse], env);
    if (ts.isObjectLiteralExpression(e)) return ok([{ t: 'obj', node: e, env }]);
    if (ts.isArrayLiteralExpression(e)) return ok([{ t: 'arr', node: e, env }]);
    if (isFunctionLike(e)) return ok([{ t: 'fn', node: e, env }]);
    if (ts.isNumericLiteral(e)) return ok([{ t: 'opaque', what: 'a number' }]);
    if (ts.isIdentifier(e)) return this.deref(e.text, bindingOf(e), env);
    if (ts.isPropertyAccessExpression(e)) {
      const recv = this.values(e.expression, env);
      return recv.ok ? this.flatMap(recv.value, (v) => this.member(v, e.name.text, short(e))) : recv;
    }
    if (ts.isElementAccessExpression(e)) {
      const a = unwrap(e.argumentExpression);
      const keys: R<(string | number)[]> = ts.isNumericLiteral(a) ? ok([Number(a.text)]) : this.strings(a, env);
      if (!keys.ok) return keys;
      const recv = this.values(e.expression, env);
      if (!recv.ok) return recv;
      return this.flatMap(recv.value, (v) => this.flatMap(keys.value, (k) => this.member(v, k, short(e))));
    }
    if (ts.isCallExpression(e)) return this.call(e, env);
    if (e.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(e);
      return cls ? ok([{ t: 'instance', cls }]) : fail('`this` outside a class method');
    }
    if (ts.isNewExpression(e)) {
      const cls = this.classOf(e.expression);
      return cls ? ok([{ t: 'instance', cls }]) : fail(`\`${short(e)}\` makes an object of a class not declared in the scanned sources`);
    }
    return fail(`\`${short(e)}\` is computed at run time (${kindName(e)})`);
  }

  private template(e: ts.TemplateExpression, env: Env | undefined): R<Value[]> {
    const head = e.head.text;
    const parts: string[][] = [[head]];
    let known = head;
    for (const span of e.templateSpans) {
      const r = this.strings(span.expression, env);
      if (!r.ok) return { ...r, prefix: known || undefined };
      parts.push(r.value, [span.literal.text]);
      known += r.value.length === 1 ? r.value[0]! + span.literal.text : '';
    }
    const all = product(parts);
    if (all.length > MAX_VALUES) return fail(`\`${short(e)}\` has more than ${MAX_VALUES} possible values`);
    return ok(all.map((v) => ({ t: 'str', v })));
  }

  private call(e: ts.CallExpression, env: Env | undefined): R<Value[]> {
    const callee = builtinName(e.expression);
    const arg = e.arguments[0];
    if (arg && (callee === 'Object.freeze' || callee === 'String')) return this.values(arg, env);
    if (arg && (callee === 'Object.keys' || callee === 'Object.values' || callee === 'Object.entries')) {
      const objs = this.values(arg, env);
      if (!objs.ok) return objs;
      const items: Value[] = [];
      for (const o of objs.value) {
        const props = this.entries(o);
        if (!props.ok) return props;
        for (const [k, v] of props.value) {
          if (callee === 'Object.keys') items.push({ t: 'str', v: k });
          else if (callee === 'Object.values') items.push(...v);
          else for (const one of v) items.push({ t: 'list', items: [{ t: 'str', v: k }, one] });
        }
      }
      return ok([{ t: 'list', items }]);
    }
    // `obj.method.bind(obj)`: the same function, with `this` fixed.
    const c = unwrap(e.expression);
    if (ts.isPropertyAccessExpression(c) && c.name.text === 'bind') {
      const fns = this.values(c.expression, env);
      if (fns.ok && fns.value.length > 0 && fns.value.every((v) => v.t === 'fn')) return fns;
    }
    return fail(`\`${short(e)}\` is the result of a call, known only at run time`);
  }

  /** The value of what an identifier is bound to. */
  deref(name: string, b: Binding, env: Env | undefined): R<Value[]> {
    switch (b.kind) {
      case 'const':
        if (!b.init) return fail(`\`${name}\` is declared without a value`);
        return this.path(this.values(b.init, env), b.path);
      case 'param': {
        const site = lookup(env, b.fn);
        if (!site?.call) return fail(`\`${name}\` is a parameter of ${functionName(b.fn)}(); no call passes it a known value`, { param: { fn: b.fn, name } });
        const arg = site.call.arguments[b.index];
        if (arg && ts.isSpreadElement(arg)) return fail(`\`${name}\` comes from a spread argument`);
        if (!arg) return b.initializer ? this.path(this.values(b.initializer, env), b.path) : fail(`no argument for \`${name}\` at ${where(site.call)}`);
        return this.path(this.values(arg, site.outer), b.path);
      }
      case 'loop':
      case 'callback': {
        const bound = lookup(env, b.scope);
        if (bound?.element) return this.path(ok([bound.element]), b.path);
        const it = this.values(b.iterable, env);
        if (!it.ok) return it;
        return this.path(this.flatMap(it.value, (v) => this.items(v)), b.path);
      }
      case 'loop-keys': {
        const objs = this.values(b.object, env);
        if (!objs.ok) return objs;
        return this.flatMap(objs.value, (o) => {
          const props = this.entries(o);
          return props.ok ? ok([...props.value.keys()].map((v): Value => ({ t: 'str', v }))) : props;
        });
      }
      case 'function':
        return ok([{ t: 'fn', node: b.node, env: undefined }]);
      case 'enum':
        return ok([{ t: 'enum', node: b.node }]);
      case 'import': {
        const target = this.followBinding(b);
        if (!target) return fail(`\`${name}\` is imported from "${b.module}", which does not parse or does not export it`);
        if (target.kind === 'import') {
          // Tauri's enum of its built-in events is known without reading the package.
          const builtin = tauriEventsValue(target.module, target.name);
          return builtin ? ok([builtin]) : fail(`\`${name}\` is imported from "${target.module}", outside the scanned sources`);
        }
        return this.deref(name, target, undefined);
      }
      case 'namespace':
        return ok([{ t: 'module', rel: b.rel }]);
      case 'mutable':
        return fail(`\`${name}\` is a variable that can change (let/var), so its value is known only at run time`);
      case 'class':
        return fail(`\`${name}\` is a class`);
      case 'global':
        return fail(`\`${name}\` is not declared in the scanned sources`);
    }
  }

  /** The class declaration an expression names (`Bus`, an imported class), followed through imports. */
  classOf(expr: ts.Node): ts.ClassLikeDeclaration | undefined {
    const e = unwrap(expr);
    if (ts.isClassExpression(e)) return e;
    if (!ts.isIdentifier(e)) return undefined;
    let b: Binding | undefined = bindingOf(e);
    if (b.kind === 'import') b = this.followBinding(b);
    if (b?.kind === 'class') return b.node;
    if (b?.kind === 'const' && b.init && b.path.length === 0) return this.classOf(b.init);
    return undefined;
  }

  /** The expression a node stands for at a call site: a wrapper's parameter is the caller's argument. */
  argNode(node: ts.Node, env: Env | undefined): ts.Node {
    let n = unwrap(node);
    let e = env;
    for (let i = 0; i < MAX_DEPTH && ts.isIdentifier(n); i++) {
      const b = bindingOf(n);
      if (b.kind !== 'param' || b.path.length > 0) break;
      const site = lookup(e, b.fn);
      const arg = site?.call?.arguments[b.index];
      if (!site || !arg || ts.isSpreadElement(arg)) break;
      n = unwrap(arg);
      e = site.outer;
    }
    return n;
  }

  /**
   * One env per element when an expression comes from a loop variable (`for (const [name, fn] of
   * Object.entries(map))`), so values taken from the same element stay together; else undefined.
   */
  perElement(expr: ts.Node, env: Env | undefined): Env[] | undefined {
    let n = unwrap(expr);
    while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) n = unwrap(n.expression);
    if (!ts.isIdentifier(n)) return undefined;
    const b = bindingOf(n);
    if ((b.kind !== 'loop' && b.kind !== 'callback') || lookup(env, b.scope)) return undefined;
    const it = this.values(b.iterable, env);
    if (!it.ok) return undefined;
    const items = this.flatMap(it.value, (v) => this.items(v));
    if (!items.ok) return undefined;
    return items.value.map((element) => ({ fn: b.scope, element, outer: env }));
  }

  /** Whether a node is a wrapper parameter its caller left out (and that has no default). */
  isMissingArg(node: ts.Node, env: Env | undefined): boolean {
    const n = unwrap(node);
    if (!ts.isIdentifier(n)) return false;
    const b = bindingOf(n);
    if (b.kind !== 'param' || b.path.length > 0 || b.initializer) return false;
    const site = lookup(env, b.fn);
    if (!site?.call) return false;
    const arg = site.call.arguments[b.index];
    return arg === undefined || this.isMissingArg(arg, site.outer);
  }

  followBinding(b: Binding): Binding | undefined {
    return followBinding(this.ws, this.touched, b);
  }

  exportBinding(file: ts.SourceFile, name: string, hops: number): Binding | undefined {
    return exportBinding(this.ws, this.touched, file, name, hops);
  }

  member(v: Value, key: string | number, at: string): R<Value[]> {
    return member(this, v, key, at);
  }

  entries(v: Value): R<Map<string, Value[]>> {
    return entries(this, v);
  }

  items(v: Value): R<Value[]> {
    return items(this, v);
  }

  private path(r: R<Value[]>, path: PathStep[]): R<Value[]> {
    let cur = r;
    for (const step of path) {
      if (!cur.ok) return cur;
      if ('rest' in step) return fail('a value taken with ...rest');
      const key = 'prop' in step ? step.prop : step.index;
      cur = this.flatMap(cur.value, (v) => this.member(v, key, String(key)));
    }
    return cur;
  }

  private union(exprs: ts.Node[], env: Env | undefined): R<Value[]> {
    return this.flatMap(exprs, (e) => this.values(e, env));
  }

  flatMap<T>(items: readonly T[], fn: (item: T) => R<Value[]>): R<Value[]> {
    const out: Value[] = [];
    for (const item of items) {
      const r = fn(item);
      if (!r.ok) return r;
      out.push(...r.value);
      if (out.length > MAX_VALUES) return fail(`more than ${MAX_VALUES} possible values`);
    }
    return ok(out);
  }
}


/** `String`, `Object.keys`, …: the global functions static evaluation understands, by name. */
function builtinName(callee: ts.Node): string | undefined {
  const c = unwrap(callee);
  if (ts.isIdentifier(c)) return c.text === 'String' ? c.text : undefined;
  if (ts.isPropertyAccessExpression(c) && ts.isIdentifier(c.expression) && c.expression.text === 'Object') return `Object.${c.name.text}`;
  return undefined;
}
