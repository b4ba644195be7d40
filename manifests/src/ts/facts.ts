/** Helpers that turn what the TypeScript scanners find into model facts. */
import type { Loc, UnresolvedFact } from '../model.js';
import { lineColumn, type ts } from './syntax.js';
import { short, type Fail } from './values.js';
import type { TsWorkspace } from './workspace.js';

export type { Traced, WrapperPlaceholder } from '../extract/wrappers.js';

export function locOf(ws: TsWorkspace, node: ts.Node): Loc {
  return { file: ws.relOf(node.getSourceFile()), ...lineColumn(node) };
}

export function unresolved(ws: TsWorkspace, role: UnresolvedFact['role'], expr: ts.Node | undefined, at: ts.Node, why: Fail): UnresolvedFact {
  const reason = why.prefix ? `${why.reason} (known prefix "${why.prefix}")` : why.reason;
  return { kind: 'unresolved', role, expression: expr ? short(expr) : '', reason, ...(why.prefix ? { prefix: why.prefix } : {}), loc: locOf(ws, at) };
}
