import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

/**
 * Lower layers never import higher ones: core imports no pillar; manifests, harness and evidence
 * import only core; the matrix (which runs the harness, writes evidence and asks the manifests at
 * the gate) may import them all; init (which reads an app with the manifests' parsers) core and
 * the manifests. Only the top-level files (cli.ts, catalog.ts, index.ts) gather
 * every pillar.
 */
const ALLOWED: Record<string, string[]> = {
  core: ['core'],
  manifests: ['core', 'manifests'],
  harness: ['core', 'harness'],
  evidence: ['core', 'evidence'],
  matrix: ['core', 'manifests', 'harness', 'evidence', 'matrix'],
  init: ['core', 'manifests', 'init'],
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

/** Every relative module specifier of a file: static imports, re-exports and `import(…)`. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)'(\.[^']+)'/g)) out.push(m[1]!);
  return out;
}

function layerOf(file: string): string | undefined {
  const rel = path.relative(REPO_ROOT, file).split(path.sep);
  return rel.length > 1 && rel[0]! in ALLOWED ? rel[0] : undefined;
}

describe('layers', () => {
  it('no layer imports one above it', () => {
    const wrong: string[] = [];
    for (const layer of Object.keys(ALLOWED)) {
      for (const file of filesUnder(path.join(REPO_ROOT, layer))) {
        for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
          const target = path.resolve(path.dirname(file), spec);
          const to = layerOf(target) ?? path.relative(REPO_ROOT, target).split(path.sep)[0]!;
          if (!ALLOWED[layer]!.includes(to)) wrong.push(`${path.relative(REPO_ROOT, file)} imports ${spec} (${to})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('processes are started in one place: the supervisor in core/src/process (git queries in core/src/git.ts aside)', () => {
    const spawning: string[] = [];
    for (const layer of Object.keys(ALLOWED)) {
      for (const file of filesUnder(path.join(REPO_ROOT, layer))) {
        if (/from 'node:child_process'|require\('node:child_process'\)/.test(fs.readFileSync(file, 'utf8'))) spawning.push(path.relative(REPO_ROOT, file));
      }
    }
    expect(spawning.filter((f) => !f.startsWith('core/src/process/'))).toEqual(['core/src/git.ts']);
  });

  it('files stay small: none over 300 lines (generated files aside)', () => {
    const long: string[] = [];
    for (const layer of Object.keys(ALLOWED)) {
      for (const file of filesUnder(path.join(REPO_ROOT, layer))) {
        if (file.endsWith('.generated.ts')) continue;
        const lines = fs.readFileSync(file, 'utf8').split('\n').length - 1;
        if (lines > 300) long.push(`${path.relative(REPO_ROOT, file)}: ${lines} lines`);
      }
    }
    expect(long).toEqual([]);
  });

  it('the check is real: it sees the top level gathering the pillars', () => {
    const specs = specifiers(fs.readFileSync(path.join(REPO_ROOT, 'cli.ts'), 'utf8'));
    expect(specs).toContain('./manifests/src/verbs.js');
    expect(specifiers(`import type { A } from '../x.js';\nconst m = await import('../../y.js');`)).toEqual(['../x.js', '../../y.js']);
  });
});
