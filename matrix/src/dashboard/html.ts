/**
 * HTML built only through the `html` tag: every interpolated value is escaped unless it is
 * itself the result of `html` (a `Safe`). There is no other way to put text into the page,
 * so a task title like `<script>` can only ever show as text.
 */
export class Safe {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

const SPECIAL = /[&<>"'`]/;

export function escapeHtml(s: string): string {
  // Most values (ids, titles, paths) have nothing to escape: test before replacing.
  return SPECIAL.test(s) ? s.replace(/[&<>"'`]/g, (c) => ESCAPES[c]!) : s;
}

function part(v: unknown): string {
  if (v instanceof Safe) return v.value;
  if (Array.isArray(v)) return v.map(part).join('');
  if (v === undefined || v === null || v === false) return '';
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Safe {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += part(values[i]) + strings[i + 1]!;
  return new Safe(out);
}

/** A string usable inside an id attribute and a #fragment. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}
