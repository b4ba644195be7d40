import path from 'node:path';
import type { LoadedConfig } from '../../core/src/config/index.js';
import type { HarnessConfig } from '../../core/src/config/types.generated.js';
import { ConfigError } from '../../core/src/errors.js';
import { placeholderUses } from '../../core/src/placeholders.js';
import { formatKeyPath } from '../../core/src/config/validate.js';

type RawTarget = NonNullable<HarnessConfig['old']>;

/**
 * A target's placeholders checked when the config is read, before any target starts: a typo
 * (`{{dataDirr}}`) or a `{{dataDir}}` on a target without a data dir is a config error at its
 * file:line, not a failure halfway through a run after the other path already ran.
 */
export function checkTargetPlaceholders(loaded: LoadedConfig, role: 'old' | 'new', t: RawTarget): void {
  const known = ['configDir', ...(t.dataDir ? ['dataDir'] : []), ...(t.home ? ['home'] : [])];
  const r = typeof t.ready === 'object' ? t.ready : undefined;
  const fields: [string, unknown][] = [['command', t.command], ['args', t.args], ['env', t.env], ['cwd', t.cwd], ['endpoint', t.endpoint], ['token', t.token], ['setup', t.setup], ['ready', r?.params === undefined ? undefined : { params: r.params }]];
  const problems = fields
    .flatMap(([key, value]) => placeholderUses(value, ['harness', role, key]))
    .filter((u) => u.name !== 'env' && !known.includes(u.name))
    .map(({ at, name, ref }) => {
      const own = name === 'dataDir' ? 'dataDir: true (a data dir of its own)' : name === 'home' ? 'home: true (a home folder of its own)' : undefined;
      return { at, message: own ? `${ref} needs ${own} on the target` : `unknown placeholder ${ref} (known here: ${[...known, 'env.NAME'].map((k) => `{{${k}}}`).join(', ')})` };
    });
  if (!problems.length) return;
  const rel = path.relative(process.cwd(), loaded.file) || loaded.file;
  throw new ConfigError(`${problems.length} placeholder error${problems.length === 1 ? '' : 's'} in harness.${role}`, {
    location: { file: loaded.file },
    details: problems.map((p) => {
      const line = loaded.lineOf?.(p.at);
      return `${rel}${line ? `:${line}` : ''}  ${formatKeyPath(p.at)}: ${p.message}`;
    }),
    hint: 'Placeholders in a target: {{configDir}}, {{env.NAME}}, and {{dataDir}} / {{home}} when the target sets dataDir: true / home: true.',
  });
}
