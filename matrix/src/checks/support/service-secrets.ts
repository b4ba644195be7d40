import { createRedactor, isSecretKey } from '../../../../core/src/redact.js';
import type { PlistValue } from './plist.js';

/** Where a rendered definition holds a secret: the line, and what names it (never the value). */
export interface SecretSpot {
  line: number;
  what: string;
}

/**
 * Secrets a definition holds in plain text: values under secret-looking names (Environment=
 * API_TOKEN=…, an EnvironmentVariables entry, --token …) and well-known token shapes anywhere,
 * found by the same rules (and the same secret names) the redactor uses for logs.
 */
export function findSecrets(text: string, format: 'launchd' | 'systemd', root?: PlistValue): SecretSpot[] {
  const out: SecretSpot[] = [];
  const redactor = createRedactor();
  text.split(/\r?\n/).forEach((line, i) => {
    if (format === 'systemd' && /^\s*[#;]/.test(line)) return;
    if (redactor.text(line) !== line) out.push({ line: i + 1, what: describe(line) });
  });
  if (format === 'launchd' && root?.type === 'dict') {
    const env = root.entries.get('EnvironmentVariables');
    if (env?.type === 'dict') {
      for (const [name, v] of env.entries) {
        if (isSecretKey(name) && v.type === 'string' && v.value.trim() !== '' && !out.some((s) => s.line === v.line)) {
          out.push({ line: v.line, what: `EnvironmentVariables.${name}` });
        }
      }
    }
  }
  return out.sort((a, b) => a.line - b.line);
}

function describe(line: string): string {
  const named = /([A-Za-z_][\w-]*)\s*[=:]/.exec(line.replace(/^\s*Environment\s*=\s*"?/, ''));
  return named && isSecretKey(named[1]!) ? named[1]! : 'a token-shaped value';
}
