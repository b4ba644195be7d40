/**
 * Configured callee names. A plain name (`emit`) matches a function or a method of that name;
 * a dotted one (`events.emit`) matches the end of the callee as written (`this.events.emit`,
 * `rt.events.emit`), for when a plain name would catch unrelated calls.
 */
import { ts } from './syntax.js';

export function calleeText(callee: ts.Node): string {
  return callee.getText().replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
}

/** The name a callee is known by: `f` of `f(…)` and of `a.b.f(…)`. */
export function ownName(callee: ts.Node): string | undefined {
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  return undefined;
}

/** The configured name a callee matches (its last segment, which wrappers are known by), or undefined. */
export function configuredMatch(entries: readonly string[], callee: ts.Node): string | undefined {
  if (entries.length === 0) return undefined;
  const own = ownName(callee);
  if (own === undefined) return undefined;
  let text: string | undefined;
  for (const entry of entries) {
    if (!entry.includes('.')) {
      if (entry === own) return own;
      continue;
    }
    if (!entry.endsWith(`.${own}`)) continue;
    text ??= calleeText(callee);
    if (text === entry || text.endsWith(`.${entry}`)) return own;
  }
  return undefined;
}
