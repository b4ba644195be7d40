import { isRegistered } from '../build/index-facts.js';
import { finding } from '../finding.js';
import { maybeListed, unreadableEntries } from './registrations.js';
import type { Rule } from './rule.js';

export const commandNotRegistered: Rule = {
  id: 'command-not-registered',
  description: 'A #[tauri::command] function is not listed in generate_handler![…].',
  check({ facts }) {
    if (facts.registrations.length === 0 && facts.definitions.length === 0) return [];
    const unreadable = unreadableEntries(facts);
    return facts.definitions
      .filter((d) => !isRegistered(d, facts))
      .map((d) =>
        finding('command-not-registered', `#[tauri::command] ${d.name} is not registered in tauri::generate_handler![…]${d.cfg ? ` (it is guarded by #[cfg(${d.cfg})])` : ''}; the frontend cannot invoke it${maybeListed(unreadable)}`, {
          file: d.loc.file,
          line: d.loc.line,
          data: { name: d.name, path: d.path },
          hint: `Add ${d.path} to generate_handler![…], or remove the attribute if it is not a command.`,
          ...(unreadable.length > 0 ? { severity: 'warning' as const } : {}),
        }),
      );
  },
};
