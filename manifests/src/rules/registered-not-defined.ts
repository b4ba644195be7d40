import { byName, namesDefinition } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { suggestion } from './suggest.js';

export const registeredNotDefined: Rule = {
  id: 'registered-not-defined',
  description: 'generate_handler![…] lists a path with no #[tauri::command] function.',
  check({ facts }) {
    const names = facts.definitions.map((d) => d.name);
    const defs = byName(facts.definitions);
    return facts.registrations
      // An entry that could not be followed is reported once, by extraction (unresolved-registration).
      .filter((r) => r.unresolved === undefined && !(defs.get(r.name) ?? []).some((d) => namesDefinition(r, d, facts)))
      .map((r) =>
        finding('registered-not-defined', `generate_handler![…] lists ${r.path}, but no #[tauri::command] fn ${r.name} was found${suggestion(r.name, names)}`, {
          file: r.loc.file,
          line: r.loc.line,
          data: { name: r.name, path: r.path },
          hint: 'Mark the function #[tauri::command], fix the path, or check that manifests.rust.include covers its file.',
        }),
      );
  },
};
