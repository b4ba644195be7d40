/**
 * Which command parameters Tauri fills itself (the app handle, state, the calling window, the
 * raw request, scopes), so the frontend does not send them. A type is followed through the
 * crate's own `type` aliases (`type DbState<'a> = tauri::State<'a, Db>`) and `use` re-exports
 * the way every other path is. A type that cannot be followed and looks like one Tauri injects
 * (a lifetime argument, a name like Tauri's, a path into tauri) is `maybe`: the frontend may
 * not have to send it, so leaving it out is no defect cutover can point at.
 */
import type { RustOptions } from '../model.js';
import type { CrateIndex } from './crate-index.js';
import { importsOf } from './imports.js';
import type { ModuleScope } from './items.js';
import type { TypeDecl } from './namespace.js';
import { resolveName } from './resolve.js';
import type { TypeRef } from './types.js';

/**
 * Tauri's `CommandArg` types that do not come from the payload (v1 and v2). `Channel<T>` is not
 * here: the frontend passes it. `Invoke` is kept for v1 code that names it.
 */
export const TAURI_INJECTED = new Set(['AppHandle', 'State', 'Window', 'WebviewWindow', 'Webview', 'Request', 'Invoke', 'CommandScope', 'GlobalScope']);

/** Tauri types that are payloads, whatever else is unknown about them. */
const TAURI_PAYLOAD = new Set(['Channel']);

export type Injection = { kind: 'yes' } | { kind: 'no' } | { kind: 'maybe'; why: string };

/** Reads a `type` alias's target (the schema builder parses declarations on demand). */
export type AliasTarget = (decl: TypeDecl) => TypeRef | undefined;

const NO: Injection = { kind: 'no' };
const YES: Injection = { kind: 'yes' };
const MAX_ALIASES = 8;

function configured(t: TypeRef & { kind: 'path' }, options: RustOptions): boolean {
  const bare = t.segments.join('::');
  return options.injectedTypes.some((c) => bare === c || bare.endsWith(`::${c}`) || c.endsWith(`::${bare}`));
}

/** Tauri's own, by how the path is written or imported (the form every Tauri app uses). */
function tauriByImport(t: TypeRef & { kind: 'path' }, scope: ModuleScope, index: CrateIndex): boolean {
  const [head, ...rest] = t.segments;
  if (head === undefined) return false;
  const imported = importsOf(scope).names.get(head);
  const full = imported ? [...imported, ...rest] : t.segments;
  if (full[0] === 'tauri') return true;
  if (imported || t.segments.length > 1) return false;
  // A bare `Request` or `State` is Tauri's unless the crate declares its own type of that name.
  return !('decl' in resolveName(index, 'types', t.segments, scope));
}

/** Why an unresolved type may still be one Tauri fills in, or undefined when nothing says so. */
function lookalike(t: TypeRef & { kind: 'path' }, external: readonly string[] | undefined): string | undefined {
  const last = t.segments[t.segments.length - 1] ?? '';
  if (external?.[0] === 'tauri' && !TAURI_PAYLOAD.has(last)) return `\`${external.join('::')}\` is a tauri type cutover does not know`;
  if (/<\s*'|,\s*'/.test(t.text)) return `\`${t.text}\` borrows (a lifetime argument, like tauri::State<'_, T>)`;
  if ([...TAURI_INJECTED].some((n) => last.endsWith(n))) return `\`${last}\` is named like a type Tauri injects`;
  return undefined;
}

/** Whether Tauri fills a parameter of this type written in `scope` itself. */
export function injection(t: TypeRef, scope: ModuleScope, index: CrateIndex, options: RustOptions, aliasTarget: AliasTarget, depth = 0): Injection {
  if (t.kind !== 'path') return NO;
  if (configured(t, options)) return YES;
  const last = t.segments[t.segments.length - 1] ?? '';
  if (TAURI_INJECTED.has(last) && tauriByImport(t, scope, index)) return YES;
  const resolved = resolveName(index, 'types', t.segments, scope);
  if ('decl' in resolved) {
    if (resolved.decl.kind !== 'alias') return NO;
    const target = depth < MAX_ALIASES ? aliasTarget(resolved.decl) : undefined;
    if (!target) return { kind: 'maybe', why: `the type alias ${resolved.decl.name} could not be read` };
    const inner = injection(target, resolved.decl.scope, index, options, aliasTarget, depth + 1);
    return inner.kind === 'maybe' ? { kind: 'maybe', why: `${inner.why} (through the type alias ${resolved.decl.name})` } : inner;
  }
  // Re-exported from tauri through the crate's own modules (`use crate::prelude::State`).
  if ('external' in resolved && resolved.external[0] === 'tauri' && TAURI_INJECTED.has(resolved.external[resolved.external.length - 1] ?? '')) return YES;
  const why = lookalike(t, 'external' in resolved ? resolved.external : undefined);
  if (why === undefined) return NO;
  return { kind: 'maybe', why: `its type cannot be followed and may be one Tauri injects: ${why}` };
}
