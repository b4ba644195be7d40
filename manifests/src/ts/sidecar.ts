/**
 * The sidecar scan, in four parts that four extractors report: handlers registered by a call
 * (`registerHandler('name', fn)`), handlers in a router `switch`, handlers in a map object, and
 * emitted events. One walk per file serves them all.
 */
import type { EmitFact, Fact, JsonSchema, TsOptions } from '../model.js';
import { CallScanner, locKey, nameExpression, reachMarker, wrapperOf, type DirectMatcher, type Site } from './calls.js';
import type { FileScan } from './driver.js';
import { locOf, unresolved, type Traced, type WrapperPlaceholder } from './facts.js';
import { dispatchFact } from './dispatch.js';
import { Emitters } from './emitters.js';
import { handlerFact, returnsIn, type HandlerContext, type HandlerTarget } from './handler.js';
import { calleeText, configuredMatch } from './match.js';
import { declarationOf, bindingOf, functionName } from './scope.js';
import { typeToSchema } from './schema.js';
import { findAll, propertyNameText, ts, unwrap } from './syntax.js';
import { Resolver, type Env } from './values.js';
import type { TsWorkspace } from './workspace.js';

export interface SidecarScan {
  registrar: FileScan;
  switch: FileScan;
  map: FileScan;
  emit: FileScan;
}

interface State {
  r: Resolver;
  scanner: CallScanner;
  files: Map<string, SidecarScan>;
}

const states = new WeakMap<TsWorkspace, Map<boolean, State>>();
const PARAM_NAMES = new Set(['params', 'args', 'payload']);

function stateOf(ws: TsWorkspace, opts: TsOptions, schemas: boolean): State {
  let bySchemas = states.get(ws);
  if (!bySchemas) states.set(ws, (bySchemas = new Map()));
  let s = bySchemas.get(schemas);
  if (!s) {
    const r = new Resolver(ws);
    s = { r, scanner: new CallScanner(r, sidecarMatcher(opts, new Emitters(r, opts.emitters.filter((e) => e.includes('.'))))), files: new Map() };
    bySchemas.set(schemas, s);
  }
  return s;
}

function sidecarMatcher(opts: TsOptions, emitters: Emitters): DirectMatcher {
  const dotted = opts.emitters.filter((e) => e.includes('.'));
  const plain = opts.emitters.filter((e) => !e.includes('.'));
  return (call) => {
    const callee = call.expression;
    const reg = configuredMatch(opts.handlerRegistrars, callee);
    if (reg) return { role: 'register', configured: reg };
    // The app's own emitter, named in the config: as written, or `this.emit` inside its class.
    const own = configuredMatch(dotted, callee) ?? emitters.thisMatch(callee);
    if (own) return { role: 'emit', configured: own };
    const any = configuredMatch(plain, callee);
    if (!any) return undefined;
    const internal = emitters.internal(callee);
    return { role: 'emit', configured: any, ...(internal ? { internal } : {}) };
  };
}

export function scanSidecarFile(ws: TsWorkspace, file: ts.SourceFile, rel: string, opts: TsOptions, schemas: boolean): SidecarScan {
  const state = stateOf(ws, opts, schemas);
  const known = state.files.get(rel);
  if (known) return known;
  const { r, scanner } = state;
  r.touched = new Set();
  const hc: HandlerContext = { ws, r, schemas, discriminants: opts.switchDiscriminants };
  const registrar: Fact[] = [];
  const emit: Fact[] = [];
  for (const call of findAll(file, ts.isCallExpression)) {
    for (const site of scanner.sites(call)) {
      if (site.skipped) (site.role === 'register' ? registrar : emit).push(reachMarker(site));
      else if (site.role === 'register') registrar.push(...registrarFacts(hc, site));
      else if (site.role === 'emit') emit.push(...emitFacts(hc, site));
    }
  }
  const sw = switchFacts(hc, file, opts);
  const map = mapFacts(hc, file, opts);
  const touched = r.touched;
  const scan: SidecarScan = {
    registrar: { facts: registrar, touched },
    switch: { facts: sw, touched },
    map: { facts: map, touched },
    emit: { facts: emit, touched },
  };
  state.files.set(rel, scan);
  return scan;
}

function trace(site: Site): Traced {
  const t: Traced = {};
  if (site.inner !== site.outer) t.via = locKey(site.inner);
  if (site.configured) t.viaName = site.configured;
  return t;
}

function unresolvedSite(hc: HandlerContext, site: Site, role: 'handler' | 'emit'): Fact {
  if (site.names.ok) throw new Error('resolved');
  const expr = nameExpression(site);
  const fact = unresolved(hc.ws, role, expr, site.outer, site.names);
  const wrapper = wrapperOf(site);
  if (!wrapper) return { ...fact, ...trace(site) } as Fact;
  return { ...fact, wrapper: { key: locKey(site.inner), name: functionName(wrapper) } } as Fact & WrapperPlaceholder;
}

