/**
 * Import aliases, as the compiler (`compilerOptions.paths` of a tsconfig.json or jsconfig.json)
 * and the bundler (`resolve.alias` of a vite.config.*) would apply them: `@/lib/api` imported from
 * a file under `src/` is `src/lib/api`. Each declaring file applies to the files in its folder and
 * below; the nearest one wins, and the config's `paths` come before all of them. A vite config is
 * read, never run: an alias whose target is written with string literals (`'./src'`,
 * `path.resolve(__dirname, 'src')`, `fileURLToPath(new URL('./src', import.meta.url))`) is understood.
 */
import path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import type { AliasSources } from '../extract/aliases.js';
import { findAll, propertyNameText, ts, unwrap } from './syntax.js';

interface Entry {
  /** What a specifier starts with (`@/`), and whether the rest is substituted (tsconfig `*`, vite prefix). */
  prefix: string;
  exact: boolean;
  /** Root-relative targets; `*` stands for the rest of the specifier. */
  targets: string[];
}

interface Scope {
  dir: string;
  entries: Entry[];
}

export class Aliases {
  private readonly scopes: Scope[] = [];

  constructor(sources: AliasSources | undefined) {
    if (!sources) return;
    const local: Scope[] = [];
    for (const f of sources.files) {
      const dir = path.posix.dirname(f.rel);
      const entries = /\.json$/.test(f.rel) ? tsconfigEntries(f.text, dir) : viteEntries(f.rel, f.text, dir);
      if (entries.length) local.push({ dir, entries });
    }
    // Deepest folder first: the nearest declaration governs a file.
    local.sort((a, b) => depth(b.dir) - depth(a.dir));
    const configured = fromPaths(sources.paths, '.');
    if (configured.length) this.scopes.push({ dir: '.', entries: configured });
    this.scopes.push(...local);
  }

  get empty(): boolean {
    return this.scopes.length === 0;
  }

  /** Root-relative paths (without extension) a non-relative specifier may stand for, most likely first. */
  candidates(fromRel: string, specifier: string): string[] {
    const out: string[] = [];
    for (const s of this.scopes) {
      if (s.dir !== '.' && !fromRel.startsWith(`${s.dir}/`)) continue;
      const hits = s.entries.filter((e) => (e.exact ? specifier === e.prefix : specifier.startsWith(e.prefix) || `${specifier}/` === e.prefix));
      hits.sort((a, b) => b.prefix.length - a.prefix.length);
      for (const e of hits) {
        const rest = e.exact ? '' : specifier.slice(e.prefix.length);
        for (const t of e.targets) out.push(path.posix.normalize(t.replace('*', rest)).replace(/\/$/, ''));
      }
      if (hits.length) break;
    }
    return out.filter((c) => !c.startsWith('..'));
  }
}

function depth(dir: string): number {
  return dir === '.' ? 0 : dir.split('/').length;
}

/** tsconfig `paths`: `"@/*": ["./src/*"]`, relative to `baseUrl` (else the tsconfig's folder). */
function tsconfigEntries(text: string, dir: string): Entry[] {
  const doc = parseJsonc(text, [], { allowTrailingComma: true }) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } } | undefined;
  const opts = doc?.compilerOptions;
  if (!opts || typeof opts.paths !== 'object' || opts.paths === null) return [];
  const base = typeof opts.baseUrl === 'string' ? path.posix.join(dir, opts.baseUrl) : dir;
  return fromPaths(opts.paths as Record<string, unknown>, base);
}

function fromPaths(paths: Record<string, unknown>, base: string): Entry[] {
  const out: Entry[] = [];
  for (const [pattern, targets] of Object.entries(paths)) {
    if (!Array.isArray(targets)) continue;
    const list = targets.filter((t): t is string => typeof t === 'string').map((t) => path.posix.join(base, t));
    const star = pattern.indexOf('*');
    if (star < 0) out.push({ prefix: pattern, exact: true, targets: list });
    else if (star === pattern.length - 1) out.push({ prefix: pattern.slice(0, -1), exact: false, targets: list });
  }
  return out;
}

/** vite `resolve.alias`: `{ '@': './src' }` or `[{ find: '@', replacement: './src' }]`; a specifier `@/x` or `@` matches `@`. */
function viteEntries(rel: string, text: string, dir: string): Entry[] {
  const sf = ts.createSourceFile(rel, text, ts.ScriptTarget.ES2022, true, /\.m?js$/.test(rel) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const out: Entry[] = [];
  const add = (find: string | undefined, replacement: ts.Node | undefined) => {
    const target = replacement ? literalPath(replacement) : undefined;
    if (find === undefined || target === undefined) return;
    const t = path.posix.join(dir, target.replace(/^\/(?!\/)/, ''));
    out.push({ prefix: `${find}/`, exact: false, targets: [`${t}/*`] }, { prefix: find, exact: true, targets: [t] });
  };
  for (const p of findAll(sf, (n): n is ts.PropertyAssignment => ts.isPropertyAssignment(n) && propertyNameText(n.name) === 'alias')) {
    const v = unwrap(p.initializer);
    if (ts.isObjectLiteralExpression(v)) {
      for (const a of v.properties) if (ts.isPropertyAssignment(a)) add(propertyNameText(a.name), a.initializer);
    } else if (ts.isArrayLiteralExpression(v)) {
      for (const el of v.elements) {
        if (!ts.isObjectLiteralExpression(el)) continue;
        const prop = (k: string) => el.properties.find((x): x is ts.PropertyAssignment => ts.isPropertyAssignment(x) && propertyNameText(x.name) === k)?.initializer;
        const find = prop('find');
        add(find && (ts.isStringLiteral(find) || ts.isNoSubstitutionTemplateLiteral(find)) ? find.text : undefined, prop('replacement'));
      }
    }
  }
  return out;
}

/** The path a replacement is written as: its string literals joined (`path.resolve(__dirname, 'src', 'lib')` → `src/lib`). */
function literalPath(node: ts.Node): string | undefined {
  const n = unwrap(node);
  const parts = ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) ? [n] : findAll(n, (x): x is ts.StringLiteral => ts.isStringLiteral(x) || ts.isNoSubstitutionTemplateLiteral(x));
  if (parts.length === 0 || parts.some((p) => /[\s:]/.test(p.text))) return undefined;
  return path.posix.join(...parts.map((p) => p.text));
}
