import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { ConfigError } from '../../../core/src/errors.js';
import { explainErrors } from '../../../core/src/config/validate.js';
import { getPath } from '../compare/json-path.js';
import type { Profile } from '../profiles/profile.js';
import type { BodyLine } from '../trace/types.js';
import { REDACTED } from '../../../core/src/redact/registry.js';
import { hasSecretRef, resolveSecretRefs } from '../trace/secret-refs.js';

type AddFormats = (ajv: Ajv) => Ajv;
const addFormats: AddFormats = (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

export interface ContractViolation {
  /** "params of agent_send_message", "result of agent_get_session", "data of stream:chunk". */
  what: string;
  problems: string[];
  /** Index of the line in the run or trace. */
  at: number;
}

/**
 * The manifests' promises, checked on real traffic: every request's params, every
 * successful result and every event payload against its schema. Both paths may agree and
 * still break the contract; that is a finding too.
 */
/** Compiled contracts by the sha256 of the manifests' content. */
const compiled = new Map<string, Contract>();

export class Contract {
  private readonly params = new Map<string, ValidateFunction>();
  private readonly results = new Map<string, ValidateFunction>();
  private readonly payloads = new Map<string, ValidateFunction>();

  /**
   * The validators of these manifests, compiled once per content: every harness run of a matrix,
   * every built-in scenario, starts from the same manifests (compiling them is most of the cost).
   */
  static load(files: { commands?: string; events?: string }): Contract | undefined {
    if (!files.commands && !files.events) return undefined;
    const commands = files.commands ? readText(files.commands) : '';
    const events = files.events ? readText(files.events) : '';
    const key = createHash('sha256').update(commands).update('\u0000').update(events).digest('hex');
    const cached = compiled.get(key);
    if (cached) return cached;
    // The manifests' schemas may carry annotations of their own; not strict, but every format checked.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    addFormats(ajv);
    const c = new Contract();
    if (files.commands) {
      const doc = parseJson(commands, files.commands) as { commands?: { name?: unknown; params?: unknown; result?: unknown }[] };
      if (!Array.isArray(doc.commands)) throw new ConfigError('not a commands manifest: no "commands" array', { location: { file: files.commands }, hint: 'Point harness.contract.commands at the commands.json `cutover manifest` writes.' });
      for (const cmd of doc.commands) {
        if (typeof cmd.name !== 'string') continue;
        if (isSchema(cmd.params)) c.params.set(cmd.name, compile(ajv, cmd.params, files.commands, `${cmd.name}.params`));
        if (isSchema(cmd.result)) c.results.set(cmd.name, compile(ajv, cmd.result, files.commands, `${cmd.name}.result`));
      }
    }
    if (files.events) {
      const doc = parseJson(events, files.events) as { events?: { name?: unknown; payload?: unknown }[] };
      if (!Array.isArray(doc.events)) throw new ConfigError('not an events manifest: no "events" array', { location: { file: files.events }, hint: 'Point harness.contract.events at the events.json `cutover manifest` writes.' });
      for (const ev of doc.events) {
        if (typeof ev.name === 'string' && isSchema(ev.payload)) c.payloads.set(ev.name, compile(ajv, ev.payload, files.events, `${ev.name}.payload`));
      }
    }
    if (compiled.size >= 8) compiled.clear();
    compiled.set(key, c);
    return c;
  }

  /** Checks one exchange (a trace body or a replay run). */
  check(lines: readonly BodyLine[], profile: Profile): ContractViolation[] {
    const out: ContractViolation[] = [];
    const commandOf = new Map<string, string>();
    lines.forEach((l, at) => {
      if (l.type === 'request') {
        if (l.id !== undefined) commandOf.set(`${l.conn}\u0000${String(l.id)}`, l.command);
        const v = this.params.get(l.command);
        // A `{"$secret": NAME}` stands for a string the trace does not hold: checked as one.
        const params = l.params ?? {};
        if (v && !l.breaksContract && !v(hasSecretRef(params) ? resolveSecretRefs(params, () => REDACTED) : params)) out.push({ what: `params of ${l.command}`, problems: explain(v), at });
      } else if (l.type === 'response') {
        const c = profile.classify(l.message);
        if (c.kind !== 'response' || !c.ok || c.id === null) return;
        const command = commandOf.get(`${l.conn}\u0000${String(c.id)}`);
        const v = command ? this.results.get(command) : undefined;
        if (v && !v(getPath(l.message, profile.paths.result) ?? null)) out.push({ what: `result of ${command}`, problems: explain(v), at });
      } else if (l.type === 'event') {
        const c = profile.classify(l.message);
        if (c.kind !== 'event') return;
        const v = this.payloads.get(c.type);
        if (v && !v(getPath(l.message, profile.paths.eventData) ?? null)) out.push({ what: `data of event ${c.type}`, problems: explain(v), at });
      }
    });
    return out;
  }
}

function explain(v: ValidateFunction): string[] {
  return explainErrors(v.errors ?? []).map((p) => `${p.keyPath}: ${p.message}`);
}

function isSchema(v: unknown): v is Record<string, unknown> | boolean {
  return typeof v === 'boolean' || (typeof v === 'object' && v !== null && !Array.isArray(v));
}

function compile(ajv: Ajv, schema: object | boolean, file: string, what: string): ValidateFunction {
  try {
    return ajv.compile(schema);
  } catch (e) {
    throw new ConfigError(`the manifest schema for ${what} does not compile: ${(e as Error).message}`, { location: { file } });
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read manifest: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, { location: { file }, hint: 'Run `cutover manifest` first, or fix harness.contract.' });
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`manifest is not valid JSON: ${(e as Error).message}`, { location: { file } });
  }
}