function registrarFacts(hc: HandlerContext, site: Site): Fact[] {
  if (!site.names.ok) return [unresolvedSite(hc, site, 'handler')];
  const [nameArg, ...rest] = site.inner.arguments;
  const handlerArg = rest[0] ?? rest[rest.length - 1];
  const loc = locOf(hc.ws, site.outer);
  // In a loop over entries, each name goes with the handler of the same element.
  const perElement = nameArg && hc.r.perElement(hc.r.argNode(nameArg, site.env), site.env);
  const envs = perElement || [site.env];
  // A loop whose entries cannot be told apart: every name would get every handler's params merged, so each gets none.
  const merged = !perElement && handlerArg !== undefined && fromLoop(hc.r.argNode(handlerArg, site.env));
  const out: Fact[] = [];
  for (const env of envs) {
    const names = nameArg ? hc.r.strings(nameArg, env) : site.names;
    if (!names.ok) continue;
    const target: HandlerTarget = merged
      ? { kind: 'none', why: 'it is registered in a loop whose entries cannot be read one by one, so which handler goes with this name is not known' }
      : handlerArg ? targetOf(hc, handlerArg, env) : { kind: 'none' };
    for (const name of names.value) out.push({ ...handlerFact(hc, name, loc, target), ...trace(site) }, ...dispatchOf(hc, name, target));
  }
  return out;
}

function emitFacts(hc: HandlerContext, site: Site): Fact[] {
  // Traffic that stays in the process is not the contract: a name it cannot tell is no miss.
  if (!site.names.ok) return site.internal ? [] : [unresolvedSite(hc, site, 'emit')];
  if (site.internal) return site.names.value.map((name): EmitFact & Traced => ({ kind: 'emit', name, side: 'sidecar', loc: locOf(hc.ws, site.outer), internal: site.internal!, ...trace(site) }));
  const args = site.inner.arguments;
  const payloadArg = args.length >= 2 ? hc.r.argNode(args[args.length - 1]!, site.env) : undefined;
  let payload: JsonSchema | undefined;
  if (hc.schemas && payloadArg) {
    const checker = hc.ws.typeChecker();
    payload = typeToSchema(checker, checker.getTypeAtLocation(payloadArg), payloadArg);
  }
  const loc = locOf(hc.ws, site.outer);
  return site.names.value.map((name) => {
    const f: EmitFact & Traced = { kind: 'emit', name, side: 'sidecar', loc, ...trace(site) };
    if (payload) f.payload = payload;
    return f;
  });
}

/** The unresolved fact of a handler that dispatches operations by a name it is sent, if it does. */
function dispatchOf(hc: HandlerContext, name: string, target: HandlerTarget): Fact[] {
  const d = target.kind === 'fn' ? dispatchFact(hc.ws, name, target.node, hc.discriminants) : undefined;
  return d ? [d] : [];
}

/** Whether an expression is (a part of) a loop variable: `fn` of `for (const [name, fn] of …)`, an element of `.forEach(…)`. */
function fromLoop(node: ts.Node): boolean {
  let n = unwrap(node);
  while (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) n = unwrap(n.expression);
  if (!ts.isIdentifier(n)) return false;
  const kind = bindingOf(n).kind;
  return kind === 'loop' || kind === 'callback';
}

/** A handler expression as something to read keys and types from. */
function targetOf(hc: HandlerContext, node: ts.Node, env: Env | undefined): HandlerTarget {
  const v = hc.r.values(node, env);
  const fn = v.ok ? v.value.find((x) => x.t === 'fn') : undefined;
  if (fn && fn.t === 'fn') return { kind: 'fn', node: fn.node };
  const expr = hc.r.argNode(node, env);
  // A loop variable's type is every entry's at once: read as one handler's, it would merge them all.
  if (fromLoop(expr)) return { kind: 'none', why: `it is registered in a loop, and this entry's handler is not a function cutover can follow${v.ok ? '' : ` (${v.reason})`}` };
  return { kind: 'expr', node: expr };
}

function switchFacts(hc: HandlerContext, file: ts.SourceFile, opts: TsOptions): Fact[] {
  const out: Fact[] = [];
  for (const sw of findAll(file, ts.isSwitchStatement)) {
    const disc = sw.expression;
    if (!matchesDiscriminant(opts.switchDiscriminants, disc)) continue;
    const discRecv = ts.isPropertyAccessExpression(disc) ? calleeText(disc.expression) : undefined;
    let pending: ts.Expression[] = [];
    for (const clause of sw.caseBlock.clauses) {
      if (ts.isDefaultClause(clause)) {
        pending = [];
        continue;
      }
      pending.push(clause.expression);
      const statements = clause.statements;
      if (statements.length === 0) continue;
      const labels = pending;
      pending = [];
      const paramRefs = statements.flatMap((st) => paramRefsIn(st, sw, discRecv));
      const target: HandlerTarget = { kind: 'case', paramRefs, returns: returnsIn(statements) };
      for (const label of labels) {
        const names = hc.r.strings(label, undefined);
        if (!names.ok) {
          out.push(unresolved(hc.ws, 'handler', label, label, names));
          continue;
        }
        for (const name of names.value) out.push(handlerFact(hc, name, locOf(hc.ws, label), target));
      }
    }
  }
  return out;
}

