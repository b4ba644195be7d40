import { createRequire } from 'node:module';
import type { ParseError, parse as ParseJsonc } from 'jsonc-parser';

/**
 * Where JSON text stops being JSON, 1-based. JSON.parse's messages do not always carry a position
 * (a truncated file says only "Unexpected end of JSON input"); jsonc-parser in strict mode always does.
 */
export function jsonErrorPosition(text: string): { line: number; column: number } | undefined {
  // Only text that failed JSON.parse gets here: the parser is loaded then, not at start-up.
  const parseJsonc = (createRequire(import.meta.url)('jsonc-parser') as { parse: typeof ParseJsonc }).parse;
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { allowTrailingComma: false, disallowComments: true });
  const first = errors[0];
  if (!first) return undefined;
  const before = text.slice(0, first.offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: first.offset - lineStart + 1 };
}
