import { placeholderRefs } from '../../../core/src/placeholders.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A template whose references the new path's answers do not hold, rewritten to follow renamed
 * fields: where `{{created.result.id}}` finds no `id` in the new `result`, and the golden `result`
 * has `id` while the new one has exactly one key the golden lacks and lacks only `id`, the
 * reference follows that key. This is the rule the report uses to call two fields one rename,
 * so the requests after a rename are sent as the app would send them and the report shows one
 * difference, not every later request refused. Undefined when nothing could be followed.
 */
export function followRenames(template: unknown, bindings: ReadonlyMap<string, unknown>, golden: ReadonlyMap<string, unknown>): { template: unknown; renamed: string[] } | undefined {
  const renamed: string[] = [];
  const rewrite = (ref: string, name: string): string => {
    const parts = ref.slice(2 + name.length, -2).split('.').filter(Boolean);
    let n: unknown = bindings.get(name);
    let g: unknown = golden.get(name);
    const out: string[] = [];
    for (const p of parts) {
      if (isObj(n) && !(p in n) && isObj(g) && p in g) {
        const gone = Object.keys(g).filter((k) => !(k in (n as Obj)));
        const added = Object.keys(n).filter((k) => !(k in (g as Obj)));
        if (gone.length !== 1 || added.length !== 1) return ref;
        out.push(added[0]!);
        n = n[added[0]!];
        g = g[p];
        continue;
      }
      out.push(p);
      n = Array.isArray(n) || isObj(n) ? (n as Obj)[p] : undefined;
      g = Array.isArray(g) || isObj(g) ? (g as Obj)[p] : undefined;
    }
    const next = `{{${[name, ...out].join('.')}}}`;
    if (next !== ref) renamed.push(`${ref} as ${next}`);
    return next;
  };
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return placeholderRefs(v).reduce((s, r) => s.split(r.ref).join(rewrite(r.ref, r.name)), v);
    if (Array.isArray(v)) return v.map(walk);
    if (isObj(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  const next = walk(template);
  return renamed.length ? { template: next, renamed } : undefined;
}
