/**
 * Runs a per-file TypeScript scan over the files an extractor is asked for, and reports the
 * files that do not parse (skipped; the rest goes on) and what each file's facts depend on.
 */
import type { Fact } from '../model.js';
import { DEP_ALL_FILES, type IncrementalContext, type IncrementalResult } from '../extract/incremental.js';
import { finding } from '../finding.js';
import type { ts } from './syntax.js';
import { workspaceFor, type TsWorkspace } from './workspace.js';

export interface FileScan {
  facts: Fact[];
  /** Other files of the group the facts were resolved through. */
  touched: ReadonlySet<string>;
}

export function runPerFile(
  ctx: IncrementalContext,
  scan: (ws: TsWorkspace, file: ts.SourceFile, rel: string) => FileScan,
  opts: { usesTypes: boolean },
): IncrementalResult {
  const ws = workspaceFor(ctx.root, ctx.files, ctx.aliases);
  const result: IncrementalResult = { facts: [], findings: [], dependencies: {} };
  for (const source of ctx.files) {
    if (ctx.only && !ctx.only.has(source.rel)) continue;
    const file = ws.file(source.rel);
    if (!file) {
      const p = ws.parseProblem(source.rel);
      result.findings.push(
        finding('parse-error', `${source.rel} does not parse: ${p?.message ?? 'syntax error'}; the file was skipped`, {
          file: source.rel,
          line: p?.line ?? 1,
          column: p?.column,
          hint: 'Fix the syntax error. Everything else was extracted; facts from this file are missing until it parses.',
        }),
      );
      result.dependencies[source.rel] = [];
      continue;
    }
    const { facts, touched } = scan(ws, file, source.rel);
    result.facts.push(...[...facts].sort(bySite));
    const deps = new Set(touched);
    deps.delete(source.rel);
    if (opts.usesTypes) deps.add(DEP_ALL_FILES);
    result.dependencies[source.rel] = [...deps].sort();
  }
  return result;
}

/** Source order; at one site, by kind and name. */
function bySite(a: Fact, b: Fact): number {
  const an = 'name' in a ? a.name : '';
  const bn = 'name' in b ? b.name : '';
  return a.loc.line - b.loc.line || (a.loc.column ?? 0) - (b.loc.column ?? 0) || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (an < bn ? -1 : an > bn ? 1 : 0);
}
