import path from 'node:path';
import { ConfigError } from '../../core/src/errors.js';
import { PlaceholderError, expandText, expandValue } from '../../core/src/placeholders.js';
import type { LoadedConfig } from '../../core/src/config/index.js';
import type { HarnessConfig, HarnessPathRule } from '../../core/src/config/types.generated.js';
import { DEFAULT_PROFILE, getProfile } from './profiles/registry.js';
import type { JsonObject, Profile } from './profiles/profile.js';
import { checkTargetPlaceholders } from './target-placeholders.js';

export interface Timeouts {
  readyMs: number;
  responseMs: number;
  waitMs: number;
  settleMs: number;
  stopMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { readyMs: 15_000, responseMs: 10_000, waitMs: 15_000, settleMs: 150, stopMs: 3_000 };
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

/** When a target is ready, in the order it is waited for: its ready message or line, then a command answering as `until` says. */
export interface ReadySpec {
  /** The profile's ready message comes first (a stdio sidecar's ready event). */
  message: boolean;
  line?: { stream: 'stdout' | 'stderr'; pattern: RegExp; endpoint?: string };
  command?: { command: string; params?: JsonObject; until: Record<string, unknown>; intervalMs: number };
  /** The limit for all of it (harness.timeouts.readyMs unless the target says otherwise). */
  timeoutMs: number;
}

export interface CommandSpec {
  command: string;
  params?: JsonObject;
}

/** One target (old or new path) with defaults filled in; placeholders are expanded at start. */
export interface TargetSettings {
  role: 'old' | 'new';
  /** "new path (socket)" */
  label: string;
  transport: 'stdio' | 'socket';
  profile: Profile;
  command?: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  dataDir: boolean;
  /** A fresh home folder per run (HOME, USERPROFILE and {{home}} point at it). */
  home: boolean;
  ready: ReadySpec;
  endpoint?: string;
  token?: { file?: string; env?: string; field: string };
  setup: CommandSpec[];
  configDir: string;
  maxFrameBytes: number;
}

export interface PathRule {
  path: string;
  command?: string;
  event?: string;
}

export interface CompareSettings {
  ignore: PathRule[];
  mask: PathRule[];
  ids: RegExp[];
  idKeys: string[];
  /** Undefined: the profile's. */
  transportOnly: PathRule[] | undefined;
  ordering: 'session' | 'strict' | 'none';
  detect: { isoTimes: boolean; epochMillis: boolean; uuids: boolean; paths: boolean; idsInText: boolean };
}

export interface HarnessSettings {
  configFile: string;
  configDir: string;
  profile: Profile;
  old: TargetSettings | undefined;
  new: TargetSettings | undefined;
  scenarioPaths: string[];
  tracesDir: string;
  compare: CompareSettings;
  contract: { commands?: string; events?: string };
  /** Where each `{"$secret": NAME}` of a scenario is read from (default: env var NAME). */
  secrets: Record<string, { env?: string; file?: string }>;
  /** Where targets' stderr logs go, if anywhere. */
  logDir: string | undefined;
  timeouts: Timeouts;
  maxFrameBytes: number;
  builtins: NonNullable<HarnessConfig['builtins']>;
}

export function harnessSettings(loaded: LoadedConfig): HarnessSettings {
  const h: HarnessConfig = loaded.config.harness ?? {};
  const profile = getProfile(h.profile ?? DEFAULT_PROFILE);
  const maxFrameBytes = h.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...h.timeouts };
  const target = (role: 'old' | 'new') => {
    const t = h[role];
    if (t) checkTargetPlaceholders(loaded, role, t);
    return t ? targetSettings(role, t, profile, loaded.dir, maxFrameBytes, timeouts.readyMs) : undefined;
  };
  const scenarioPaths = h.scenarios ?? [];
  // Traces sit beside the scenario folder (cutover/scenarios → cutover/traces) unless configured.
  const first = scenarioPaths[0];
  const defaultTraces = first ? path.join(path.dirname(path.extname(first) ? path.dirname(first) : first), 'traces') : path.join(loaded.dir, 'traces');
  const c = h.compare ?? {};
  return {
    configFile: loaded.file,
    configDir: loaded.dir,
    profile,
    old: target('old'),
    new: target('new'),
    scenarioPaths,
    tracesDir: h.traces ?? defaultTraces,
    compare: {
      ignore: (c.ignore ?? []).map(pathRule),
      mask: (c.mask ?? []).map(pathRule),
      ids: (c.ids ?? []).map((p, i) => regex(p, `harness.compare.ids[${i}]`)),
      idKeys: c.idKeys ?? [],
      transportOnly: c.transportOnly?.map(pathRule),
      ordering: c.ordering ?? 'session',
      detect: { isoTimes: true, epochMillis: true, uuids: true, paths: true, idsInText: true, ...c.detect },
    },
    contract: { ...(h.contract?.commands ? { commands: h.contract.commands } : {}), ...(h.contract?.events ? { events: h.contract.events } : {}) },
    secrets: Object.fromEntries(Object.entries(h.secrets ?? {}).filter((e): e is [string, { env?: string; file?: string }] => e[1] !== undefined)),
    logDir: h.logDir,
    timeouts,
    maxFrameBytes,
    builtins: h.builtins ?? {},
  };
}

type RawTarget = NonNullable<HarnessConfig['old']>;

