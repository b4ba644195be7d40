/** Imports and exports between the group's files, followed syntactically (no type checker). */
import { DEP_FILE_LIST } from '../extract/incremental.js';
import { inStatements, topLevel, type Binding } from './scope.js';
import { hasModifier, isFunctionLike, ts } from './syntax.js';
import type { TsWorkspace } from './workspace.js';

/** Follows an import through the group's files (and re-exports) to what it finally names. */
export function followBinding(ws: TsWorkspace, touched: Set<string>, b: Binding): Binding | undefined {
  let cur = b;
  for (let hops = 0; cur.kind === 'import' && hops < 12; hops++) {
    const rel = ws.resolveModule(ws.relOf(cur.node.getSourceFile()), cur.module);
    if (!rel) {
      // A relative or aliased import that matches no file today may match one tomorrow.
      if (ws.isLocal(ws.relOf(cur.node.getSourceFile()), cur.module)) touched.add(DEP_FILE_LIST);
      return cur;
    }
    touched.add(rel);
    const file = ws.file(rel);
    if (!file) return undefined;
    if (cur.name === '*') return { kind: 'namespace', node: cur.node, rel };
    const next = exportBinding(ws, touched, file, cur.name, 0);
    if (!next) return undefined;
    cur = next;
  }
  return cur;
}

const exportMemo = new WeakMap<ts.SourceFile, Map<string, { b: Binding | undefined; touched: string[] }>>();

/** The binding a module exports under `name`, found syntactically (no checker); each name of a module looked up once. */
export function exportBinding(ws: TsWorkspace, touched: Set<string>, file: ts.SourceFile, name: string, hops: number): Binding | undefined {
  if (hops > 8) return undefined;
  let byName = exportMemo.get(file);
  if (!byName) exportMemo.set(file, (byName = new Map()));
  const known = byName.get(name);
  if (known) {
    for (const t of known.touched) touched.add(t);
    return known.b;
  }
  const own = new Set<string>();
  const b = findExport(ws, own, file, name, hops);
  for (const t of own) touched.add(t);
  if (hops === 0) byName.set(name, { b, touched: [...own] });
  return b;
}

function findExport(ws: TsWorkspace, touched: Set<string>, file: ts.SourceFile, name: string, hops: number): Binding | undefined {
  const rel = ws.relOf(file);
  const commonJs = commonJsExport(file, name);
  if (commonJs) return commonJs;
  for (const st of file.statements) {
    if (ts.isExportAssignment(st)) {
      if (!st.isExportEquals && name === 'default') return { kind: 'const', node: st, init: st.expression, path: [] };
      continue;
    }
    if (ts.isExportDeclaration(st)) {
      const spec = st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
      const clause = st.exportClause;
      if (!clause) {
        // `export * from './x'`
        const target = spec ? ws.resolveModule(rel, spec) : undefined;
        const tf = target ? ws.file(target) : undefined;
        if (!tf || !target) continue;
        touched.add(target);
        const b = exportBinding(ws, touched, tf, name, hops + 1);
        if (b) return b;
        continue;
      }
      if (!ts.isNamedExports(clause)) continue;
      for (const ex of clause.elements) {
        if (ex.name.text !== name) continue;
        const local = (ex.propertyName ?? ex.name).text;
        if (spec) return { kind: 'import', node: ex, module: spec, name: local };
        return topLevel(file, local);
      }
      continue;
    }
    if (!hasModifier(st, ts.SyntaxKind.ExportKeyword)) continue;
    if (hasModifier(st, ts.SyntaxKind.DefaultKeyword)) {
      if (name !== 'default') continue;
      if (isFunctionLike(st)) return { kind: 'function', node: st };
      if (ts.isClassDeclaration(st)) return { kind: 'class', node: st };
      continue;
    }
    const b = inStatements([st], name);
    if (b) return b;
  }
  return undefined;
}

/** `module.exports.x = …`, `exports.x = …`: the assigned name, if the expression is one. */
function exportsMember(e: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(e)) return undefined;
  const o = e.expression;
  const isExports = (ts.isIdentifier(o) && o.text === 'exports') || (ts.isPropertyAccessExpression(o) && ts.isIdentifier(o.expression) && o.expression.text === 'module' && o.name.text === 'exports');
  return isExports ? e.name.text : undefined;
}

/** What a CommonJS module exports under `name`: `exports.name = …`, or a property of `module.exports = { … }`. */
function commonJsExport(file: ts.SourceFile, name: string): Binding | undefined {
  for (const st of file.statements) {
    if (!ts.isExpressionStatement(st) || !ts.isBinaryExpression(st.expression) || st.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const { left, right } = st.expression;
    if (exportsMember(left) === name) return { kind: 'const', node: left, init: right, path: [] };
    const whole = ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression) && left.expression.text === 'module' && left.name.text === 'exports';
    if (!whole || !ts.isObjectLiteralExpression(right)) continue;
    for (const p of right.properties) {
      const key = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      if (key !== name) continue;
      if (ts.isPropertyAssignment(p)) return { kind: 'const', node: p, init: p.initializer, path: [] };
      if (ts.isShorthandPropertyAssignment(p)) return topLevel(file, name);
      if (ts.isMethodDeclaration(p)) return { kind: 'function', node: p };
    }
  }
  return undefined;
}

/** Names a module exports, found syntactically. */
export function exportNames(file: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const st of file.statements) {
    if (ts.isExportDeclaration(st)) {
      if (st.exportClause && ts.isNamedExports(st.exportClause)) for (const ex of st.exportClause.elements) names.push(ex.name.text);
    } else if (ts.isVariableStatement(st) && hasModifier(st, ts.SyntaxKind.ExportKeyword)) {
      for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if (hasModifier(st, ts.SyntaxKind.ExportKeyword) && !hasModifier(st, ts.SyntaxKind.DefaultKeyword)) {
      const n = (st as { name?: ts.Node }).name;
      if (n && ts.isIdentifier(n)) names.push(n.text);
    }
  }
  return names;
}
