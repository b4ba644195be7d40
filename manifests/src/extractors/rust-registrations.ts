import type { Node } from 'web-tree-sitter';
import type { CommandRegistrationFact, Extractor, UnresolvedFact } from '../model.js';
import { crateIndex } from '../rust/crate-index.js';
import type { Site } from '../rust/file-index.js';
import { innerTokens, locOf, macroBase, macroName, macroTokens, splitTopLevel, unraw } from '../rust/nodes.js';
import { absoluteItemPath } from '../rust/resolve.js';

const PATH_TOKENS = new Set(['identifier', '::', 'crate', 'self', 'super']);

function isGenerateHandler(site: Site): boolean {
  if (macroBase(site.node) !== 'generate_handler') return false;
  const name = macroName(site.node);
  return name === 'generate_handler' || name === 'tauri::generate_handler';
}

/** Drops `#[cfg(…)]` attributes in front of an entry (Tauri 2 accepts them). */
function withoutAttributes(tokens: readonly Node[]): Node[] {
  const out = [...tokens];
  while (out[0]?.type === '#' && out[1]?.type === 'token_tree') out.splice(0, 2);
  return out;
}

/** Paths listed in `tauri::generate_handler![…]` (or `generate_handler!` after `use`). */
export const rustRegistrations: Extractor = {
  id: 'rust-registrations',
  description: 'Command paths listed in tauri::generate_handler![…].',
  language: 'rust',
  group: 'rust',
  async extract(ctx) {
    const index = await crateIndex(ctx);
    const functions = new Set<string>();
    for (const file of index.files) for (const fn of file.index?.functions ?? []) if (!fn.inImpl) functions.add([...fn.scope.segments, fn.name].join('::'));
    const holds = (module: string[], name: string): boolean => functions.has([...module, name].join('::'));
    const facts: Array<CommandRegistrationFact | UnresolvedFact> = [];
    for (const file of index.files) {
      for (const site of file.index?.macros ?? []) {
        if (!isGenerateHandler(site)) continue;
        const tree = macroTokens(site.node);
        if (!tree) continue;
        for (const entry of splitTopLevel(innerTokens(tree))) {
          const tokens = withoutAttributes(entry);
          const first = tokens[0];
          if (!first) continue;
          const loc = locOf(file.source.rel, first);
          if (!tokens.every((t) => PATH_TOKENS.has(t.type))) {
            const expression = tokens.map((t) => t.text).join(' ');
            facts.push({ kind: 'unresolved', role: 'registration', expression, reason: 'not a path to a command function', loc });
            continue;
          }
          const segments = tokens.filter((t) => t.type !== '::').map((t) => unraw(t.text));
          const path = absoluteItemPath(index, segments, site.scope, holds);
          facts.push({ kind: 'command-registration', name: segments[segments.length - 1]!, path: path.join('::'), loc });
        }
      }
    }
    return { facts, findings: [] };
  },
};