function targetSettings(role: 'old' | 'new', t: RawTarget, defaultProfile: Profile, configDir: string, maxFrameBytes: number, readyMs: number): TargetSettings {
  const where = `harness.${role}`;
  const r = typeof t.ready === 'object' ? t.ready : undefined;
  if (t.transport === 'stdio' && !t.command) throw new ConfigError(`${where}.command is required for the stdio transport`, { hint: 'Name the program that serves on stdin/stdout.' });
  if (t.transport === 'socket' && !t.endpoint && !r?.endpoint) {
    throw new ConfigError(`${where}.endpoint is required for the socket transport`, {
      hint: 'Give a Unix socket path, \\\\.\\pipe\\NAME or tcp://127.0.0.1:PORT, or ready.endpoint to read it from the ready line.',
    });
  }
  return {
    role,
    label: `${role} path (${t.transport})`,
    transport: t.transport,
    profile: t.profile ? getProfile(t.profile) : defaultProfile,
    ...(t.command ? { command: t.command } : {}),
    args: t.args ?? [],
    env: Object.fromEntries(Object.entries(t.env ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
    cwd: t.cwd ?? configDir,
    dataDir: t.dataDir ?? false,
    home: t.home ?? false,
    ready: readySpec(t, where, readyMs),
    ...(t.endpoint ? { endpoint: t.endpoint } : {}),
    ...(t.token ? { token: { ...(t.token.file ? { file: t.token.file } : {}), ...(t.token.env ? { env: t.token.env } : {}), field: t.token.field ?? 'authToken' } } : {}),
    setup: (t.setup ?? []).map((s) => ({ command: s.command, ...(s.params ? { params: s.params as JsonObject } : {}) })),
    configDir,
    maxFrameBytes,
  };
}

function readySpec(t: RawTarget, where: string, readyMs: number): ReadySpec {
  const r = t.ready;
  if (typeof r !== 'object') return { message: (r ?? (t.transport === 'stdio' ? 'message' : 'none')) === 'message', timeoutMs: readyMs };
  if (r.endpoint && !r.pattern) throw new ConfigError(`${where}.ready.endpoint reads the endpoint from the ready line, but ${where}.ready.pattern is not set`, { hint: 'Give the pattern of that line.' });
  if ((r.until || r.params || r.intervalMs) && !r.command) throw new ConfigError(`${where}.ready.until needs ${where}.ready.command: the command whose answer it matches`);
  if (!r.pattern && !r.command && r.message === undefined) {
    throw new ConfigError(`${where}.ready says neither what to wait for: a line (pattern), a command (command, until) or the ready message (message: true)`);
  }
  return {
    message: r.message ?? false,
    ...(r.pattern ? { line: { stream: r.stream ?? 'stdout', pattern: regex(r.pattern, `${where}.ready.pattern`), ...(r.endpoint ? { endpoint: r.endpoint } : {}) } } : {}),
    ...(r.command ? { command: { command: r.command, ...(r.params ? { params: r.params as JsonObject } : {}), until: (r.until ?? {}) as Record<string, unknown>, intervalMs: r.intervalMs ?? 100 } } : {}),
    timeoutMs: r.timeoutMs ?? readyMs,
  };
}

function pathRule(r: HarnessPathRule): PathRule {
  return typeof r === 'string' ? { path: r } : { path: r.path, ...(r.command ? { command: r.command } : {}), ...(r.event ? { event: r.event } : {}) };
}

/** `/re/flags` or a bare pattern. */
function regex(source: string, where: string): RegExp {
  const m = /^\/(.*)\/([a-z]*)$/.exec(source);
  try {
    return m ? new RegExp(m[1]!, m[2]) : new RegExp(source);
  } catch (e) {
    throw new ConfigError(`${where}: not a valid regular expression: ${(e as Error).message}`);
  }
}

/**
 * Expands `{{dataDir}}`, `{{home}}`, `{{configDir}}` and `{{env.NAME}}` in a target's command, args, env,
 * cwd, endpoint, token file, setup and ready params (the older `{dataDir}` spelling is read the same way).
 */
export interface TargetVars {
  configDir: string;
  dataDir?: string;
  home?: string;
}

export function expand(value: string, vars: TargetVars, where: string): string {
  try {
    return expandText(value, scopeOf(vars));
  } catch (e) {
    throw placeholderError(e, vars, where);
  }
}

/** The same in every string of a JSON value (setup and ready params); a `{"$secret": NAME}` is left for the runner. */
export function expandParams(params: JsonObject, vars: TargetVars, where: string): JsonObject {
  try {
    return expandValue(params, scopeOf(vars));
  } catch (e) {
    throw placeholderError(e, vars, where);
  }
}

function scopeOf(vars: TargetVars): Record<string, string> {
  return { configDir: vars.configDir, ...(vars.dataDir !== undefined ? { dataDir: vars.dataDir } : {}), ...(vars.home !== undefined ? { home: vars.home } : {}) };
}

function placeholderError(e: unknown, vars: TargetVars, where: string): unknown {
  if (!(e instanceof PlaceholderError)) return e;
  const missing = /\{\{dataDir\}\}/.test(e.message) && vars.dataDir === undefined ? 'dataDir' : /\{\{home\}\}/.test(e.message) && vars.home === undefined ? 'home' : undefined;
  if (missing) return new ConfigError(`${where} uses {{${missing}}}, but the target has no ${missing === 'dataDir' ? 'data dir' : 'home folder of its own'}`, { hint: `Set ${missing}: true on the target.` });
  return new ConfigError(`${where}: ${e.message}`, { hint: 'Placeholders in a target: {{configDir}}, {{env.NAME}}, and {{dataDir}} / {{home}} when the target sets dataDir: true / home: true.' });
}

/** Expands, then resolves a relative result from the config file's folder (the one rule for relative paths). */
export function expandPath(value: string, vars: TargetVars, where: string): string {
  const v = expand(value, vars, where);
  return path.isAbsolute(v) || /^\\\\/.test(v) ? v : path.resolve(vars.configDir, v);
}