function matchesDiscriminant(entries: readonly string[], disc: ts.Node): boolean {
  const text = calleeText(disc);
  const last = ts.isPropertyAccessExpression(disc) ? disc.name.text : ts.isIdentifier(disc) ? disc.text : undefined;
  return entries.some((e) => e === text || e === last || text.endsWith(`.${e}`));
}

/**
 * Where a switch router's params are read: `req.params` when it switches on `req.command`, or a
 * `params`/`args`/`payload` variable declared outside the switch.
 */
function paramRefsIn(st: ts.Node, sw: ts.Node, discRecv: string | undefined): ts.Node[] {
  const out: ts.Node[] = [];
  const candidates = findAll(st, (n) => (ts.isIdentifier(n) && PARAM_NAMES.has(n.text)) || (ts.isPropertyAccessExpression(n) && PARAM_NAMES.has(n.name.text)));
  for (const n of [st, ...candidates]) {
    if (ts.isPropertyAccessExpression(n) && PARAM_NAMES.has(n.name.text) && discRecv !== undefined && calleeText(n.expression) === discRecv) {
      out.push(n);
    } else if (ts.isIdentifier(n) && PARAM_NAMES.has(n.text)) {
      const parent = n.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.name === n) continue;
      const decl = declarationOf(bindingOf(n));
      if (decl && !(decl.pos >= sw.pos && decl.end <= sw.end)) out.push(n);
    }
  }
  return out;
}

function mapFacts(hc: HandlerContext, file: ts.SourceFile, opts: TsOptions): Fact[] {
  if (opts.handlerMaps.length === 0) return [];
  const names = new Set(opts.handlerMaps);
  const out: Fact[] = [];
  const add = (keyNode: ts.Node, key: string | undefined, value: ts.Node | undefined) => {
    let keys: string[];
    if (key !== undefined) keys = [key];
    else {
      const r = hc.r.strings(keyNode, undefined);
      if (!r.ok) {
        out.push(unresolved(hc.ws, 'handler', keyNode, keyNode, r));
        return;
      }
      keys = r.value;
    }
    const target: HandlerTarget = value ? targetOf(hc, value, undefined) : { kind: 'none' };
    for (const k of keys) out.push(handlerFact(hc, k, locOf(hc.ws, keyNode), target), ...dispatchOf(hc, k, target));
  };
  const decls = findAll(file, (n): n is ts.VariableDeclaration => ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && names.has(n.name.text));
  for (const decl of decls) {
    if (!decl.initializer) continue;
    const e = unwrap(decl.initializer);
    if (ts.isObjectLiteralExpression(e)) {
      for (const p of e.properties) {
        if (ts.isPropertyAssignment(p) || ts.isMethodDeclaration(p) || ts.isShorthandPropertyAssignment(p)) {
          const nameNode = p.name;
          const keyNode = ts.isComputedPropertyName(nameNode) ? nameNode.expression : nameNode;
          const value = ts.isPropertyAssignment(p) ? p.initializer : ts.isShorthandPropertyAssignment(p) ? p.name : p;
          add(keyNode, ts.isComputedPropertyName(nameNode) ? undefined : propertyNameText(nameNode), value);
        } else if (ts.isSpreadAssignment(p)) {
          out.push(unresolved(hc.ws, 'handler', p, p, { ok: false, reason: 'handlers spread in from another object are not listed here' }));
        }
      }
    } else if (ts.isNewExpression(e) && e.expression.getText() === 'Map') {
      const list = e.arguments?.[0];
      const entries = list ? unwrap(list) : undefined;
      if (!entries || !ts.isArrayLiteralExpression(entries)) continue;
      for (const pair of entries.elements) {
        const p = unwrap(pair);
        if (!ts.isArrayLiteralExpression(p)) continue;
        const [k, v] = p.elements;
        if (k) add(k, undefined, v);
      }
    }
  }
  const assignments = findAll(file, (n): n is ts.BinaryExpression => ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && (ts.isPropertyAccessExpression(n.left) || ts.isElementAccessExpression(n.left)) && ts.isIdentifier(n.left.expression) && names.has(n.left.expression.text));
  for (const bin of assignments) {
    const left = bin.left;
    if (ts.isPropertyAccessExpression(left)) add(left.name, left.name.text, bin.right);
    else if (ts.isElementAccessExpression(left)) add(left.argumentExpression, undefined, bin.right);
  }
  return out;
}
