/** Imports and exports between the group's files, followed syntactically (no type checker). */
import { Node, type SourceFile as TsFile } from 'ts-morph';
import { DEP_FILE_LIST } from '../extract/incremental.js';
import { inStatements, isFunctionLike, type Binding } from './scope.js';
import type { TsWorkspace } from './workspace.js';

/** Follows an import through the group's files (and re-exports) to what it finally names. */
export function followBinding(ws: TsWorkspace, touched: Set<string>, b: Binding): Binding | undefined {
  let cur = b;
  for (let hops = 0; cur.kind === 'import' && hops < 12; hops++) {
    const rel = ws.resolveModule(ws.relOf(cur.node.getSourceFile()), cur.module);
    if (!rel) {
      // A relative import that matches no file today may match one tomorrow.
      if (cur.module.startsWith('.')) touched.add(DEP_FILE_LIST);
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

/** The binding a module exports under `name`, found syntactically (no checker). */
export function exportBinding(ws: TsWorkspace, touched: Set<string>, file: TsFile, name: string, hops: number): Binding | undefined {
  if (hops > 8) return undefined;
  const rel = ws.relOf(file);
  for (const st of file.getStatements()) {
    if (Node.isExportAssignment(st)) {
      if (!st.isExportEquals() && name === 'default') return { kind: 'const', node: st, init: st.getExpression(), path: [] };
      continue;
    }
    if (Node.isExportDeclaration(st)) {
      const spec = st.getModuleSpecifierValue();
      if (st.isNamespaceExport()) {
        const target = spec ? ws.resolveModule(rel, spec) : undefined;
        const tf = target ? ws.file(target) : undefined;
        if (!tf || !target) continue;
        touched.add(target);
        const b = exportBinding(ws, touched, tf, name, hops + 1);
        if (b) return b;
        continue;
      }
      for (const ex of st.getNamedExports()) {
        if ((ex.getAliasNode()?.getText() ?? ex.getName()) !== name) continue;
        if (spec) return { kind: 'import', node: ex, module: spec, name: ex.getName() };
        return inStatements(file.getStatements(), ex.getName());
      }
      continue;
    }
    // Syntax only: isExported()/isDefaultExport() ask the type checker, which would build a program.
    if (!Node.isExportable(st) || !st.hasExportKeyword()) continue;
    if (st.hasDefaultKeyword()) {
      if (name !== 'default') continue;
      if (isFunctionLike(st)) return { kind: 'function', node: st };
      if (Node.isClassDeclaration(st)) return { kind: 'class', node: st };
      continue;
    }
    const b = inStatements([st], name);
    if (b) return b;
  }
  return undefined;
}

/** Names a module exports, found syntactically. */
export function exportNames(file: TsFile): string[] {
  const names: string[] = [];
  for (const st of file.getStatements()) {
    if (Node.isExportDeclaration(st)) {
      for (const ex of st.getNamedExports()) names.push(ex.getAliasNode()?.getText() ?? ex.getName());
    } else if (Node.isVariableStatement(st) && st.hasExportKeyword()) {
      for (const d of st.getDeclarations()) if (Node.isIdentifier(d.getNameNode())) names.push(d.getName());
    } else if (Node.isExportable(st) && st.hasExportKeyword() && !st.hasDefaultKeyword()) {
      const n = (st as Node & { getName?(): string | undefined }).getName?.();
      if (n) names.push(n);
    }
  }
  return names;
}
