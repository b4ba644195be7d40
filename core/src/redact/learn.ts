import { isSecretKey, registerSecret, type SecretOrigin } from './registry.js';
import { secretsInText } from './text.js';
import { isSecretRef } from './value.js';

const SECRET_FLAG = /^--([A-Za-z][\w-]*)$/;

/**
 * Registers the secrets a piece of data holds, so they are scrubbed wherever they show up later
 * (a target echoing its env, an error quoting its argv): values under secret-named keys (env vars
 * included), the argument after a secret-named flag or `-u` in an argv array, and what the text
 * rules find in any string (`--db-password=X`, `https://u:p@host`, an `Authorization:` header).
 */
export function learnSecrets(data: unknown, origin: SecretOrigin = 'explicit'): void {
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64) return;
    if (typeof v === 'string') {
      for (const s of secretsInText(v)) registerSecret(s, origin);
      return;
    }
    if (v === null || typeof v !== 'object' || isSecretRef(v)) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        const prev = v[i - 1];
        if (typeof x === 'string' && typeof prev === 'string') {
          const flag = SECRET_FLAG.exec(prev)?.[1];
          if (flag && !flag.startsWith('no-') && isSecretKey(flag)) registerSecret(x, origin);
          else if (/^(?:-u|--user|--proxy-user)$/.test(prev) && x.includes(':')) registerSecret(x.slice(x.indexOf(':') + 1), origin);
        }
        walk(x, depth + 1);
      });
      return;
    }
    for (const [k, x] of Object.entries(v)) {
      if (typeof x === 'string' && isSecretKey(k)) registerSecret(x, origin);
      else walk(x, depth + 1);
    }
  };
  walk(data, 0);
}
