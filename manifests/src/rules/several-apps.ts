import type { Finding } from '../../../core/src/findings.js';
import { finding } from '../finding.js';
import { appHandlers } from './registrations.js';
import type { Rule } from './rule.js';
import { at } from './suggest.js';

/**
 * Several crates of the Rust sources each register commands with an app handler of their own:
 * one config covers several Tauri apps. Their commands are kept apart where names meet, but a
 * frontend's invokes and listens cannot be told apart by app, so each is checked against every
 * app together: said once, with the apps, so the user can split the config.
 */
export const severalApps: Rule = {
  id: 'several-apps',
  description: 'The Rust sources hold more than one Tauri app; each frontend is checked against all of them together.',
  check({ facts }) {
    const apps = [...appHandlers(facts)];
    if (apps.length < 2) return [];
    const listed = apps.map(([name, r]) => `${name} (generate_handler! at ${at(r.loc)})`).join(', ');
    const second = apps[1]![1];
    const out: Finding[] = [
      finding(
        'several-apps',
        `the Rust sources hold ${apps.length} Tauri apps, each with its own generate_handler!: ${listed}; a command of one is never compared with a same-named command of another, but every invoke and listen is checked against ${apps.length === 2 ? 'both apps' : `all ${apps.length} apps`} together, so a call to a command only another app registers passes`,
        {
          file: second.loc.file,
          line: second.loc.line,
          data: { apps: apps.map(([name]) => name) },
          hint: 'Write one config per app: its crates in manifests.rust.include, its own frontend in manifests.frontend.include and its own manifests.out. Or accept this with manifests.check.ignore ({ id: "several-apps", file: "…", reason }).',
        },
      ),
    ];
    return out;
  },
};
