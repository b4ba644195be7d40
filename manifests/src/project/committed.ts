/** The committed manifests: read, validated against the shipped manifest schema, with line lookup. */
import fs from 'node:fs';
import path from 'node:path';
import { explainErrors } from '../../../core/src/config/validate.js';
import { readDataFile } from '../../../core/src/config/read-file.js';
import { ConfigError } from '../../../core/src/errors.js';
import { shippedValidator } from '../../../core/src/validators/load.js';
import type { CommandsManifest, EventsManifest } from '../build/types.js';
import type { ValidateFunction } from 'ajv';

export const MANIFEST_SCHEMA_FILE = 'schema/manifest.schema.json';
export const FILES = { commands: 'commands.json', events: 'events.json', types: 'types.d.ts' } as const;

export interface CommittedFile<T> {
  file: string;
  text: string;
  data: T;
  lineOf(keyPath: readonly (string | number)[]): number | undefined;
}

export interface Committed {
  commands?: CommittedFile<CommandsManifest>;
  events?: CommittedFile<EventsManifest>;
  /** Text of types.d.ts, when it exists. */
  types?: string;
}

/** The validator of one manifest kind, so errors name that kind's keys rather than "matches none of". */
function validate(key: 'commands' | 'events'): ValidateFunction {
  return shippedValidator('manifest', key);
}

export function readCommitted(out: string): Committed {
  const c: Committed = {};
  const commands = readOne<CommandsManifest>(path.join(out, FILES.commands), 'commands');
  const events = readOne<EventsManifest>(path.join(out, FILES.events), 'events');
  if (commands) c.commands = commands;
  if (events) c.events = events;
  const types = path.join(out, FILES.types);
  if (fs.existsSync(types)) c.types = fs.readFileSync(types, 'utf8');
  return c;
}

function readOne<T>(file: string, key: 'commands' | 'events'): CommittedFile<T> | undefined {
  if (!fs.existsSync(file)) return undefined;
  const text = fs.readFileSync(file, 'utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    readDataFile(file, 'json'); // throws the error with its line
  }
  const v = validate(key);
  if (!v(data)) {
    // The slow parser that keeps positions, only to say where the problems are.
    const raw = readDataFile(file, 'json');
    const details = explainErrors(v.errors ?? []).map((p) => {
      const line = raw.lineOf(p.segments);
      return `${path.basename(file)}${line ? `:${line}` : ''}  ${p.keyPath}: ${p.message}`;
    });
    throw new ConfigError(`${path.basename(file)} is not a valid ${key} manifest`, {
      location: { file },
      details: details.slice(0, 20),
      hint: 'Regenerate it with `cutover manifest --update`; the format is schema/manifest.schema.json in the cutover package.',
    });
  }
  return { file, text, data: data as T, lineOf: (keyPath) => entryLine(text, data, keyPath) };
}

/**
 * The line of an entry's name (`['commands', 3, 'name']`): the least indented `"name": "x"` line,
 * since nested references carry names too. Manifests are large; this avoids a positional parse.
 */
function entryLine(text: string, data: unknown, keyPath: readonly (string | number)[]): number | undefined {
  const [key, index] = keyPath;
  const entry = (data as Record<string, { name?: unknown }[] | undefined>)[String(key)]?.[Number(index)];
  if (typeof entry?.name !== 'string') return undefined;
  const needle = `"name": ${JSON.stringify(entry.name)}`;
  let best: { line: number; indent: number } | undefined;
  text.split('\n').forEach((l, i) => {
    const at = l.indexOf(needle);
    if (at >= 0 && l.slice(0, at).trim() === '' && (!best || at < best.indent)) best = { line: i + 1, indent: at };
  });
  return best?.line;
}
