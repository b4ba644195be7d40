import { finding } from '../finding.js';
import type { Rule } from './rule.js';

export const eventNotListened: Rule = {
  id: 'event-not-listened',
  description: 'An event is emitted but nothing listens for it.',
  check({ facts }) {
    const prefixes = [...new Set(facts.reemits.map((r) => r.prefix))];
    const listened = new Set(facts.listens.map((l) => l.name));
    const seen = new Set<string>();
    const out = [];
    for (const e of facts.emits) {
      if (e.side === 'frontend' || e.internal || seen.has(`${e.side}\0${e.name}`)) continue;
      seen.add(`${e.side}\0${e.name}`);
      const names = e.side === 'sidecar' ? [e.name, ...prefixes.map((p) => `${p}${e.name}`)] : [e.name];
      if (names.some((n) => listened.has(n))) continue;
      const shown = names.length > 1 ? ` (delivered to the frontend as ${names.slice(1).map((n) => `'${n}'`).join(', ')})` : '';
      out.push(
        finding('event-not-listened', `event '${e.name}' is emitted${shown} but nothing listens for it`, {
          file: e.loc.file,
          line: e.loc.line,
          column: e.loc.column,
          data: { name: e.name },
          hint: 'Listen for it where it matters, stop emitting it, or accept it in manifests.check.ignore with a reason.',
        }),
      );
    }
    return out;
  },
};
