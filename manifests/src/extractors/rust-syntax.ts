import type { Extractor } from '../model.js';
import { rustFiles } from '../rust/cache.js';
import { finding } from '../rust/findings.js';

/**
 * Reports Rust files that do not parse. The other Rust extractors skip such files silently, so
 * each one is reported once, here, at its first syntax error.
 */
export const rustSyntax: Extractor = {
  id: 'rust-syntax',
  description: 'Rust files that do not parse (reported once each, at the first error; the file is skipped).',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const findings = [];
    for (const file of await rustFiles(ctx)) {
      const err = file.syntaxError;
      if (!err) continue;
      findings.push(
        finding(
          'parse-error',
          { file: file.source.rel, line: err.line, column: err.column },
          `Rust syntax error: ${err.message}; nothing in this file was extracted`,
          'Fix the syntax (cargo check points at the same place); the rest of the sources were extracted.',
        ),
      );
    }
    return { facts: [], findings };
  },
};
