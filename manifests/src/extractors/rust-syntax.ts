import type { Finding } from '../../../core/src/findings.js';
import type { Extractor } from '../model.js';
import { rustFiles } from '../rust/files.js';
import { finding } from '../rust/findings.js';
import type { Recovered } from '../rust/items.js';

/** Regions reported per file; a file the grammar trips over everywhere says so once more, not a hundred times. */
const PER_FILE = 5;

const HINT =
  'tree-sitter-rust rejects some valid Rust (`&raw` as a variable name, `#[cfg]` on fields of a struct pattern, nightly syntax); if cargo check accepts the file there is nothing to fix. To silence this, add { file: "<path or glob>", reason: "…" } to manifests.check.ignore.';

function lines(r: Recovered): string {
  return r.endLine > r.line ? `lines ${r.line}–${r.endLine}` : `line ${r.line}`;
}

function describe(r: Recovered): string {
  if (r.missing !== undefined) return `the Rust grammar read ${lines(r)} (${r.where}) only by assuming a missing \`${r.missing}\`; facts there may be incomplete`;
  return `the Rust grammar could not read ${lines(r)} (${r.where}): skipped \`${r.text}\`; everything else in the file was extracted`;
}

/**
 * Reports what of the Rust sources could not be read: regions tree-sitter could not parse
 * (the rest of each file is extracted) and files not parsed at all (too large, or the parser
 * failed on them). Never calls the code invalid: the grammar is often the one at fault.
 */
export const rustSyntax: Extractor = {
  id: 'rust-syntax',
  description: 'Parts of Rust files the grammar could not read, and files not parsed (reported; everything else is extracted).',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const findings: Finding[] = [];
    for (const file of await rustFiles(ctx)) {
      const rel = file.source.rel;
      if (file.skipped !== undefined) {
        findings.push(finding('parse-recovered', { file: rel, line: 1 }, `${rel} was not parsed: ${file.skipped}; nothing in it was extracted`, 'Generated code usually holds no commands: leave it out with manifests.rust.exclude, or accept this with manifests.check.ignore ({ file, reason }).'));
        continue;
      }
      const regions = file.data?.recovered ?? [];
      for (const r of regions.slice(0, PER_FILE)) findings.push(finding('parse-recovered', { file: rel, line: r.line, column: r.column }, describe(r), HINT, { lines: [r.line, r.endLine] }));
      if (regions.length > PER_FILE) {
        const rest = regions.slice(PER_FILE);
        findings.push(finding('parse-recovered', { file: rel, line: rest[0]!.line }, `${rest.length} more regions of ${rel} the Rust grammar could not read (from line ${rest[0]!.line}); everything else in the file was extracted`, HINT));
      }
    }
    return { facts: [], findings };
  },
};
