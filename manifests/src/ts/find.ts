/**
 * Descendants that pass a test on the compiler's own nodes, wrapped as ts-morph nodes only when
 * they match. ts-morph's own traversals wrap every node they visit, which dominates the time on
 * large routers; `_getNodeFromCompilerNode` is how ts-morph itself wraps a compiler node, so the
 * result shares its node cache (identity comparisons keep working).
 */
import { ts, type Node } from 'ts-morph';

type Wrapper = { _getNodeFromCompilerNode(n: ts.Node): Node };

export function findAll<T extends Node = Node>(root: Node, test: (n: ts.Node) => boolean): T[] {
  const out: T[] = [];
  const wrapper = root as unknown as Wrapper;
  const visit = (n: ts.Node): void => {
    if (test(n)) out.push(wrapper._getNodeFromCompilerNode(n) as T);
    ts.forEachChild(n, visit);
  };
  ts.forEachChild(root.compilerNode, visit);
  return out;
}

/** Identifiers under `root` spelled `name`. */
export function identifiersNamed(root: Node, name: string): Node[] {
  return findAll(root, (n) => n.kind === ts.SyntaxKind.Identifier && (n as ts.Identifier).text === name);
}
