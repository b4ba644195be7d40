/**
 * The corpus counter's TypeScript side across files: module specifiers to files (relative paths,
 * `@/` and `~/` from the nearest package's src, workspace package names), exports through
 * re-exports, wrappers of invoke/listen/emit found to a fixed point, and every site with its name
 * (or why it has none) and its argument keys.
 */
import path from 'node:path';
import { enclosingFn, lineOf, parseTs, scanTs, tauriCallee, ts, unparen } from './ts-scan.mjs';

const posix = path.posix;
const EXTS = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '/index.ts', '/index.tsx', '/index.js', '/index.jsx'];
const NAME_INDEX = { emitTo: 1 };

/** `configured`: the config's invokeFunctions / listenFunctions (`platform.listen` matches the end of a callee). */
export function analyzeTs(texts, packages, configured = { invoke: [], listen: [] }) {
  const files = new Map();
  for (const [rel, text] of texts) files.set(rel, scanTs(parseTs(rel, text)));
  const resolveSpec = specResolver(files, packages);

  const resolveExport = (file, name, seen = new Set()) => {
    if (!file || seen.has(`${file}#${name}`)) return undefined;
    seen.add(`${file}#${name}`);
    const f = files.get(file);
    if (!f) return undefined;
    if (f.exported.has(name) || (name !== 'default' && (f.consts.has(name) || f.objects.has(name)) && !f.imports.has(name))) {
      return f.imports.has(name) ? binding(file, name, seen) : { file, name };
    }
    for (const r of f.reexports) {
      const target = resolveSpec(file, r.spec);
      if (r.names === '*') { const hit = resolveExport(target, name, seen); if (hit) return hit; }
      else for (const e of r.names) if (e.name === name) return e.orig === '*' ? { file: target, name: '*' } : resolveExport(target, e.orig, seen);
    }
    return undefined;
  };
  /** What an identifier in `file` refers to: `{ file, name }` (name '*' for a module namespace). */
  const binding = (file, local, seen) => {
    const imp = files.get(file)?.imports.get(local);
    if (!imp) return { file, name: local };
    const target = resolveSpec(file, imp.spec);
    if (!target) return { external: imp.spec, name: imp.name };
    return imp.name === '*' ? { file: target, name: '*' } : resolveExport(target, imp.name, seen) ?? { file: target, name: imp.name, unexported: true };
  };
  const calleeTarget = (file, call) => {
    const e = unparen(call.expression);
    if (ts.isIdentifier(e)) return binding(file, e.text);
    if (ts.isPropertyAccessExpression(e) && ts.isIdentifier(e.expression)) {
      const ns = binding(file, e.expression.text);
      if (ns?.name === '*' && ns.file) return resolveExport(ns.file, e.name.text);
    }
    return undefined;
  };

  const evalName = (file, node) => evaluate(files, binding, file, node);
  const wrappers = new Map();
  const memberWrappers = [];
  const sites = [];
  const collect = (final) => {
    let grew = false;
    for (const [rel, f] of files) {
      for (const call of f.calls) {
        const direct = tauriCallee(f, call) ?? configuredCallee(configured, call);
        const via = direct ? undefined : wrappers.get(key(calleeTarget(rel, call)));
        if (!direct && !via) continue;
        const role = direct ? direct.role : via.role;
        const nameIdx = direct ? (NAME_INDEX[direct.orig] ?? 0) : via.nameIdx;
        const nameNode = call.arguments[nameIdx];
        const nameId = nameNode && ts.isIdentifier(unparen(nameNode)) ? unparen(nameNode).text : undefined;
        const encl = (nameId && enclosingFn(call, nameId)) || enclosingFn(call);
        const param = nameId ? encl?.params.indexOf(nameId) ?? -1 : -1;
        const argsSpec = direct ? (role === 'invoke' ? argSpec(call.arguments[1], encl) : undefined) : mapArgs(via.args, call, encl);
        if (param >= 0 && encl?.name) {
          if (encl.name.startsWith('.')) { if (final) memberWrappers.push({ file: rel, line: lineOf(f.sf, call), member: encl.name.slice(1), role, nameIdx: param, args: argsSpec }); continue; }
          const k = `${rel}#${encl.name}`;
          if (!wrappers.has(k)) { wrappers.set(k, { file: rel, name: encl.name, role, nameIdx: param, args: argsSpec, line: lineOf(f.sf, call) }); grew = true; }
          continue;
        }
        if (!final) continue;
        const name = param >= 0 ? { dynamic: `parameter ${unparen(nameNode).text} of an unnamed function` } : nameNode ? evalName(rel, nameNode) : { dynamic: '(no name argument)' };
        sites.push({ role, file: rel, line: lineOf(f.sf, call), ...name, via: via && `${via.file}#${via.name}`, window: direct?.window, keys: role === 'invoke' ? keysAt(argsSpec, call) : undefined, callee: call.expression.getText().slice(0, 60) });
      }
    }
    return grew;
  };
  while (collect(false));
  collect(true);
  const dynamicImports = [...files].flatMap(([rel, f]) => f.dynamicTauri.map((line) => ({ file: rel, line })));
  return { files, wrappers: [...wrappers.values()], memberWrappers, sites, dynamicImports, calleeTarget, evalName };
}

