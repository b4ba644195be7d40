/**
 * Configured callee names. A plain name (`emit`) matches a function or a method of that name;
 * a dotted one (`events.emit`) matches the end of the callee as written (`this.events.emit`,
 * `rt.events.emit`), for when a plain name would catch unrelated calls.
 */
import { Node } from 'ts-morph';

export function calleeText(callee: Node): string {
  return callee.getText().replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
}

/** The configured name a callee matches (its last segment, which wrappers are known by), or undefined. */
export function configuredMatch(entries: readonly string[], callee: Node): string | undefined {
  if (entries.length === 0) return undefined;
  const own = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  if (own === undefined) return undefined;
  let text: string | undefined;
  for (const entry of entries) {
    if (!entry.includes('.')) {
      if (entry === own) return own;
      continue;
    }
    text ??= calleeText(callee);
    if (text === entry || text.endsWith(`.${entry}`)) return own;
  }
  return undefined;
}
