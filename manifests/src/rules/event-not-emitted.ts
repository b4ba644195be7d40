import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { suggestion } from './suggest.js';

export const eventNotEmitted: Rule = {
  id: 'event-not-emitted',
  description: 'An event is listened for but never emitted.',
  check({ facts }) {
    const prefixes = [...new Set(facts.reemits.map((r) => r.prefix))];
    const sidecar = new Set(facts.emits.filter((e) => e.side === 'sidecar').map((e) => e.name));
    const direct = new Set(facts.emits.map((e) => e.name));
    const reachable = new Set([...direct, ...[...sidecar].flatMap((n) => prefixes.map((p) => `${p}${n}`))]);
    return facts.listens
      // `tauri://…` events (close-requested, focus, drag-drop…) come from Tauri itself.
      .filter((l) => !reachable.has(l.name) && !l.name.startsWith('tauri://'))
      .map((l) => {
        const viaPrefix = prefixes.find((p) => l.name.startsWith(p));
        const detail = viaPrefix ? ` (nor does the sidecar emit '${l.name.slice(viaPrefix.length)}', which Rust would re-emit as '${l.name}')` : '';
        return finding('event-not-emitted', `listen('${l.name}') waits for an event nothing emits${detail}${suggestion(l.name, reachable)}`, {
          file: l.loc.file,
          line: l.loc.line,
          column: l.loc.column,
          data: { name: l.name },
          hint: 'Fix the event name, or emit it (sidecar emit, or Rust app.emit).',
        });
      });
  },
};
