import { REDACTED } from '../../../../core/src/redact/registry.js';
import { redactText } from '../../../../core/src/redact/text.js';

/**
 * The last `maxLines` lines (and at most `maxChars` characters) of an output: what reports and
 * evidence keep. Redacted whole before it is cut: a secret straddling the cut would otherwise
 * keep its end, which no rule recognises any more.
 */
export function tail(text: string, maxLines = 40, maxChars = 4000): string {
  const trimmed = redactText(text).replace(/\s+$/, '');
  const lines = trimmed.split(/\r?\n/);
  let out = lines.length > maxLines ? lines.slice(-maxLines).join('\n') : trimmed;
  if (out.length > maxChars) {
    // Never start halfway through a [REDACTED] marker.
    let from = trimmed.length - maxChars;
    const marker = trimmed.lastIndexOf(REDACTED, from);
    if (marker !== -1 && marker + REDACTED.length > from) from = marker;
    out = trimmed.slice(from);
  }
  const cut = out.length < trimmed.length;
  return cut ? `… (${lines.length} lines, last ${Math.min(maxLines, lines.length)} shown)\n${out}` : out;
}
