import type { Finding } from '../../../core/src/findings.js';
import { invokeTargets, pluginInvoke } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { CommandDefinitionFact, InvokeFact, KeyFact } from '../model.js';
import { appsOf } from './registrations.js';
import type { Rule } from './rule.js';
import { at, keyList } from './suggest.js';

interface Fit {
  def: CommandDefinitionFact;
  missing: KeyFact[];
  extra: string[];
}

function fit(inv: InvokeFact & { keys: string[] }, def: CommandDefinitionFact): Fit {
  const sent = new Set(inv.keys);
  const known = new Set(def.params.map((p) => p.key));
  return { def, missing: def.params.filter((p) => p.required && !sent.has(p.key)), extra: inv.keys.filter((k) => !known.has(k)) };
}

/**
 * The frontend's invoke argument keys against the JS keys of the Rust command's parameters. A
 * required parameter left out fails the call (error); an extra key is ignored by Tauri, so it is
 * a warning (often a misspelt optional parameter), and so is leaving out a parameter whose type
 * cutover cannot follow when Tauri may inject it. When apps of one workspace each define a
 * command of the name, the invoke reaches one of them: it is judged against the one it fits best.
 * A bare name reaches the app's own command, `plugin:<name>|<cmd>` that plugin's (whose
 * parameters Tauri keys the same way): each is judged against the command it reaches alone.
 */
export const invokeKeyMismatch: Rule = {
  id: 'invoke-key-mismatch',
  description: "The frontend's invoke argument keys differ from the Rust command's parameter keys.",
  check({ facts }) {
    const out: Finding[] = [];
    for (const inv of facts.invokes) {
      if (!inv.keys) continue;
      const ds = invokeTargets(inv.name, facts);
      const plugin = pluginInvoke(inv.name);
      const fits = ds.map((d) => fit({ ...inv, keys: inv.keys! }, d));
      const severalApps = new Set(ds.flatMap((d) => appsOf(d, facts))).size > 1;
      const judged = severalApps ? fits.sort((a, b) => a.missing.length - b.missing.length || a.extra.length - b.extra.length).slice(0, 1) : fits;
      for (const { def: d, missing, extra } of judged) {
        if (!missing.length && !extra.length) continue;
        const named = (p: KeyFact) => (p.sourceName && p.sourceName !== p.key ? `${p.key} (Rust ${p.sourceName})` : p.key);
        const sure = missing.filter((p) => p.mayBeInjected === undefined);
        const unsure = missing.filter((p) => p.mayBeInjected !== undefined);
        const parts = [
          ...(sure.length ? [`missing ${sure.map(named).join(', ')}`] : []),
          ...unsure.map((p) => `missing ${named(p)}, which Tauri may fill in itself (${p.mayBeInjected})`),
          ...(extra.length ? [`unknown ${extra.join(', ')}`] : []),
        ];
        const closest = severalApps ? ` (the closest of the ${ds.length} commands of that name in the workspace's apps)` : '';
        out.push(
          finding('invoke-key-mismatch', `invoke('${inv.name}', ${keyList(inv.keys)}) does not match the Rust command${plugin ? ` of the plugin ${plugin.plugin}` : ''} (${at(d.loc)})${closest}, which takes ${keyList(d.params.map((p) => p.key))}: ${parts.join('; ')}`, {
            file: inv.loc.file,
            line: inv.loc.line,
            column: inv.loc.column,
            severity: sure.length ? 'error' : 'warning',
            data: { name: inv.name, missing: missing.map((p) => p.key), extra },
            hint: `Tauri turns snake_case Rust parameters into camelCase keys unless the command sets rename_all; send exactly those keys.${missing.length ? ' A parameter Tauri fills in itself (state, a handle, a scope) whose type cutover does not know, such as an alias from outside the sources, goes in manifests.rust.injectedTypes.' : ''}`,
          }),
        );
      }
    }
    return out;
  },
};
