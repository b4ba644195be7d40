/**
 * Which `emit` calls of the sidecar are events of the contract. A configured name with a dot
 * (`eventEmitter.emit`) names the app's own emitter: its calls match as written, and so do the
 * `this.emit(…)` calls inside the class that object is made from (`eventEmitter = new AppEmitter()`),
 * so wrapper methods (`emitChunk(…) { this.emit('stream:chunk', …) }`) are followed. A plain name
 * (`emit`) matches any emit, except Node's own event traffic: `process.emit`, servers, sockets,
 * streams, child processes, and in-process buses (an EventEmitter or a bus library's emitter, or
 * a class extending one). Those stay inside the process; they are kept as `internal` emits, so a
 * listen they would satisfy is a warning rather than an error.
 */
import { DEP_ALL_FILES } from '../extract/incremental.js';
import { bindingOf, enclosingClass, type Binding } from './scope.js';
import { baseClass } from './members.js';
import { findAll, ts, unwrap } from './syntax.js';
import type { Resolver } from './values.js';

/** Modules whose emitters stay in the process: Node's own, and in-process event bus libraries. */
const IN_PROCESS = new Set([
  'events', 'net', 'http', 'https', 'http2', 'stream', 'child_process', 'readline', 'tls', 'dgram', 'worker_threads',
  'cluster', 'fs', 'zlib', 'repl', 'inspector', 'ws', 'eventemitter3', 'mitt', 'emittery', 'tiny-emitter', 'nanoevents',
]);
const LISTEN_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const MAX_DEPTH = 8;

export function isInProcessModule(spec: string): boolean {
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec;
  return IN_PROCESS.has(bare) || IN_PROCESS.has(bare.split('/')[0]!);
}

export class Emitters {
  private classes: Map<string, Set<ts.ClassLikeDeclaration>> | undefined;

  constructor(
    private readonly r: Resolver,
    private readonly dotted: readonly string[],
  ) {}

  /** `this.emit(…)` / `super.emit(…)` inside the class of a configured emitter object: the entry's own name, else undefined. */
  thisMatch(callee: ts.Node): string | undefined {
    if (this.dotted.length === 0 || !ts.isPropertyAccessExpression(callee)) return undefined;
    const recv = callee.expression.kind;
    if (recv !== ts.SyntaxKind.ThisKeyword && recv !== ts.SyntaxKind.SuperKeyword) return undefined;
    const own = callee.name.text;
    const cls = enclosingClass(callee);
    if (!cls) return undefined;
    const byEntry = this.emitterClasses();
    // Any file may declare (or stop declaring) such an object: the answer depends on all of them.
    this.r.touched.add(DEP_ALL_FILES);
    for (const entry of this.dotted) if (entry.endsWith(`.${own}`) && byEntry.get(entry)?.has(cls)) return own;
    return undefined;
  }

  /** Why an emit stays in the process (`process`, a server, an in-process bus…), or undefined when it may be an event of the contract. */
  internal(callee: ts.Node): string | undefined {
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    return this.origin(callee.expression, 0);
  }

  private origin(expr: ts.Node, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const e = unwrap(expr);
    if (e.kind === ts.SyntaxKind.ThisKeyword || e.kind === ts.SyntaxKind.SuperKeyword) {
      const cls = enclosingClass(e);
      return cls ? this.extendsInProcess(cls) : undefined;
    }
    if (ts.isIdentifier(e)) {
      if (e.text === 'process' && bindingOf(e).kind === 'global') return 'the Node process';
      return this.fromBinding(bindingOf(e), depth);
    }
    if (ts.isPropertyAccessExpression(e)) {
      const root = this.origin(e.expression, depth + 1);
      if (root === 'the Node process') return root;
      // `this.server.emit(…)`: what the class property holds.
      if (e.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const cls = enclosingClass(e);
        const init = cls ? propertyInit(cls, e.name.text) : undefined;
        return init ? this.origin(init, depth + 1) : undefined;
      }
      return undefined;
    }
    if (ts.isNewExpression(e) || ts.isCallExpression(e)) {
      const from = this.importedFrom(e.expression);
      if (from && isInProcessModule(from)) return `an object from '${from}'`;
      if (ts.isNewExpression(e)) {
        const cls = this.r.classOf(e.expression);
        return cls ? this.extendsInProcess(cls) : undefined;
      }
    }
    return undefined;
  }

  private fromBinding(b: Binding, depth: number): string | undefined {
    if (b.kind === 'import') {
      const t = this.r.followBinding(b);
      return t?.kind === 'import' && isInProcessModule(t.module) ? `an object from '${t.module}'` : undefined;
    }
    if (b.kind === 'const' && b.init && b.path.length === 0) return this.origin(b.init, depth + 1);
    if (b.kind === 'param') {
      // A parameter typed with a type from such a module (`socket: Socket`), or a callback's
      // argument: `server.on('connection', (socket) => …)`, `net.createServer((socket) => …)`.
      const param = b.fn.parameters[b.index];
      const type = param?.type;
      if (type && ts.isTypeReferenceNode(type)) {
        const name = ts.isIdentifier(type.typeName) ? type.typeName : ts.isQualifiedName(type.typeName) ? leftmost(type.typeName) : undefined;
        const from = name ? this.importedFrom(name) : undefined;
        if (from && isInProcessModule(from)) return `a '${from}' object`;
      }
      const call = b.fn.parent;
      if (ts.isCallExpression(call) && call.arguments.some((a) => a === b.fn)) {
        const callee = call.expression;
        if (ts.isPropertyAccessExpression(callee) && LISTEN_METHODS.has(callee.name.text)) return this.origin(callee.expression, depth + 1);
        const from = this.importedFrom(callee);
        if (from && isInProcessModule(from)) return `a callback argument of '${from}'`;
      }
    }
    return undefined;
  }

