import { byName, isRegistered } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { Rule } from './rule.js';
import { at, suggestion } from './suggest.js';

export const unregisteredInvoke: Rule = {
  id: 'unregistered-invoke',
  description: 'The frontend invokes a command that no registered Rust command provides.',
  check({ facts }) {
    const defs = byName(facts.definitions);
    const regs = byName(facts.registrations);
    const registered = facts.definitions.filter((d) => isRegistered(d, facts)).map((d) => d.name);
    return facts.invokes.flatMap((inv) => {
      // `plugin:<name>|<command>` goes to a Tauri plugin, whose commands the app does not define.
      if (/^plugin:[^|]+\|/.test(inv.name)) return [];
      const ds = defs.get(inv.name) ?? [];
      if (ds.some((d) => isRegistered(d, facts))) return [];
      const data = { name: inv.name };
      const where = { file: inv.loc.file, line: inv.loc.line, column: inv.loc.column, data };
      if (ds.length) {
        return [finding('unregistered-invoke', `invoke('${inv.name}'): the Rust command ${inv.name} (${at(ds[0]!.loc)}) is not registered in tauri::generate_handler![…], so the call fails at run time`, { ...where, hint: `Add ${ds[0]!.path} to generate_handler![…].` })];
      }
      if (regs.has(inv.name)) {
        return [finding('unregistered-invoke', `invoke('${inv.name}'): generate_handler![…] lists ${inv.name} but no #[tauri::command] fn ${inv.name} was found`, { ...where, hint: 'Define the command with #[tauri::command], or check the Rust include globs.' })];
      }
      return [finding('unregistered-invoke', `invoke('${inv.name}') calls a command no Rust #[tauri::command] provides${suggestion(inv.name, registered)}`, { ...where, hint: 'Fix the name, or add the command in Rust and register it in generate_handler![…].' })];
    });
  },
};
