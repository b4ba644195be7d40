import { canonicalSchema } from '../build/canonical.js';
import { byName, invokedAs } from '../build/index-facts.js';
import { keysSchema } from '../build/commands.js';
import { finding } from '../finding.js';
import type { Finding } from '../../../core/src/findings.js';
import type { JsonSchema, Loc } from '../model.js';
import { appsOf } from './registrations.js';
import type { Rule } from './rule.js';
import { at } from './suggest.js';

interface Variant {
  schema: JsonSchema;
  loc: Loc;
}

/**
 * Within one layer, one command name must have one payload shape: two sidecar handlers of the
 * same name, two Rust commands invoked by the same name in one app, or two Rust commands
 * forwarding different json! keys to the same sidecar command. Commands of different apps (each
 * crate with its own app handler builds one) or of different plugins are different commands.
 */
export const conflictingPayload: Rule = {
  id: 'conflicting-payload',
  description: 'One command name has conflicting payload schemas.',
  check({ facts }) {
    const out: Finding[] = [];
    const report = (layer: string, name: string, variants: Variant[]) => {
      if (variants.length < 2) return;
      const distinct = new Map<string, Variant>();
      for (const v of variants) {
        const key = JSON.stringify(canonicalSchema(v.schema));
        if (!distinct.has(key)) distinct.set(key, v);
      }
      if (distinct.size < 2) return;
      const [first, ...rest] = [...distinct.values()];
      out.push(
        finding('conflicting-payload', `${layer} '${name}' has ${distinct.size} different payload schemas: ${[first!, ...rest].map((v) => at(v.loc)).join(', ')}`, {
          file: rest[0]!.loc.file,
          line: rest[0]!.loc.line,
          data: { name, layer, schemas: [...distinct.values()].map((v) => v.schema) },
          hint: 'Make the payloads agree, or give the commands different names.',
        }),
      );
    };
    for (const [name, hs] of byName(facts.handlers)) report('sidecar command', name, hs.filter((h) => h.params).map((h) => ({ schema: h.params!, loc: h.loc })));
    const tauri = new Map<string, { name: string; app: string; variants: Variant[] }>();
    for (const d of facts.definitions) {
      const name = invokedAs(d, facts);
      for (const app of appsOf(d, facts)) {
        const key = `${name}\0${app}`;
        if (!tauri.has(key)) tauri.set(key, { name, app, variants: [] });
        tauri.get(key)!.variants.push({ schema: keysSchema(d.params), loc: d.loc });
      }
    }
    for (const { name, app, variants } of tauri.values()) report(app ? `Tauri command of the app ${app}` : 'Tauri command', name, variants);
    const forwards = byName(facts.forwards.filter((f) => f.keys).map((f) => ({ ...f, name: f.to })));
    for (const [name, fs] of forwards) {
      report('forwarded command', name, fs.map((f) => ({ schema: keysSchema(f.keys!.map((key) => ({ key, required: true }))), loc: f.loc })));
    }
    return out;
  },
};
