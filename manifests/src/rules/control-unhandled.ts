import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at, suggestion } from './suggest.js';

/**
 * A client of a control socket asks for a command the daemon's dispatch does not answer: the
 * daemon replies with an error. Only judged when the daemon's dispatch is among the sources (else
 * `nothing-extracted` says it was not found); a warning when an arm whose name is not known
 * statically could answer it.
 */
export const controlUnhandled: Rule = {
  id: 'control-unhandled',
  description: 'A client of a control socket asks for a command the daemon does not handle.',
  check({ facts }) {
    if (facts.controlHandlers.length === 0) return [];
    const handled = new Set(facts.controlHandlers.map((h) => h.name));
    const open = facts.unresolved.filter((u) => u.role === 'handler');
    return facts.controlRequests
      .filter((r) => !handled.has(r.name))
      .map((r) => {
        const could = open.filter((u) => u.prefix === undefined || r.name.startsWith(u.prefix));
        const maybe = could.length ? `; but a dispatch arm whose name is not known statically could answer it (${could.slice(0, 3).map((u) => at(u.loc)).join(', ')})` : '';
        return finding('control-unhandled', `${r.from ? `fn ${r.from} asks` : 'a client asks'} the daemon for '${r.name}', a command its dispatch does not handle, so the daemon answers with an error${maybe}${suggestion(r.name, handled)}`, {
          file: r.loc.file,
          line: r.loc.line,
          column: r.loc.column,
          data: { name: r.name, ...(r.from ? { from: r.from } : {}) },
          hint: "Fix the command's name, or handle it in the daemon's dispatch (manifests.rust.controlPlane.include must cover the daemon's sources).",
          ...(could.length ? { severity: 'warning' as const } : {}),
        });
      });
  },
};
