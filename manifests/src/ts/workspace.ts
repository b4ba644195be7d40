/**
 * The TypeScript files of one source group (sidecar or frontend), each parsed on demand with the
 * compiler's own parser. Several extractors read the same group in one run, so the workspace is
 * shared per file list. Module resolution sees only the group's own files (relative imports, and
 * import aliases the group's tsconfig/vite config or `paths` declare), and nothing from the
 * target's node_modules is loaded, so a result never depends on what is installed. The type
 * checker (for schemas only) is built when first asked for, as a program over the very syntax
 * trees the scanners walk, with the standard library read from cutover's own TypeScript.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AliasSources } from '../extract/aliases.js';
import type { SourceFile } from '../model.js';
import { Aliases } from './aliases.js';
import { isSfc, sfcScript, type SfcScript } from './sfc.js';
import { ts } from './syntax.js';

export interface ParseProblem {
  line: number;
  column: number;
  message: string;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs'];

const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  // No DOM: its declarations are the bulk of the default libs, and wire types never need them.
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  allowJs: true,
  jsx: ts.JsxEmit.Preserve,
  types: [],
  skipLibCheck: true,
  noEmit: true,
};

export class TsWorkspace {
  private readonly byRel = new Map<string, SourceFile>();
  private readonly parsed = new Map<string, ts.SourceFile | null>();
  private readonly problems = new Map<string, ParseProblem>();
  private checker: ts.TypeChecker | undefined;
  private readonly resolved = new Map<string, string | undefined>();
  private readonly aliases: Aliases;
  private readonly components = new Map<string, SfcScript>();

  constructor(
    readonly root: string,
    files: readonly SourceFile[],
    aliases?: AliasSources,
  ) {
    for (const f of files) this.byRel.set(f.rel, f);
    this.aliases = new Aliases(aliases);
  }

  rels(): string[] {
    return [...this.byRel.keys()];
  }

  has(rel: string): boolean {
    return this.byRel.has(rel);
  }

  /** The parsed file, or undefined when it is not in the group or does not parse (see `parseProblem`). */
  file(rel: string): ts.SourceFile | undefined {
    const known = this.parsed.get(rel);
    if (known !== undefined) return known ?? undefined;
    const source = this.byRel.get(rel);
    if (!source) return undefined;
    const sfc = this.component(rel);
    const sf = ts.createSourceFile(`/${rel}`, sfc?.text ?? source.text, ts.ScriptTarget.ES2022, true, sfc?.kind ?? scriptKindOf(rel));
    const first = (sf as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics?.[0];
    if (first) {
      const pos = sf.getLineAndCharacterOfPosition(first.start);
      this.problems.set(rel, { line: pos.line + 1, column: pos.character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '') });
      // A file that does not parse stays out of the program, so it cannot skew anyone's types.
      this.parsed.set(rel, null);
      return undefined;
    }
    this.parsed.set(rel, sf);
    return sf;
  }

  /** A single-file component's script blocks (the rest blanked) and markup; undefined for a script file. */
  component(rel: string): SfcScript | undefined {
    if (!isSfc(rel)) return undefined;
    const source = this.byRel.get(rel);
    if (!source) return undefined;
    let c = this.components.get(rel);
    if (!c) this.components.set(rel, (c = sfcScript(source.text)));
    return c;
  }

  /** A file's text as read (a component's whole text, markup included). */
  text(rel: string): string | undefined {
    return this.byRel.get(rel)?.text;
  }

  parseProblem(rel: string): ParseProblem | undefined {
    this.file(rel);
    return this.problems.get(rel);
  }

  relOf(sf: ts.SourceFile): string {
    return sf.fileName.slice(1);
  }

  /** The file of the group an import from `fromRel` names (relative, or through an alias), or undefined (a package, or not in the group). */
  resolveModule(fromRel: string, specifier: string): string | undefined {
    const key = `${path.posix.dirname(fromRel)}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key);
    const bases = specifier.startsWith('.') ? [path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), specifier))] : this.aliases.candidates(fromRel, specifier);
    let hit: string | undefined;
    for (const base of bases) {
      const stem = base.replace(/\.(m|c)?jsx?$/, '');
      hit = [base, ...EXTENSIONS.map((e) => `${stem}${e}`), ...EXTENSIONS.map((e) => `${base}/index${e}`)].find((c) => this.byRel.has(c));
      if (hit) break;
    }
    this.resolved.set(key, hit);
    return hit;
  }

  /** Whether a specifier is one the group's files could provide (relative, or matching an alias): a miss may resolve once a file is added. */
  isLocal(fromRel: string, specifier: string): boolean {
    return specifier.startsWith('.') || this.aliases.candidates(fromRel, specifier).length > 0;
  }

  /** The type checker over every file of the group that parses. Slow the first time; only schemas need it. */
  typeChecker(): ts.TypeChecker {
    if (!this.checker) {
      // A component's script is no file the compiler knows by its extension; only the sidecar asks for types.
      const roots = this.rels().filter((rel) => !isSfc(rel) && this.file(rel) !== undefined).map((rel) => `/${rel}`);
      const program = ts.createProgram({ rootNames: roots, options: COMPILER_OPTIONS, host: this.host() });
      this.checker = program.getTypeChecker();
    }
    return this.checker;
  }

  /** A compiler host over the group's parsed files; only the standard library comes from disk. */
  private host(): ts.CompilerHost {
    const libDir = libFolder();
    const own = (name: string) => (name.startsWith('/') && this.byRel.has(name.slice(1)) && !isSfc(name) ? name.slice(1) : undefined);
    const isLib = (name: string) => path.dirname(name) === libDir && path.basename(name).startsWith('lib.');
    const libs = new Map<string, ts.SourceFile | undefined>();
    const dirs = new Set(['/', libDir]);
    for (const rel of this.rels()) for (let d = path.posix.dirname(`/${rel}`); !dirs.has(d); d = path.posix.dirname(d)) dirs.add(d);
    return {
      getSourceFile: (name) => {
        const rel = own(name);
        if (rel !== undefined) return this.file(rel);
        if (!isLib(name)) return undefined;
        if (!libs.has(name)) libs.set(name, fs.existsSync(name) ? ts.createSourceFile(name, fs.readFileSync(name, 'utf8'), ts.ScriptTarget.ES2022, false) : undefined);
        return libs.get(name);
      },
      getDefaultLibFileName: (o) => path.join(libDir, ts.getDefaultLibFileName(o)),
      getDefaultLibLocation: () => libDir,
      writeFile: () => undefined,
      getCurrentDirectory: () => '/',
      getCanonicalFileName: (f) => f,
      useCaseSensitiveFileNames: () => true,
      getNewLine: () => '\n',
      fileExists: (name) => own(name) !== undefined || (isLib(name) && fs.existsSync(name)),
      readFile: (name) => {
        const rel = own(name);
        if (rel !== undefined) return this.byRel.get(rel)?.text;
        return isLib(name) && fs.existsSync(name) ? fs.readFileSync(name, 'utf8') : undefined;
      },
      directoryExists: (dir) => dirs.has(dir.length > 1 ? dir.replace(/\/$/, '') : dir),
      getDirectories: () => [],
    };
  }
}

let libDirCache: string | undefined;

/** The folder of the standard library declarations that ship with cutover's TypeScript. */
function libFolder(): string {
  libDirCache ??= path.dirname(createRequire(import.meta.url).resolve('typescript/lib/lib.d.ts'));
  return libDirCache;
}

function scriptKindOf(rel: string): ts.ScriptKind {
  if (rel.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (rel.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(m|c)?js$/.test(rel)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const workspaces = new WeakMap<readonly SourceFile[], TsWorkspace>();

/** One workspace per file list: the extractors of one group in one run share the parse. */
export function workspaceFor(root: string, files: readonly SourceFile[], aliases?: AliasSources): TsWorkspace {
  let ws = workspaces.get(files);
  if (!ws) {
    ws = new TsWorkspace(root, files, aliases);
    workspaces.set(files, ws);
  }
  return ws;
}
