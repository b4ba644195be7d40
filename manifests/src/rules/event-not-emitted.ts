import type { Finding } from '../../../core/src/findings.js';
import type { Loc, ReemitFact, UnresolvedFact } from '../model.js';
import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at, suggestion } from './suggest.js';

/** How many unresolved emit sites a warning names before it says "and N more". */
const SHOWN_SITES = 3;

/**
 * A listen with no emit of its name is an error only when nothing else could produce it: an emit
 * whose name could not be resolved (with no known prefix, or one the name starts with), or a Rust
 * emit of a formatted name (`format!("output:{}", id)`) whose prefix the name starts with, when
 * there are no sidecar events it could be re-emitting (so its suffix is anything). Then it is a
 * warning naming those sites, since the name may well be emitted.
 */
export const eventNotEmitted: Rule = {
  id: 'event-not-emitted',
  description: 'An event is listened for but never emitted.',
  check({ facts }) {
    const prefixes = [...new Set(facts.reemits.map((r) => r.prefix))];
    const emits = facts.emits.filter((e) => !e.internal);
    const sidecar = new Set(emits.filter((e) => e.side === 'sidecar').map((e) => e.name));
    const direct = new Set(emits.map((e) => e.name));
    const internal = facts.emits.filter((e) => e.internal);
    const reachable = new Set([...direct, ...[...sidecar].flatMap((n) => prefixes.map((p) => `${p}${n}`))]);
    const open = facts.unresolved.filter((u) => u.role === 'emit');
    const out: Finding[] = [];
    for (const l of facts.listens) {
      // `tauri://…` events (close-requested, focus, drag-drop…) come from Tauri itself.
      if (reachable.has(l.name) || l.name.startsWith('tauri://')) continue;
      const where = { file: l.loc.file, line: l.loc.line, column: l.loc.column };
      const inProcess = internal.filter((e) => e.name === l.name || prefixes.some((p) => `${p}${e.name}` === l.name));
      if (inProcess.length) {
        const e = inProcess[0]!;
        out.push(
          finding('event-not-emitted', `listen('${l.name}') waits for an event only emitted inside the sidecar process, on ${e.internal} (${at(e.loc)}), which does not reach the frontend`, {
            ...where,
            severity: 'warning',
            data: { name: l.name, internalEmits: inProcess.map((x) => at(x.loc)) },
            hint: 'If that emitter does carry events to the frontend, name it in manifests.sidecar.emitters (e.g. "bus.emit"); else fix the listen.',
          }),
        );
        continue;
      }
      const could = producersOf(l.name, open, sidecar.size ? [] : facts.reemits, prefixes);
      if (could.length) {
        const shown = could.slice(0, SHOWN_SITES).map(at).join(', ');
        const more = could.length > SHOWN_SITES ? ` and ${could.length - SHOWN_SITES} more` : '';
        out.push(
          finding('event-not-emitted', `listen('${l.name}') waits for an event no resolved emit sends; ${could.length === 1 ? 'an emit' : `${could.length} emits`} whose name is not known statically could send it (${shown}${more})${suggestion(l.name, reachable)}`, {
            ...where,
            severity: 'warning',
            data: { name: l.name, unresolvedEmits: could.map(at) },
            hint: 'Give those emits literal or const names so the contract can be checked, or accept the listen in manifests.check.ignore with a reason.',
          }),
        );
        continue;
      }
      const viaPrefix = prefixes.find((p) => l.name.startsWith(p));
      const detail = viaPrefix ? ` (nor does the sidecar emit '${l.name.slice(viaPrefix.length)}', which Rust would re-emit as '${l.name}')` : '';
      out.push(
        finding('event-not-emitted', `listen('${l.name}') waits for an event nothing emits${detail}${suggestion(l.name, reachable)}`, {
          ...where,
          data: { name: l.name },
          hint: 'Fix the event name, or emit it (sidecar emit, Rust app.emit, or the frontend\'s emit).',
        }),
      );
    }
    return out;
  },
};

/**
 * The sites that could emit `name` without saying so: unresolved emits whose known prefix (if
 * any) the name starts with, directly or under a re-emit prefix, and formatted Rust emits
 * (`formatted`: re-emits whose suffix is not known to be a sidecar event).
 */
function producersOf(name: string, open: readonly UnresolvedFact[], formatted: readonly ReemitFact[], prefixes: readonly string[]): Loc[] {
  const fits = (n: string, prefix: string | undefined) => prefix === undefined || n.startsWith(prefix);
  const out: Loc[] = [];
  for (const u of open) {
    if (fits(name, u.prefix) || prefixes.some((p) => name.startsWith(p) && fits(name.slice(p.length), u.prefix))) out.push(u.loc);
  }
  for (const r of formatted) if (name.startsWith(r.prefix)) out.push(r.loc);
  return out;
}