  /** The module the root of a callee or class expression is imported from (`net` of `net.createServer`). */
  private importedFrom(expr: ts.Node): string | undefined {
    let root = unwrap(expr);
    while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
    if (!ts.isIdentifier(root)) return undefined;
    const b = bindingOf(root);
    if (b.kind !== 'import') return undefined;
    const t = this.r.followBinding(b);
    return t?.kind === 'import' ? t.module : undefined;
  }

  /** `class Bus extends EventEmitter` (directly or through the sources' own classes): what it emits stays in the process. */
  private extendsInProcess(cls: ts.ClassLikeDeclaration): string | undefined {
    for (let c: ts.ClassLikeDeclaration | undefined = cls, i = 0; c && i < MAX_DEPTH; c = baseClass(this.r, c), i++) {
      const ext = c.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
      const from = ext ? this.importedFrom(ext.expression) : undefined;
      if (from && isInProcessModule(from)) return `${cls.name?.text ?? 'a class'}, which extends an emitter from '${from}'`;
    }
    return undefined;
  }

  /** Per dotted entry (`eventEmitter.emit`), the classes its object is made from, with the classes they extend. */
  private emitterClasses(): Map<string, Set<ts.ClassLikeDeclaration>> {
    if (this.classes) return this.classes;
    const classes = new Map<string, Set<ts.ClassLikeDeclaration>>();
    const byName = new Map<string, string[]>();
    for (const entry of this.dotted) {
      const parts = entry.split('.');
      const name = parts[parts.length - 2]!;
      byName.set(name, [...(byName.get(name) ?? []), entry]);
      classes.set(entry, new Set());
    }
    const add = (name: string, cls: ts.ClassLikeDeclaration | undefined) => {
      if (!cls) return;
      for (const entry of byName.get(name) ?? []) {
        const set = classes.get(entry)!;
        for (let c: ts.ClassLikeDeclaration | undefined = cls, i = 0; c && i < MAX_DEPTH && !set.has(c); c = baseClass(this.r, c), i++) set.add(c);
      }
    };
    const outer = this.r.touched;
    this.r.touched = new Set();
    try {
      for (const rel of this.r.ws.rels()) {
        const sf = this.r.ws.file(rel);
        if (!sf) continue;
        for (const n of findAll(sf, (x) => ts.isVariableDeclaration(x) || ts.isPropertyDeclaration(x) || ts.isParameter(x) || ts.isBinaryExpression(x))) {
          if (ts.isBinaryExpression(n)) {
            if (n.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
            const left = n.left;
            const name = ts.isIdentifier(left) ? left.text : ts.isPropertyAccessExpression(left) ? left.name.text : undefined;
            if (name !== undefined && byName.has(name)) add(name, this.madeFrom(n.right));
            continue;
          }
          const d = n as ts.VariableDeclaration | ts.PropertyDeclaration | ts.ParameterDeclaration;
          const name = ts.isIdentifier(d.name) ? d.name.text : undefined;
          if (name === undefined || !byName.has(name)) continue;
          add(name, d.initializer ? this.madeFrom(d.initializer) : undefined);
          if (d.type && ts.isTypeReferenceNode(d.type) && ts.isIdentifier(d.type.typeName)) add(name, this.r.classOf(d.type.typeName));
        }
      }
    } finally {
      this.r.touched = outer;
    }
    this.classes = classes;
    return classes;
  }

  private madeFrom(expr: ts.Node): ts.ClassLikeDeclaration | undefined {
    const e = unwrap(expr);
    return ts.isNewExpression(e) ? this.r.classOf(e.expression) : undefined;
  }
}

function leftmost(q: ts.QualifiedName): ts.Identifier {
  let n: ts.EntityName = q;
  while (ts.isQualifiedName(n)) n = n.left;
  return n;
}

/** What a class property is set to: its initializer, or `this.name = …` in the constructor. */
function propertyInit(cls: ts.ClassLikeDeclaration, name: string): ts.Node | undefined {
  for (const m of cls.members) {
    if (ts.isPropertyDeclaration(m) && m.initializer && ts.isIdentifier(m.name) && m.name.text === name) return m.initializer;
    if (ts.isConstructorDeclaration(m) && m.body) {
      for (const st of m.body.statements) {
        if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
        const left = st.expression.left;
        if (ts.isPropertyAccessExpression(left) && left.expression.kind === ts.SyntaxKind.ThisKeyword && left.name.text === name) return st.expression.right;
      }
    }
  }
  return undefined;
}
