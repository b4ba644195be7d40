/**
 * The corpus counter's TypeScript side, per file: the TypeScript compiler's own parser
 * (`ts.createSourceFile`, no type checker) and a plain walk. It finds Tauri's invoke/listen/emit
 * by where they are imported from, the functions that pass one of their parameters on as the name
 * (wrappers), string constants, and every call, so `ts-project.mjs` can follow wrappers across
 * files. Shares no code with cutover's extractors.
 */
import path from 'node:path';
import ts from 'typescript';

/** Tauri JS modules and which of their exports are invoke/listen/emit. */
const TAURI = /^@tauri-apps\/api(\/(core|tauri|event|window|webview|webviewWindow|primitives|helpers\/event))?$/;
const ROLE = { invoke: 'invoke', listen: 'listen', once: 'listen', emit: 'emit', emitTo: 'emit' };
const WINDOW_GETTERS = new Set(['getCurrentWindow', 'getCurrentWebviewWindow', 'getCurrentWebview', 'getCurrent', 'getAllWindows', 'getAllWebviewWindows']);
const WINDOW_OBJECTS = new Set(['appWindow', 'WebviewWindow', 'Window', 'Webview']);
const FN_KINDS = new Set([ts.SyntaxKind.FunctionDeclaration, ts.SyntaxKind.FunctionExpression, ts.SyntaxKind.ArrowFunction, ts.SyntaxKind.MethodDeclaration]);

