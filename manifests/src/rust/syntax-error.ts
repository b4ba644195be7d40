/** Where a file stops parsing: the first ERROR or MISSING node tree-sitter recovered with. */
import type { Node } from 'web-tree-sitter';
import { lineOf } from './nodes.js';

export interface SyntaxError {
  line: number;
  column: number;
  message: string;
}

function firstBad(node: Node): Node | undefined {
  if (node.type === 'ERROR' || node.isMissing) return node;
  for (const child of node.children) {
    if (child && (child.hasError || child.isMissing)) {
      const found = firstBad(child);
      if (found) return found;
    }
  }
  return undefined;
}

function snippet(text: string): string {
  const line = text.split('\n')[0]!.trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}

export function findSyntaxError(root: Node): SyntaxError | undefined {
  if (!root.hasError) return undefined;
  const bad = firstBad(root) ?? root;
  const message = bad.isMissing
    ? `expected \`${bad.type}\` here`
    : bad.text.trim()
      ? `unexpected \`${snippet(bad.text)}\``
      : 'unexpected end of input';
  return { line: lineOf(bad), column: bad.startPosition.column + 1, message };
}
