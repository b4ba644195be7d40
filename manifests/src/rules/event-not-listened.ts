import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at } from './suggest.js';

const SHOWN_SITES = 3;

/**
 * An event emitted that no listen receives. When a listen whose name is not known statically
 * could receive it (no known prefix, or one the name starts with), the warning names those sites:
 * the event may well be listened for.
 */
export const eventNotListened: Rule = {
  id: 'event-not-listened',
  description: 'An event is emitted but nothing listens for it.',
  check({ facts }) {
    const prefixes = [...new Set(facts.reemits.map((r) => r.prefix))];
    const listened = new Set(facts.listens.map((l) => l.name));
    const open = facts.unresolved.filter((u) => u.role === 'listen');
    const seen = new Set<string>();
    const out = [];
    for (const e of facts.emits) {
      if (e.side === 'frontend' || e.internal || seen.has(`${e.side}\0${e.name}`)) continue;
      seen.add(`${e.side}\0${e.name}`);
      const names = e.side === 'sidecar' ? [e.name, ...prefixes.map((p) => `${p}${e.name}`)] : [e.name];
      if (names.some((n) => listened.has(n))) continue;
      const shown = names.length > 1 ? ` (delivered to the frontend as ${names.slice(1).map((n) => `'${n}'`).join(', ')})` : '';
      const could = open.filter((u) => u.prefix === undefined || names.some((n) => n.startsWith(u.prefix!))).map((u) => u.loc);
      const maybe = could.length
        ? `; ${could.length === 1 ? 'a listen' : `${could.length} listens`} whose name is not known statically could (${could.slice(0, SHOWN_SITES).map(at).join(', ')}${could.length > SHOWN_SITES ? ` and ${could.length - SHOWN_SITES} more` : ''})`
        : '';
      out.push(
        finding('event-not-listened', `event '${e.name}' is emitted${shown} but ${could.length ? 'no resolved listen receives it' : 'nothing listens for it'}${maybe}`, {
          file: e.loc.file,
          line: e.loc.line,
          column: e.loc.column,
          data: { name: e.name, ...(could.length ? { unresolvedListens: could.map(at) } : {}) },
          hint: 'Listen for it where it matters, stop emitting it, or accept it in manifests.check.ignore with a reason.',
        }),
      );
    }
    return out;
  },
};
