import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SHIPPED_VALIDATORS } from '../../core/src/validators/shipped.js';
import { REPO_ROOT } from '../support/cli.js';

interface Pack {
  files: { path: string; size: number }[];
}

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  exports: Record<string, string | { types: string; default: string }>;
  bin: Record<string, string>;
};

/** What `npm pack` would put in the tarball (scripts off: `pnpm test` has built dist already). */
function packed(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return (JSON.parse(out) as Pack[])[0]!.files.map((f) => f.path).sort();
}

/** Bare package names a built file imports (static, dynamic, require), read by the TypeScript parser so comments do not count. */
function importedPackages(file: string, text: string): string[] {
  const specs: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) specs.push(node.moduleSpecifier.text);
    if (ts.isCallExpression(node) && node.arguments.length > 0 && ts.isStringLiteral(node.arguments[0]!)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = (ts.isIdentifier(callee) && callee.text === 'require') || ts.isCallExpression(callee);
      if (isImport || isRequire) specs.push((node.arguments[0] as ts.StringLiteral).text);
    }
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS));
  const out = new Set<string>();
  for (const spec of specs) {
    if (spec.startsWith('.') || spec.startsWith('/') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
    out.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
  }
  return [...out];
}

describe('the npm package', () => {
  const files = packed();
  const has = (p: string) => files.includes(p);

  it('holds the CLI, the build, the schemas and validators, the templates, the Rust grammar, LICENSE and README', () => {
    for (const p of [...Object.values(pkg.bin).map((b) => b.replace(/^\.\//, '')), 'bin/cutover-guard.cjs', 'LICENSE', 'README.md', 'package.json']) expect(files, p).toContain(p);
    for (const target of Object.values(pkg.exports).flatMap((e) => (typeof e === 'string' ? [] : [e.types, e.default]))) expect(files, target).toContain(target.replace(/^\.\//, ''));
    for (const s of fs.readdirSync(path.join(REPO_ROOT, 'schema')).filter((f) => f.endsWith('.json'))) expect(files).toContain(`schema/${s}`);
    for (const v of SHIPPED_VALIDATORS) expect(files).toContain(`schema/validators/${v.name}.cjs`);
    for (const t of fs.readdirSync(path.join(REPO_ROOT, 'evidence/templates'))) expect(files).toContain(`evidence/templates/${t}`);
    for (const t of fs.readdirSync(path.join(REPO_ROOT, 'init/templates'))) expect(files).toContain(`init/templates/${t}`);
    expect(files).toContain('vendor/tree-sitter-rust/tree-sitter-rust.wasm');
    expect(files).toContain('vendor/tree-sitter-rust/LICENSE');
  });

  it('ships no source map, no sources, no tests and no example', () => {
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
    expect(files.filter((f) => /^(test|examples|scripts|core|manifests|harness|matrix)\//.test(f))).toEqual([]);
    // A file that still names a map would send a debugger to a file that is not there.
    const mapped = files.filter((f) => /\.(c|m)?js$/.test(f) && /\/\/# sourceMappingURL=/.test(fs.readFileSync(path.join(REPO_ROOT, f), 'utf8')));
    expect(mapped).toEqual([]);
  });

  it('imports at run time only its dependencies: no development dependency is needed to run it', () => {
    const runtime = new Set(Object.keys(pkg.dependencies));
    const wrong: string[] = [];
    const used = new Set<string>();
    for (const f of files.filter((x) => /\.(c|m)?js$/.test(x))) {
      for (const name of importedPackages(f, fs.readFileSync(path.join(REPO_ROOT, f), 'utf8'))) {
        used.add(name);
        if (name !== 'cutover' && !runtime.has(name)) wrong.push(`${f} imports ${name}`);
      }
    }
    expect(wrong).toEqual([]);
    // And the other way: every run-time dependency is imported by something that ships.
    expect([...runtime].filter((d) => !used.has(d))).toEqual([]);
    // What only generation and the grammar's equality test need stays a development dependency.
    expect(Object.keys(pkg.dependencies)).not.toContain('json-schema-to-typescript');
    expect(Object.keys(pkg.dependencies)).not.toContain('tree-sitter-rust');
  });
});
