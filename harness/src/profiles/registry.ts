import { ConfigError } from '../../../core/src/errors.js';
import { didYouMean } from '../../../core/src/util/did-you-mean.js';
import { controlSocket } from './control-socket.js';
import { coworkNdjson } from './cowork-ndjson.js';
import { jsonRpcContentLength } from './jsonrpc-content-length.js';
import { jsonRpcNdjson } from './jsonrpc-ndjson.js';
import type { Profile } from './profile.js';

/** Every protocol profile, by name. The first is the default. */
export const PROFILES: readonly Profile[] = [coworkNdjson, jsonRpcNdjson, jsonRpcContentLength, controlSocket];

export const DEFAULT_PROFILE = coworkNdjson.name;

export function getProfile(name: string): Profile {
  const p = PROFILES.find((x) => x.name === name);
  if (p) return p;
  const guess = didYouMean(name, PROFILES.map((x) => x.name));
  throw new ConfigError(`unknown protocol profile "${name}"${guess ? `; did you mean "${guess}"?` : ''}`, {
    hint: `Known profiles: ${PROFILES.map((x) => x.name).join(', ')}.`,
  });
}
