import type { Finding } from '../../../core/src/findings.js';
import { byName } from '../build/index-facts.js';
import { finding } from '../finding.js';
import type { InvokeFact } from '../model.js';
import { appRegistrations, lists, maybeListed, pluginRegistrations, unreadableEntries } from './registrations.js';
import type { Rule } from './rule.js';
import { at, suggestion } from './suggest.js';

const PLUGIN_INVOKE = /^plugin:([^|]+)\|(.+)$/;

export const unregisteredInvoke: Rule = {
  id: 'unregistered-invoke',
  description: 'The frontend invokes a command that no registered Rust command provides.',
  check({ facts }) {
    const defs = byName(facts.definitions);
    const appRegs = appRegistrations(facts);
    const plugins = pluginRegistrations(facts);
    const unreadable = unreadableEntries(facts);
    const uncertain = unreadable.length > 0 ? { severity: 'warning' as const } : {};
    const registered = facts.definitions.filter((d) => (appRegs.get(d.name) ?? []).some((r) => lists(r, d, facts))).map((d) => d.name);
    const where = (inv: InvokeFact) => ({ file: inv.loc.file, line: inv.loc.line, column: inv.loc.column, data: { name: inv.name } });

    const pluginInvoke = (inv: InvokeFact, plugin: string, command: string): Finding[] => {
      // A plugin outside the sources (tauri-plugin-dialog, Tauri's own) is not this check's to judge.
      const regs = plugins.get(plugin);
      if (!regs || regs.some((r) => r.name === command)) return [];
      const message = `invoke('${inv.name}'): the plugin ${plugin} (its handler at ${at(regs[0]!.loc)}) registers no command ${command}${suggestion(command, regs.map((r) => r.name))}, so the call fails at run time${maybeListed(unreadable)}`;
      return [finding('unregistered-invoke', message, { ...where(inv), hint: `Fix the name, or add the command to that plugin's generate_handler![…].`, ...uncertain })];
    };

    return facts.invokes.flatMap((inv) => {
      const plugin = PLUGIN_INVOKE.exec(inv.name);
      if (plugin) return pluginInvoke(inv, plugin[1]!, plugin[2]!);
      const ds = defs.get(inv.name) ?? [];
      const own = appRegs.get(inv.name) ?? [];
      if (own.some((r) => r.unresolved !== undefined || ds.some((d) => lists(r, d, facts)))) return [];
      const inPlugins = [...plugins].filter(([, regs]) => regs.some((r) => r.name === inv.name));
      if (inPlugins.length > 0 && own.length === 0) {
        const [name, regs] = inPlugins[0]!;
        const message = `invoke('${inv.name}'): ${inv.name} is registered only by the plugin ${name} (${at(regs.find((r) => r.name === inv.name)!.loc)}), whose commands are invoked as plugin:${name}|${inv.name}; this call fails at run time`;
        return [finding('unregistered-invoke', message, { ...where(inv), hint: `Invoke 'plugin:${name}|${inv.name}', or register the command in the app's own generate_handler![…].` })];
      }
      if (ds.length) {
        const message = `invoke('${inv.name}'): the Rust command ${inv.name} (${at(ds[0]!.loc)}) is not registered in tauri::generate_handler![…], so the call fails at run time${maybeListed(unreadable)}`;
        return [finding('unregistered-invoke', message, { ...where(inv), hint: `Add ${ds[0]!.path} to generate_handler![…].`, ...uncertain })];
      }
      if (own.length) {
        return [finding('unregistered-invoke', `invoke('${inv.name}'): generate_handler![…] lists ${inv.name} but no #[tauri::command] fn ${inv.name} was found`, { ...where(inv), hint: 'Define the command with #[tauri::command], or check the Rust include globs.' })];
      }
      return [finding('unregistered-invoke', `invoke('${inv.name}') calls a command no Rust #[tauri::command] provides${suggestion(inv.name, registered)}`, { ...where(inv), hint: 'Fix the name, or add the command in Rust and register it in generate_handler![…].' })];
    });
  },
};
