import type { SystemdUnit } from './systemd-unit.js';

/** A template placeholder an installer did not fill in, with its line. */
export interface Leftover {
  text: string;
  line: number;
  /** Not certainly a leftover: systemd itself expands `${NAME}` in Exec lines from the environment. */
  maybe?: string;
}

// __NAME__ (upper case, so __init__ and the like are not taken), {{name}}, ${name}, and @NAME@ (autoconf, CMake).
const PATTERNS = [/__[A-Z][A-Z0-9_]*__/g, /\{\{\s*[\w.-]+\s*\}\}/g, /\$\{[A-Za-z_][\w.-]*\}/g, /@[A-Z][A-Z0-9_]*@/g];

/**
 * Placeholders left in a rendered service definition. launchd expands nothing, so every one is a
 * leftover there; systemd expands `${NAME}` (and `$NAME`) in Exec*= lines from Environment=, so
 * such a reference counts only when no Environment= defines it, and is only a maybe when an
 * EnvironmentFile= could.
 */
export function findLeftovers(text: string, format: 'launchd' | 'systemd', unit?: SystemdUnit): Leftover[] {
  const out: Leftover[] = [];
  const defined = new Set<string>();
  let envFile = false;
  if (unit) {
    const service = unit.sections.get('Service');
    for (const e of service?.keys.get('Environment') ?? []) for (const m of e.value.matchAll(/(?:^|\s)"?([A-Za-z_]\w*)=/g)) defined.add(m[1]!);
    envFile = (service?.keys.get('EnvironmentFile') ?? []).length > 0;
  }
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\s*[#;].*$/, format === 'systemd' ? '' : raw);
    for (const re of PATTERNS) {
      for (const m of line.matchAll(re)) {
        if (format === 'systemd' && m[0].startsWith('${')) {
          const name = m[0].slice(2, -1);
          if (!/^\s*Exec\w*\s*=/.test(line)) out.push({ text: m[0], line: i + 1 });
          else if (defined.has(name)) continue;
          else if (envFile) out.push({ text: m[0], line: i + 1, maybe: `it may come from EnvironmentFile=` });
          else out.push({ text: m[0], line: i + 1 });
          continue;
        }
        out.push({ text: m[0], line: i + 1 });
      }
    }
  });
  return out;
}
