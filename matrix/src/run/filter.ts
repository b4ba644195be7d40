import { UsageError } from '../../../core/src/errors.js';
import type { Cell } from '../matrix-file/types.js';

const KEYS = ['row', 'task', 'area', 'kind', 'mode'] as const;
type Key = (typeof KEYS)[number];

export interface CellFilter {
  /** As given, for the report. */
  expressions: string[];
  matches(cell: Cell): boolean;
}

function glob(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
}

/**
 * `--filter` expressions: `row=lifecycle.*`, `task=P10-T001`, `area=security`, `kind=shell`,
 * `mode=user`, or a bare word (a row id or task id, `*` as wildcard). Values of one key are
 * alternatives; different keys must all match.
 */
export function parseFilter(expressions: readonly string[]): CellFilter {
  const byKey = new Map<Key | 'any', RegExp[]>();
  for (const expr of expressions) {
    const eq = expr.indexOf('=');
    const key = eq < 0 ? 'any' : expr.slice(0, eq).trim();
    const value = eq < 0 ? expr.trim() : expr.slice(eq + 1).trim();
    if (key !== 'any' && !(KEYS as readonly string[]).includes(key)) {
      throw new UsageError(`unknown filter key "${key}" in --filter ${expr}`, { hint: `Use ${KEYS.map((k) => `${k}=…`).join(', ')}, or a bare row or task id.` });
    }
    if (!value) throw new UsageError(`empty filter value in --filter ${expr}`);
    const list = byKey.get(key as Key | 'any') ?? [];
    list.push(glob(value));
    byKey.set(key as Key | 'any', list);
  }
  const field = (cell: Cell, key: Key): string[] => {
    switch (key) {
      case 'row':
        return [cell.row.id];
      case 'task':
        return cell.row.tasks;
      case 'area':
        return [cell.row.area];
      case 'kind':
        return [cell.row.check.kind];
      case 'mode':
        return [cell.mode];
    }
  };
  return {
    expressions: [...expressions],
    matches(cell) {
      for (const [key, patterns] of byKey) {
        const values = key === 'any' ? [cell.row.id, ...cell.row.tasks] : field(cell, key);
        if (!patterns.some((p) => values.some((v) => p.test(v)))) return false;
      }
      return true;
    },
  };
}
