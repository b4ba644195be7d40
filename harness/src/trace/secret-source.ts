import fs from 'node:fs';
import { ConfigError } from '../../../core/src/errors.js';
import { registerSecret } from '../../../core/src/redact/registry.js';
import type { HarnessSettings } from '../settings.js';

/**
 * Reads the secret a `{"$secret": NAME}` stands for, as the request leaves: from
 * `harness.secrets.NAME` (an env var or a file), else from the environment variable NAME. The
 * value is registered at once, so an answer or a log line that echoes it is scrubbed.
 */
export function secretSource(settings: Pick<HarnessSettings, 'secrets' | 'configFile'>, env: NodeJS.ProcessEnv = process.env): (name: string, where: string) => string {
  return (name, where) => {
    const mapped = settings.secrets[name];
    const hint = `Export ${mapped?.env ?? name} before running, or say where it is in harness.secrets.${name} ({ env: VAR } or { file: PATH }).`;
    let value: string | undefined;
    if (mapped?.file) {
      try {
        value = fs.readFileSync(mapped.file, 'utf8').trim();
      } catch (e) {
        throw new ConfigError(`${where}: the secret ${name} cannot be read from ${mapped.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { location: { file: settings.configFile }, hint });
      }
    } else value = env[mapped?.env ?? name];
    if (!value) {
      throw new ConfigError(`${where}: the secret ${name} is not set (${mapped?.file ? `the file ${mapped.file} is empty` : `no environment variable ${mapped?.env ?? name}`})`, { hint });
    }
    registerSecret(value);
    return value;
  };
}