const kindOf = (file) => ({ '.tsx': ts.ScriptKind.TSX, '.jsx': ts.ScriptKind.JSX, '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS }[path.extname(file)] ?? ts.ScriptKind.TS);

export function parseTs(rel, text) {
  return ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true, kindOf(rel));
}

export const lineOf = (sf, node) => sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
const unparen = (n) => {
  while (n && (ts.isParenthesizedExpression(n) || ts.isAsExpression(n) || ts.isNonNullExpression(n) || ts.isTypeAssertionExpression(n) || ts.isSatisfiesExpression?.(n) || ts.isAwaitExpression(n))) n = n.expression;
  return n;
};

/**
 * The function a node sits in, with the name it is called by (`f`, or `.m` for an object member);
 * with `param`, the nearest enclosing function that has a parameter of that name.
 */
export function enclosingFn(node, param) {
  for (let p = node.parent; p; p = p.parent) {
    if (!FN_KINDS.has(p.kind)) continue;
    if (param && !p.parameters.some((x) => ts.isIdentifier(x.name) && x.name.text === param)) continue;
    let name;
    if (p.name && ts.isIdentifier(p.name)) name = p.name.text;
    else if (p.parent && ts.isVariableDeclaration(p.parent) && ts.isIdentifier(p.parent.name)) name = p.parent.name.text;
    else if (p.parent && ts.isPropertyAssignment(p.parent)) name = `.${p.parent.name.getText()}`;
    const member = ts.isMethodDeclaration(p) || (p.parent && ts.isPropertyAssignment(p.parent));
    return { node: p, name: member && name && !name.startsWith('.') ? `.${name}` : name, params: p.parameters.map((x) => (ts.isIdentifier(x.name) ? x.name.text : x.name.getText())) };
  }
  return undefined;
}

/** Scans imports, exports, constants and Tauri call sites of one file. */
export function scanTs(sf) {
  const imports = new Map();
  const reexports = [];
  const exported = new Set();
  const consts = new Map();
  const objects = new Map();
  const tauri = new Map();
  const windows = new Set();
  const dynamicTauri = [];
  const calls = [];

  const visit = (n) => {
    if (ts.isImportDeclaration(n) && ts.isStringLiteral(n.moduleSpecifier) && n.importClause) {
      const spec = n.moduleSpecifier.text;
      const c = n.importClause;
      if (c.name) imports.set(c.name.text, { spec, name: 'default' });
      const b = c.namedBindings;
      if (b && ts.isNamespaceImport(b)) imports.set(b.name.text, { spec, name: '*' });
      if (b && ts.isNamedImports(b)) for (const e of b.elements) imports.set(e.name.text, { spec, name: (e.propertyName ?? e.name).text });
      if (TAURI.test(spec) && b && ts.isNamedImports(b)) for (const e of b.elements) {
        const orig = (e.propertyName ?? e.name).text;
        if (ROLE[orig]) tauri.set(e.name.text, orig);
        if (WINDOW_GETTERS.has(orig) || WINDOW_OBJECTS.has(orig)) windows.add(e.name.text);
        if (orig === 'event' || orig === 'core' || orig === 'tauri' || orig === 'window' || orig === 'webviewWindow') tauri.set(e.name.text, '*');
      }
      if (TAURI.test(spec) && b && ts.isNamespaceImport(b)) tauri.set(b.name.text, '*');
    }
    if (ts.isExportDeclaration(n) && n.moduleSpecifier && ts.isStringLiteral(n.moduleSpecifier)) {
      reexports.push({ spec: n.moduleSpecifier.text, names: n.exportClause && ts.isNamedExports(n.exportClause) ? n.exportClause.elements.map((e) => ({ name: e.name.text, orig: (e.propertyName ?? e.name).text })) : '*' });
    } else if (ts.isExportDeclaration(n) && n.exportClause && ts.isNamedExports(n.exportClause)) {
      for (const e of n.exportClause.elements) exported.add(e.name.text);
    }
    if ((ts.isFunctionDeclaration(n) || ts.isVariableStatement(n) || ts.isEnumDeclaration(n)) && n.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      if (ts.isVariableStatement(n)) for (const d of n.declarationList.declarations) ts.isIdentifier(d.name) && exported.add(d.name.text);
      else if (n.name) exported.add(n.name.text);
    }
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      const init = unparen(n.initializer);
      if (ts.isStringLiteralLike(init)) consts.set(n.name.text, init.text);
      if (ts.isObjectLiteralExpression(init)) objects.set(n.name.text, objectStrings(init));
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && windows.has(init.expression.text)) windows.add(n.name.text);
      // const { invoke } = await import('@tauri-apps/api/core'), const core = await import(…)
      if (ts.isCallExpression(init) && init.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(init.arguments[0]) && TAURI.test(init.arguments[0].text)) {
        dynamicTauri.push(lineOf(sf, n));
        if (ts.isIdentifier(n.name)) tauri.set(n.name.text, '*');
      }
    }
    if (ts.isVariableDeclaration(n) && ts.isObjectBindingPattern(n.name) && n.initializer) {
      const init = unparen(n.initializer);
      if (ts.isCallExpression(init) && init.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(init.arguments[0]) && TAURI.test(init.arguments[0].text)) {
        dynamicTauri.push(lineOf(sf, n));
        for (const e of n.name.elements) {
          const orig = (e.propertyName ?? e.name).getText();
          if (ROLE[orig] && ts.isIdentifier(e.name)) tauri.set(e.name.text, orig);
        }
      }
    }
    if (ts.isEnumDeclaration(n)) objects.set(n.name.text, Object.fromEntries(n.members.filter((m) => m.initializer && ts.isStringLiteralLike(m.initializer)).map((m) => [m.name.getText(), m.initializer.text])));
    if (ts.isCallExpression(n)) calls.push(n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { sf, imports, reexports, exported, consts, objects, tauri, windows, dynamicTauri, calls };
}

function objectStrings(obj) {
  const out = {};
  for (const p of obj.properties) {
    if (ts.isPropertyAssignment(p)) {
      const v = unparen(p.initializer);
      const key = ts.isIdentifier(p.name) || ts.isStringLiteral(p.name) ? p.name.text : undefined;
      if (key && ts.isStringLiteralLike(v)) out[key] = v.text;
      else if (key && ts.isObjectLiteralExpression(v)) out[key] = objectStrings(v);
    }
  }
  return out;
}

/**
 * What a call's callee is, for a file's own Tauri bindings: `{ role, orig }` for invoke/listen/
 * emit (direct, namespace member, dynamic import member, window object method) or undefined.
 */
export function tauriCallee(file, call) {
  const e = unparen(call.expression);
  if (ts.isIdentifier(e) && file.tauri.has(e.text) && file.tauri.get(e.text) !== '*') {
    const orig = file.tauri.get(e.text);
    return { role: ROLE[orig], orig };
  }
  if (ts.isPropertyAccessExpression(e)) {
    const m = e.name.text;
    const obj = unparen(e.expression);
    if (ROLE[m] && ts.isIdentifier(obj) && file.tauri.get(obj.text) === '*') return { role: ROLE[m], orig: m };
    if (ROLE[m] && ts.isCallExpression(obj) && obj.expression.kind === ts.SyntaxKind.ImportKeyword && ts.isStringLiteral(obj.arguments[0]) && TAURI.test(obj.arguments[0].text)) return { role: ROLE[m], orig: m };
    const windowish = (ts.isIdentifier(obj) && file.windows.has(obj.text)) || (ts.isCallExpression(obj) && ts.isIdentifier(unparen(obj.expression)) && file.windows.has(unparen(obj.expression).text)) || (ts.isCallExpression(obj) && ts.isPropertyAccessExpression(obj.expression) && ts.isIdentifier(obj.expression.expression) && file.windows.has(obj.expression.expression.text));
    if (windowish && (m === 'listen' || m === 'once' || m === 'emit' || m === 'emitTo')) return { role: ROLE[m], orig: m, window: true };
  }
  return undefined;
}

export { ts, unparen };
