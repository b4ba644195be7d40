/**
 * The key Tauri expects for a command argument. tauri-macros converts the Rust argument name with
 * heck (`to_lower_camel_case`, or `to_snake_case` under `rename_all = "snake_case"`); heck splits
 * words at non-alphanumerics, at lower→upper changes and before the last capital of an acronym.
 */
const isUpper = (c: string | undefined): boolean => c !== undefined && c >= 'A' && c <= 'Z';
const isLower = (c: string | undefined): boolean => c !== undefined && c >= 'a' && c <= 'z';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

function words(ident: string): string[] {
  const out: string[] = [];
  let word = '';
  for (let i = 0; i < ident.length; i++) {
    const ch = ident[i]!;
    if (!isUpper(ch) && !isLower(ch) && !isDigit(ch)) {
      if (word) out.push(word);
      word = '';
      continue;
    }
    const prev = ident[i - 1];
    const boundary = word.length > 0 && isUpper(ch) && (isLower(prev) || isDigit(prev) || (isUpper(prev) && isLower(ident[i + 1])));
    if (boundary) {
      out.push(word);
      word = '';
    }
    word += ch;
  }
  if (word) out.push(word);
  return out;
}

const cache = new Map<string, string>();

export function tauriArgKey(ident: string, rule: 'camelCase' | 'snake_case'): string {
  const cacheKey = `${rule}\0${ident}`;
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const ws = words(ident);
  const key =
    rule === 'snake_case'
      ? ws.map((w) => w.toLowerCase()).join('_')
      : ws.map((w, i) => (i === 0 ? w.toLowerCase() : w.slice(0, 1).toUpperCase() + w.slice(1).toLowerCase())).join('');
  if (cache.size < 10_000) cache.set(cacheKey, key);
  return key;
}
