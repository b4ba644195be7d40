/** `string "abc"`, `number 5`, `array of 3`, `object`, `null`: what the user wrote, in a few words. */
export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return `array of ${v.length}`;
  if (typeof v === 'object') return 'object';
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 37)}…` : v;
    return `string ${JSON.stringify(s)}`;
  }
  return `${typeof v} ${String(v)}`;
}
