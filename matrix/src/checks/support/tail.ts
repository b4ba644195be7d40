/** The last `maxLines` lines (and at most `maxChars` characters) of an output: what reports and evidence keep. */
export function tail(text: string, maxLines = 40, maxChars = 4000): string {
  const trimmed = text.replace(/\s+$/, '');
  const lines = trimmed.split(/\r?\n/);
  let out = lines.length > maxLines ? lines.slice(-maxLines).join('\n') : trimmed;
  if (out.length > maxChars) out = out.slice(-maxChars);
  const cut = out.length < trimmed.length;
  return cut ? `… (${lines.length} lines, last ${Math.min(maxLines, lines.length)} shown)\n${out}` : out;
}
