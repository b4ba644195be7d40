import type { LoadedConfig } from '../../core/src/config/index.js';
import { ConfigError } from '../../core/src/errors.js';
import { createRedactor, type Redactor } from '../../core/src/redact.js';
import { Contract } from './checks/contract.js';
import { harnessSettings, type HarnessSettings } from './settings.js';
import { secretSource } from './trace/secret-source.js';
import { createTransport } from './transports/registry.js';
import type { Transport } from './transports/transport.js';

/** Everything a harness run shares: settings, the redactor (which learns tokens as they are read), the contract. */
export interface HarnessContext {
  settings: HarnessSettings;
  redactor: Redactor;
  contract: Contract | undefined;
  onProgress: (line: string) => void;
  /** The value of a `{"$secret": NAME}` a request sends; `where` names the step for the error. */
  secret: (name: string, where: string) => string;
}

export function createContext(loaded: LoadedConfig, onProgress: (line: string) => void = () => {}): HarnessContext {
  const settings = harnessSettings(loaded);
  return {
    settings,
    redactor: createRedactor(),
    contract: Contract.load(settings.contract),
    onProgress,
    secret: secretSource(settings),
  };
}

export function transportFor(ctx: HarnessContext, role: 'old' | 'new'): Transport {
  const target = ctx.settings[role];
  if (!target) {
    throw new ConfigError(`harness.${role} is not configured`, {
      location: { file: ctx.settings.configFile },
      hint: role === 'old' ? 'Describe the old path (e.g. { transport: "stdio", command: "node", args: [...] }).' : 'Describe the new path (e.g. { transport: "socket", endpoint: "...", command: ... }).',
    });
  }
  return createTransport(target, { timeouts: ctx.settings.timeouts, redactor: ctx.redactor, logDir: ctx.settings.logDir });
}
