/** The values static evaluation works with, and the bindings of parameters and loop variables to them. */
import { lineColumn, type ts } from './syntax.js';

type Node = ts.Node;

/** Parameters bound to call sites: inside `fn`, its parameters are the arguments of `call`. */
export interface Env {
  /** A function whose parameters are bound, or a loop whose variable is bound to one element. */
  fn: Node;
  call?: ts.CallExpression;
  element?: Value;
  /** Where the call itself sits: its arguments are evaluated there. */
  outer: Env | undefined;
}

export type Value =
  | { t: 'str'; v: string }
  | { t: 'obj'; node: Node; env: Env | undefined }
  | { t: 'arr'; node: Node; env: Env | undefined }
  | { t: 'list'; items: Value[] }
  | { t: 'fn'; node: Node; env: Env | undefined }
  | { t: 'enum'; node: Node }
  | { t: 'module'; rel: string }
  /** An object of a class the sources declare (`new Bus()`, `this` in its methods): its members are the class's. */
  | { t: 'instance'; cls: ts.ClassLikeDeclaration }
  | { t: 'opaque'; what: string };

export interface Fail {
  ok: false;
  reason: string;
  /** Set when the value comes from a parameter no call site binds: the sign of a wrapper. */
  param?: { fn: Node; name: string };
  /** The known start of a template literal whose rest is unknown. */
  prefix?: string;
}
export type R<T> = { ok: true; value: T } | Fail;

export const MAX_DEPTH = 40;
export const MAX_VALUES = 256;
export const ok = <T>(value: T): R<T> => ({ ok: true, value });
export const fail = (reason: string, extra: Partial<Fail> = {}): Fail => ({ ok: false, reason, ...extra });

export function bindEnv(fn: Node, call: Env['call'], callEnv: Env | undefined): Env {
  return { fn, call, outer: callEnv };
}

export function lookup(env: Env | undefined, fn: Node): Env | undefined {
  for (let e = env; e; e = e.outer) if (e.fn === fn) return e;
  return undefined;
}

export function product(parts: string[][]): string[] {
  let acc = [''];
  for (const p of parts) acc = acc.flatMap((a) => p.map((b) => a + b));
  return acc;
}

export function describe(v: Value): string {
  switch (v.t) {
    case 'str': return `the string "${v.v}"`;
    case 'obj': return 'an object';
    case 'arr': case 'list': return 'an array';
    case 'fn': return 'a function';
    case 'enum': return 'an enum';
    case 'module': return `the module ${v.rel}`;
    case 'instance': return `an instance of ${v.cls.name?.text ?? 'a class'}`;
    case 'opaque': return v.what;
  }
}

export function short(node: Node): string {
  // Only the start is shown: normalizing a whole function body's text would cost more than reading it.
  const sf = node.getSourceFile();
  const start = node.getStart(sf);
  const text = sf.text.slice(start, Math.min(node.end, start + 240)).replace(/\s+/g, ' ');
  return text.length > 60 || node.end > start + 240 ? `${text.slice(0, 57)}...` : text;
}

export function where(node: Node): string {
  return `line ${lineColumn(node).line}`;
}