const key = (t) => (t?.file ? `${t.file}#${t.name}` : undefined);

function configuredCallee(configured, call) {
  const text = unparen(call.expression).getText().replace(/\s+/g, '');
  for (const role of ['invoke', 'listen']) {
    if (configured[role].some((e) => text === e || text.endsWith(`.${e}`))) return { role, orig: role, configured: true };
  }
  return undefined;
}

/** How a call passes the invoke args on: `{ param }`, `{ keys, spread }`, `{ none }` or `{ unknown }`. */
function argSpec(node, encl) {
  if (!node) return { none: true };
  const n = unparen(node);
  if (ts.isIdentifier(n) && encl && encl.params.includes(n.text)) return { param: encl.params.indexOf(n.text) };
  if (ts.isObjectLiteralExpression(n)) return objectKeys(n);
  return { unknown: n.getText().slice(0, 60) };
}
function mapArgs(spec, call, encl) {
  if (!spec || spec.param === undefined) return spec;
  return argSpec(call.arguments[spec.param], encl);
}
function keysAt(spec) {
  if (!spec) return undefined;
  if (spec.none) return { keys: [] };
  if (spec.keys) return { keys: spec.keys, spread: spec.spread };
  return { unknown: spec.unknown ?? `parameter ${spec.param}` };
}
function objectKeys(obj) {
  const keys = [];
  let spread = false;
  for (const p of obj.properties) {
    if (ts.isSpreadAssignment(p)) spread = true;
    else if (p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) keys.push(p.name.text);
    else spread = true;
  }
  return { keys, spread };
}

/** A name argument: `{ names: [...] }` when static, else `{ dynamic: text }`. */
function evaluate(files, binding, file, node, depth = 0) {
  const n = unparen(node);
  if (ts.isStringLiteralLike(n)) return { names: [n.text] };
  if (depth > 8) return { dynamic: n.getText() };
  if (ts.isConditionalExpression(n)) {
    const a = evaluate(files, binding, file, n.whenTrue, depth + 1);
    const b = evaluate(files, binding, file, n.whenFalse, depth + 1);
    return a.names && b.names ? { names: [...a.names, ...b.names] } : { dynamic: n.getText().slice(0, 80) };
  }
  if (ts.isIdentifier(n)) {
    const t = binding(file, n.text);
    const v = t?.file && files.get(t.file)?.consts.get(t.name);
    return v !== undefined ? { names: [v] } : { dynamic: n.text };
  }
  if (ts.isPropertyAccessExpression(n) || ts.isElementAccessExpression(n)) {
    const chain = [];
    let cur = n;
    while (ts.isPropertyAccessExpression(cur) || (ts.isElementAccessExpression(cur) && ts.isStringLiteralLike(cur.argumentExpression))) {
      chain.unshift(ts.isPropertyAccessExpression(cur) ? cur.name.text : cur.argumentExpression.text);
      cur = unparen(cur.expression);
    }
    if (ts.isIdentifier(cur)) {
      const t = binding(file, cur.text);
      let v = t?.file && files.get(t.file)?.objects.get(t.name);
      for (const k of chain) v = v?.[k];
      if (typeof v === 'string') return { names: [v] };
    }
  }
  return { dynamic: n.getText().replace(/\s+/g, ' ').slice(0, 80) };
}

function specResolver(files, packages) {
  const find = (base) => {
    for (const ext of EXTS) {
      const c = posix.normalize(base + ext);
      if (files.has(c)) return c;
    }
    const noJs = base.replace(/\.(js|jsx|mjs)$/, '');
    return noJs !== base ? find(noJs) : undefined;
  };
  const pkgOf = (rel) => packages.filter((p) => p.dir === '' || rel.startsWith(`${p.dir}/`)).sort((a, b) => b.dir.length - a.dir.length)[0];
  return (from, spec) => {
    if (spec.startsWith('.')) return find(posix.join(posix.dirname(from), spec));
    const alias = /^[@~]\/(.*)$/.exec(spec);
    if (alias) {
      const p = pkgOf(from);
      return p ? find(posix.join(p.dir, 'src', alias[1])) ?? find(posix.join(p.dir, alias[1])) : undefined;
    }
    const pkg = packages.filter((p) => spec === p.name || spec.startsWith(`${p.name}/`)).sort((a, b) => b.name.length - a.name.length)[0];
    if (!pkg) return undefined;
    const sub = spec.slice(pkg.name.length + 1);
    if (!sub) return (pkg.entry && find(posix.join(pkg.dir, pkg.entry))) ?? find(posix.join(pkg.dir, 'src/index')) ?? find(posix.join(pkg.dir, 'index'));
    return find(posix.join(pkg.dir, sub)) ?? find(posix.join(pkg.dir, 'src', sub));
  };
}
