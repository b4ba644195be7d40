/** Helpers that turn what the TypeScript scanners find into model facts. */
import type { Node } from 'ts-morph';
import type { Loc, UnresolvedFact } from '../model.js';
import { short, type Fail } from './values.js';
import type { TsWorkspace } from './workspace.js';

export type { Traced, WrapperPlaceholder } from '../extract/wrappers.js';

export function locOf(ws: TsWorkspace, node: Node): Loc {
  const sf = node.getSourceFile();
  const { line, column } = sf.getLineAndColumnAtPos(node.getStart());
  return { file: ws.relOf(sf), line, column };
}

export function unresolved(ws: TsWorkspace, role: UnresolvedFact['role'], expr: Node | undefined, at: Node, why: Fail): UnresolvedFact {
  const reason = why.prefix ? `${why.reason} (known prefix "${why.prefix}")` : why.reason;
  return { kind: 'unresolved', role, expression: expr ? short(expr) : '', reason, loc: locOf(ws, at) };
}
