/**
 * Calls in a single-file component's markup (`on:click={() => invoke('x')}`, `@click="listen(…)"`,
 * `{{ emit('y') }}`): template expressions are not parsed, so an invoke, listen or emit written
 * there cannot be followed. Each one that uses a name the component's script took from Tauri
 * (an import from a Tauri module, or a binding of `window.__TAURI__…`), a configured invoke or
 * listen function, or the `__TAURI__` globals themselves, is reported as an unresolved name of
 * its role: never silently skipped.
 */
import type { TsOptions, UnresolvedFact } from '../model.js';
import type { Range } from './sfc.js';
import { ts } from './syntax.js';
import type { TsWorkspace } from './workspace.js';

type Role = 'invoke' | 'listen' | 'emit';

const ROLE_OF: Record<string, Role> = { invoke: 'invoke', listen: 'listen', once: 'listen', emit: 'emit', emitTo: 'emit' };

/** A name the markup may call through: what it holds (`invoke`, or `*` for a module or an object of Tauri's), or the role a configured function has. */
interface Source {
  holds?: string;
  role?: Role;
}

/** Names the script binds to something of Tauri's. */
function scriptNames(file: ts.SourceFile, modules: ReadonlySet<string>): Map<string, Source> {
  const out = new Map<string, Source>();
  for (const st of file.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier) && modules.has(st.moduleSpecifier.text)) {
      const clause = st.importClause;
      if (clause?.name) out.set(clause.name.text, { holds: '*' });
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) out.set(named.name.text, { holds: '*' });
      else if (named) for (const el of named.elements) out.set(el.name.text, { holds: (el.propertyName ?? el.name).text });
    }
    if (ts.isVariableStatement(st)) {
      for (const d of st.declarationList.declarations) {
        if (!d.initializer || !/__TAURI/.test(d.initializer.getText(file))) continue;
        if (ts.isIdentifier(d.name)) out.set(d.name.text, { holds: '*' });
        else if (ts.isObjectBindingPattern(d.name)) {
          for (const el of d.name.elements) {
            const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : ts.isIdentifier(el.name) ? el.name.text : undefined;
            if (ts.isIdentifier(el.name) && prop) out.set(el.name.text, { holds: prop });
          }
        }
      }
    }
  }
  return out;
}

/** Template expressions: `{…}` (Svelte, and Vue's `{{…}}`) and the values of Vue directives (`@click="…"`, `:x="…"`, `v-on:…="…"`). */
function expressions(text: string, markup: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const r of markup) {
    const part = text.slice(r.start, r.end);
    let depth = 0;
    let open = 0;
    for (let i = 0; i < part.length; i++) {
      if (part[i] === '{' && depth++ === 0) open = i + 1;
      else if (part[i] === '}' && depth > 0 && --depth === 0) out.push({ start: r.start + open, end: r.start + i });
    }
    if (depth > 0) out.push({ start: r.start + open, end: r.end });
    for (const m of part.matchAll(/\s(?:@|:|v-|#)[\w:.\-[\]@]*\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const value = m[1] ?? m[2] ?? '';
      const start = r.start + m.index + m[0].length - value.length - 1;
      out.push({ start, end: start + value.length });
    }
  }
  return out;
}

/** The members after a name: `.core.invoke` of `t.core.invoke(…)`, `().listen` of `w().listen(…)`. */
function membersAfter(text: string, at: number): string[] {
  const m = /^(?:\s*(?:\?\.|\.)\s*[\w$]+|\s*\(\s*\))*/.exec(text.slice(at, at + 200))?.[0] ?? '';
  return [...m.matchAll(/[\w$]+/g)].map((x) => x[0]);
}

function roleOf(holds: string | undefined, members: readonly string[]): Role | undefined {
  const path = [...(holds && holds !== '*' ? [holds] : []), ...members];
  for (let i = path.length - 1; i >= 0; i--) if (ROLE_OF[path[i]!]) return ROLE_OF[path[i]!];
  return undefined;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function markupCalls(ws: TsWorkspace, file: ts.SourceFile, rel: string, opts: TsOptions): UnresolvedFact[] {
  const component = ws.component(rel);
  const text = ws.text(rel);
  if (!component || text === undefined) return [];
  const names = scriptNames(file, new Set(opts.tauriModules));
  for (const n of opts.invokeFunctions) names.set(n, { role: 'invoke' });
  for (const n of opts.listenFunctions) names.set(n, { role: 'listen' });
  for (const g of ['__TAURI__', '__TAURI_INTERNALS__']) names.set(g, { holds: '*' });
  const pattern = new RegExp(`(?<![\\w$])(${[...names.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w$])`, 'g');
  const out: UnresolvedFact[] = [];
  const seen = new Set<number>();
  for (const x of expressions(text, component.markup)) {
    const part = text.slice(x.start, x.end);
    for (const m of part.matchAll(pattern)) {
      // `obj.invoke` is another object's member; `window.__TAURI__` is the global itself.
      if (part[m.index - 1] === '.' && !m[1]!.startsWith('__TAURI')) continue;
      const source = names.get(m[1]!)!;
      const members = membersAfter(part, m.index + m[1]!.length);
      const role = source.role ?? roleOf(source.holds, members);
      if (!role) continue;
      const at = x.start + m.index;
      if (seen.has(at)) continue;
      seen.add(at);
      const { line, character } = file.getLineAndCharacterOfPosition(at);
      const call = text.slice(at, x.end).replace(/\s+/g, ' ').trim();
      out.push({
        kind: 'unresolved',
        role,
        expression: call.length > 60 ? `${call.slice(0, 57)}…` : call,
        reason: `${m[1]} is used in the component's markup (a template expression), which is not read: only its <script> blocks are`,
        markup: true,
        loc: { file: rel, line: line + 1, column: character + 1 },
      });
    }
  }
  return out;
}
