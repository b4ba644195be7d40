/**
 * The frontend scan: Tauri `invoke` calls (with their argument keys and `invoke<T>` result type),
 * `listen`/`once` calls, and `emit`/`emitTo` calls (the frontend produces those events), directly
 * or through wrappers. One walk per file serves every extractor of the group.
 */
import type { EmitFact, Fact, InvokeFact, ListenFact, TsOptions } from '../model.js';
import { CallScanner, locKey, nameExpression, reachMarker, wrapperOf, type DirectMatcher, type Site } from './calls.js';
import type { FileScan } from './driver.js';
import { configuredMatch } from './match.js';
import { functionName } from './scope.js';
import { findAll, ts } from './syntax.js';
import { mayBeTauri, tauriPath } from './tauri.js';
import { locOf, unresolved, type Traced, type WrapperPlaceholder } from './facts.js';
import { Resolver } from './values.js';
import { markupCalls } from './sfc-markup.js';
import type { TsWorkspace } from './workspace.js';

export interface Scanned {
  invoke: FileScan;
  listen: FileScan;
  emit: FileScan;
}

interface State {
  r: Resolver;
  scanner: CallScanner;
  files: Map<string, Scanned>;
}

const states = new WeakMap<TsWorkspace, State>();

function stateOf(ws: TsWorkspace, opts: TsOptions): State {
  let s = states.get(ws);
  if (!s) {
    const r = new Resolver(ws);
    s = { r, scanner: new CallScanner(r, frontendMatcher(opts)), files: new Map() };
    states.set(ws, s);
  }
  return s;
}

export function frontendMatcher(opts: TsOptions): DirectMatcher {
  const modules = new Set(opts.tauriModules);
  return (call, r) => {
    const callee = call.expression;
    const invokeName = configuredMatch(opts.invokeFunctions, callee);
    if (invokeName) return { role: 'invoke', configured: invokeName };
    const listenName = configuredMatch(opts.listenFunctions, callee);
    if (listenName) return { role: 'listen', configured: listenName };
    if (!mayBeTauri(callee, modules)) return undefined;
    const last = tauriPath(callee, r, modules)?.at(-1);
    if (last === 'invoke') return { role: 'invoke' };
    if (last === 'listen' || last === 'once') return { role: 'listen' };
    if (last === 'emit') return { role: 'emit' };
    if (last === 'emitTo') return { role: 'emit', nameArg: 1 };
    return undefined;
  };
}

export function scanFrontendFile(ws: TsWorkspace, file: ts.SourceFile, rel: string, opts: TsOptions): Scanned {
  const state = stateOf(ws, opts);
  const known = state.files.get(rel);
  if (known) return known;
  const { r, scanner } = state;
  r.touched = new Set();
  const invoke: Fact[] = [];
  const listen: Fact[] = [];
  const emit: Fact[] = [];
  for (const call of findAll(file, ts.isCallExpression)) {
    for (const site of scanner.sites(call)) {
      if (site.skipped) invoke.push(reachMarker(site));
      else if (site.role === 'invoke') invoke.push(...invokeFacts(ws, r, site));
      else if (site.role === 'listen') listen.push(...listenFacts(ws, site));
      else if (site.role === 'emit') emit.push(...emitFacts(ws, site));
    }
  }
  // A component's template expressions are not parsed: each Tauri call there is said to be unread.
  for (const u of markupCalls(ws, file, rel, opts)) (u.role === 'invoke' ? invoke : u.role === 'listen' ? listen : emit).push(u);
  const touched = r.touched;
  const scanned = { invoke: { facts: invoke, touched }, listen: { facts: listen, touched }, emit: { facts: emit, touched } };
  state.files.set(rel, scanned);
  return scanned;
}

function trace(site: Site): Traced {
  const t: Traced = {};
  if (site.inner !== site.outer) t.via = locKey(site.inner);
  if (site.configured) t.viaName = site.configured;
  return t;
}

/** The fact for a name that did not resolve: a wrapper's body, or a real unresolved name. */
function unresolvedFact(ws: TsWorkspace, site: Site, role: 'invoke' | 'listen' | 'emit'): Fact {
  if (site.names.ok) throw new Error('resolved');
  const expr = nameExpression(site);
  const fact = unresolved(ws, role, expr, site.outer, site.names);
  const wrapper = wrapperOf(site);
  if (role === 'emit') fact.side = 'frontend';
  if (!wrapper) return { ...fact, ...trace(site) } as Fact;
  return { ...fact, wrapper: { key: locKey(site.inner), name: functionName(wrapper) } } as Fact & WrapperPlaceholder;
}

function invokeFacts(ws: TsWorkspace, r: Resolver, site: Site): Fact[] {
  if (!site.names.ok) return [unresolvedFact(ws, site, 'invoke')];
  const keys = argKeys(r, site);
  const typeArg = site.outer.typeArguments?.[0]?.getText();
  return site.names.value.map((name) => {
    const f: InvokeFact & Traced = { kind: 'invoke', name, loc: locOf(ws, site.outer) };
    if (keys) f.keys = keys;
    if (typeArg) f.resultTypeText = typeArg;
    return { ...f, ...trace(site) };
  });
}

function listenFacts(ws: TsWorkspace, site: Site): Fact[] {
  if (!site.names.ok) return [unresolvedFact(ws, site, 'listen')];
  return site.names.value.map((name): ListenFact & Traced => ({ kind: 'listen', name, side: 'frontend', loc: locOf(ws, site.outer), ...trace(site) }));
}

function emitFacts(ws: TsWorkspace, site: Site): Fact[] {
  if (!site.names.ok) return [unresolvedFact(ws, site, 'emit')];
  return site.names.value.map((name): EmitFact & Traced => ({ kind: 'emit', name, side: 'frontend', loc: locOf(ws, site.outer), ...trace(site) }));
}

/** The keys of invoke's argument object, or undefined when they are not known statically. */
function argKeys(r: Resolver, site: Site): string[] | undefined {
  const arg = site.inner.arguments[1];
  if (!arg || arg.getText() === 'undefined' || r.isMissingArg(arg, site.env)) return [];
  const values = r.values(arg, site.env);
  if (!values.ok) return undefined;
  const keys = new Set<string>();
  for (const v of values.value) {
    if (v.t !== 'obj') return undefined;
    const props = r.entries(v);
    if (!props.ok) return undefined;
    for (const k of props.value.keys()) keys.add(k);
  }
  return [...keys].sort();
}

