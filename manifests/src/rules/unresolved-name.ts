import { finding } from '../finding.js';
import type { UnresolvedFact } from '../model.js';
import type { Rule } from './rule.js';

const WHAT: Record<string, string> = {
  invoke: 'the command this invoke calls',
  listen: 'the event this listen waits for',
  emit: 'the event this emit sends',
  handler: 'the command this handler answers',
  forward: 'the sidecar command this forwards to',
  registration: 'the command this registers',
  request: 'the command this control-socket request asks for',
};

const HINT: Record<string, string> = {
  invoke: 'Use a string literal, a const, an enum or a const object; or list the wrapper in manifests.frontend.invokeFunctions. A name imported through an alias (`@/…`) the tsconfig or vite config does not declare needs manifests.frontend.paths.',
  listen: 'Use a string literal, a const, an enum or a const array; or list the wrapper in manifests.frontend.listenFunctions. A name imported through an alias (`@/…`) the tsconfig or vite config does not declare needs manifests.frontend.paths.',
  emit: 'Use a string literal or a const; or list the helper in manifests.sidecar.emitters. A name that carries a run-time id (format!("output:{}", id), `output:${id}`) stays unresolved: listens of names that start the same way are matched against it, and manifests.check.ignore accepts it with a reason.',
  handler: 'Register handlers under literal or const names; for a router, name what it dispatches on in manifests.sidecar.switchDiscriminants or its handler object in handlerMaps (a daemon\'s dispatch: match on string literals or consts).',
  forward: 'Forward with a string literal or a const, or through a helper whose callers pass one (`fn call(s: &Sidecar, name: &str, params: T) { s.send(name, …) }` called as `call(&s, "x", …)`: its calls are the forwards).',
  registration: 'List commands by path in generate_handler![…].',
  request: 'Name the command with a string literal or a const (json!({"cmd": "status"})), or build the request as a variant of the request enum.',
};

/** The frontend has no emitter option: its emits are followed through wrappers by their call sites. */
const FRONTEND_EMIT_HINT =
  "Emit with a string literal or a const, directly or through a wrapper whose calls pass one (wrappers are followed to their call sites). A name chosen at run time (a lookup by key, a Proxy, as tauri-specta's generated events do) cannot be followed: accept it with a reason in manifests.check.ignore.";

const MARKUP_HINT =
  "Move the call into a function of the component's <script> and call that from the markup (on:click={save}, @click=\"save\"): the script is read, the template is not.";

function hintOf(u: UnresolvedFact): string | undefined {
  if (u.hint) return u.hint;
  if (u.markup) return MARKUP_HINT;
  if (u.role === 'emit' && u.side === 'frontend') return FRONTEND_EMIT_HINT;
  return HINT[u.role];
}

/** Every name that could not be resolved statically, so none is dropped silently. */
export const unresolvedName: Rule = {
  id: 'unresolved-name',
  description: 'A command or event name could not be resolved statically.',
  check({ facts }) {
    return facts.unresolved.filter((u) => !u.handler).map((u) =>
      finding('unresolved-name', `cannot tell ${WHAT[u.role] ?? 'this name'} statically: ${u.reason}`, {
        file: u.loc.file,
        line: u.loc.line,
        column: u.loc.column,
        data: { name: u.expression, role: u.role },
        hint: hintOf(u),
      }),
    );
  },
};
