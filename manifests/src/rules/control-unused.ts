import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at } from './suggest.js';

/**
 * A command the daemon's control plane handles that no client in the sources asks for: dead
 * code, or a client outside the sources. Once per name; the requests whose name is not known
 * statically that could ask for it are named.
 */
export const controlUnused: Rule = {
  id: 'control-unused',
  description: 'A command the control plane of a daemon handles that no client asks for.',
  check({ facts }) {
    const asked = new Set(facts.controlRequests.map((r) => r.name));
    const open = facts.unresolved.filter((u) => u.role === 'request');
    const seen = new Set<string>();
    return facts.controlHandlers
      .filter((h) => !asked.has(h.name) && !seen.has(h.name) && (seen.add(h.name), true))
      .map((h) => {
        const could = open.filter((u) => u.prefix === undefined || h.name.startsWith(u.prefix));
        const maybe = could.length ? `; a request whose name is not known statically could (${could.slice(0, 3).map((u) => at(u.loc)).join(', ')})` : '';
        return finding('control-unused', `the daemon handles '${h.name}' (${h.how}) but no client in the sources asks for it${maybe}`, {
          file: h.loc.file,
          line: h.loc.line,
          column: h.loc.column,
          data: { name: h.name },
          hint: 'Ask for it from a client, remove it, or accept it in manifests.check.ignore with a reason (a command for clients outside these sources).',
        });
      });
  },
};
