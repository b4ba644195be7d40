/**
 * `{{name}}` placeholders in matrix values: `tmp`, `os`, `mode`, `root`, and `ready.<path>` from
 * the target's JSON ready line. An unknown name is an error, never an empty string.
 */
export class PlaceholderError extends Error {}

export function expandPlaceholders(value: string, vars: Record<string, string>, ready: unknown): string {
  return value.replace(/\{\{\s*([A-Za-z0-9_.-]+)\s*\}\}/g, (_m, name: string) => {
    if (name.startsWith('ready.')) {
      let node: unknown = ready;
      for (const part of name.slice('ready.'.length).split('.')) {
        node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
      }
      if (node === undefined || node === null || typeof node === 'object') {
        throw new PlaceholderError(
          ready === undefined
            ? `{{${name}}} needs a target whose ready line is JSON (set the row's target and its ready.stdout)`
            : `{{${name}}} is not a value in the target's ready line`,
        );
      }
      return String(node);
    }
    const v = vars[name];
    if (v === undefined) throw new PlaceholderError(`unknown placeholder {{${name}}} (known: ${Object.keys(vars).map((k) => `{{${k}}}`).join(', ')}, {{ready.*}})`);
    return v;
  });
}
