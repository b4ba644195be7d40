import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

type Node = { $ref?: string; properties?: Record<string, Node>; items?: Node; additionalProperties?: Node | boolean } & Record<string, unknown>;

/** Every property name of a schema, as dotted paths (`*` for array items and map values). */
function keyPaths(schema: Node): string[] {
  const defs = (schema.$defs ?? schema.definitions ?? {}) as Record<string, Node>;
  const out = new Set<string>();
  const walk = (node: unknown, at: string[], seen: ReadonlySet<string>) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (n.$ref) {
      const name = n.$ref.split('/').pop()!;
      if (!seen.has(name)) walk(defs[name], at, new Set([...seen, name]));
    }
    for (const [k, v] of Object.entries(n.properties ?? {})) {
      if (k !== '$schema') out.add([...at, k].join('.'));
      walk(v, [...at, k], seen);
    }
    for (const k of ['items', 'additionalProperties'] as const) walk(n[k], [...at, '*'], seen);
    for (const k of ['oneOf', 'anyOf', 'allOf']) for (const x of (n[k] as unknown[] | undefined) ?? []) walk(x, at, seen);
    for (const k of ['if', 'then', 'else']) walk(n[k], at, seen);
  };
  walk(schema, [], new Set());
  return [...out].sort();
}

// The README is the user's reference for every key (the brief asks for it): a key added to a
// schema without a word in the README fails here, naming the key.
describe('the README names every key of the config and matrix schemas', () => {
  const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
  for (const file of ['cutover.config.schema.json', 'matrix.schema.json']) {
    it(file, () => {
      const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'schema', file), 'utf8')) as Node;
      const keys = keyPaths(schema);
      expect(keys.length).toBeGreaterThan(100);
      const unnamed = keys.filter((k) => !new RegExp(`\\b${k.split('.').pop()!.replace(/[$]/g, '\\$&')}\\b`).test(readme));
      expect(unnamed).toEqual([]);
    });
  }
});
