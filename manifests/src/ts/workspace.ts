/**
 * The TypeScript files of one source group (sidecar or frontend), parsed on demand with ts-morph.
 * Several extractors read the same group in one run, so the workspace is shared per file list.
 * Files live in an in-memory file system: module resolution sees only the group's own files, and
 * nothing from the target's node_modules is loaded, so a result never depends on what is installed.
 * The type checker (for schemas only) is built when first asked for, over every file of the group.
 */
import path from 'node:path';
import { Project, ts, type SourceFile as TsFile, type TypeChecker } from 'ts-morph';
import type { SourceFile } from '../model.js';

export interface ParseProblem {
  line: number;
  column: number;
  message: string;
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.jsx', '.mjs'];

export class TsWorkspace {
  readonly project: Project;
  private readonly byRel = new Map<string, SourceFile>();
  private readonly parsed = new Map<string, TsFile | null>();
  private readonly problems = new Map<string, ParseProblem>();
  private checker: TypeChecker | undefined;

  constructor(
    readonly root: string,
    files: readonly SourceFile[],
  ) {
    for (const f of files) this.byRel.set(f.rel, f);
    this.project = new Project({
      useInMemoryFileSystem: true,
      skipAddingFilesFromTsConfig: true,
      skipFileDependencyResolution: true,
      compilerOptions: {
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
      },
    });
  }

  rels(): string[] {
    return [...this.byRel.keys()];
  }

  has(rel: string): boolean {
    return this.byRel.has(rel);
  }

  /** The parsed file, or undefined when it is not in the group or does not parse (see `parseProblem`). */
  file(rel: string): TsFile | undefined {
    const known = this.parsed.get(rel);
    if (known !== undefined) return known ?? undefined;
    const source = this.byRel.get(rel);
    if (!source) return undefined;
    const sf = this.project.createSourceFile(this.virtualPath(rel), source.text, { overwrite: true, scriptKind: scriptKindOf(rel) });
    const diagnostics = (sf.compilerNode as unknown as { parseDiagnostics?: ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
    const first = diagnostics[0];
    if (first) {
      const pos = sf.compilerNode.getLineAndCharacterOfPosition(first.start);
      this.problems.set(rel, { line: pos.line + 1, column: pos.character + 1, message: ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '') });
      this.parsed.set(rel, null);
      // A file that does not parse stays out of the program, so it cannot skew anyone's types.
      this.project.removeSourceFile(sf);
      return undefined;
    }
    this.parsed.set(rel, sf);
    return sf;
  }

  parseProblem(rel: string): ParseProblem | undefined {
    this.file(rel);
    return this.problems.get(rel);
  }

  relOf(sf: TsFile): string {
    return path.posix.relative('/', sf.getFilePath());
  }

  /** A relative import from `fromRel` to a file of the group, or undefined (a package, or not in the group). */
  resolveModule(fromRel: string, specifier: string): string | undefined {
    if (!specifier.startsWith('.')) return undefined;
    const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromRel), specifier));
    const stem = base.replace(/\.(m|c)?jsx?$/, '');
    const candidates = [base, ...EXTENSIONS.map((e) => `${stem}${e}`), ...EXTENSIONS.map((e) => `${base}/index${e}`)];
    return candidates.find((c) => this.byRel.has(c));
  }

  /** The type checker over every file of the group that parses. Slow the first time; only schemas need it. */
  typeChecker(): TypeChecker {
    if (!this.checker) {
      for (const rel of this.byRel.keys()) this.file(rel);
      this.checker = this.project.getTypeChecker();
    }
    return this.checker;
  }

  private virtualPath(rel: string): string {
    return `/${rel}`;
  }
}

function scriptKindOf(rel: string): ts.ScriptKind {
  if (rel.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (rel.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.(m|c)?js$/.test(rel)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

const workspaces = new WeakMap<readonly SourceFile[], TsWorkspace>();

/** One workspace per file list: the extractors of one group in one run share the parse. */
export function workspaceFor(root: string, files: readonly SourceFile[]): TsWorkspace {
  let ws = workspaces.get(files);
  if (!ws) {
    ws = new TsWorkspace(root, files);
    workspaces.set(files, ws);
  }
  return ws;
}
