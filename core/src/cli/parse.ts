import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';
import { GLOBAL_OPTIONS, type OptionSpec, type OptionValues, type Verb } from './verb.js';

export interface Resolved {
  /** The verb path as typed: ['evidence', 'lint']. */
  path: string[];
  verb: Verb | undefined;
  /** The tokens left once the verb path is taken out. */
  rest: string[];
}

const takesValue = (name: string, verb: Verb | undefined) => {
  const type = (GLOBAL_OPTIONS[name] ?? verb?.options?.[name])?.type;
  return type === 'string' || type === 'integer';
};

/** Walks the leading words of argv down the verb tree; options may come before, between or after them. */
export function resolveVerb(argv: readonly string[], verbs: readonly Verb[]): Resolved {
  const rest = [...argv];
  const path: string[] = [];
  let level: readonly Verb[] = verbs;
  let verb: Verb | undefined;
  let i = 0;
  while (i < rest.length) {
    const tok = rest[i]!;
    if (tok === '--') break;
    if (tok.startsWith('-')) {
      const name = tok.replace(/^--?/, '').split('=')[0]!;
      i += !tok.includes('=') && takesValue(name, verb) ? 2 : 1;
      continue;
    }
    if (verb && !verb.subverbs?.length) break;
    const next = level.find((v) => v.name === tok);
    if (!next) {
      const where = path.length ? `cutover ${path.join(' ')}` : 'cutover';
      const guess = didYouMean(tok, level.map((v) => v.name));
      throw new UsageError(`unknown ${path.length ? 'subcommand' : 'verb'} "${tok}" for ${where}${guess ? `; did you mean "${guess}"?` : ''}`, {
        hint: `Run \`${where} --help\` to list what exists.`,
      });
    }
    verb = next;
    path.push(tok);
    level = next.subverbs ?? [];
    rest.splice(i, 1);
  }
  return { path, verb, rest };
}

export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

/**
 * `--top -1`: node's parser takes a value that starts with a dash for an option and refuses it. A
 * number is never an option, so it is joined to the option that takes a value (`--top=-1`) and
 * the option's own check says what is wrong with it.
 */
function joinNegativeNumbers(tokens: readonly string[], specs: Record<string, OptionSpec>): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    const long = /^--([^=]+)$/.exec(tok)?.[1];
    const spec = long ? specs[long] : Object.values(specs).find((s) => tok === `-${s.short}`);
    if (spec && spec.type !== 'boolean' && next !== undefined && /^-\d/.test(next)) {
      out.push(`--${long ?? Object.keys(specs).find((k) => specs[k] === spec)}=${next}`);
      i++;
    } else out.push(tok);
  }
  return out;
}

/** The declared whole numbers, as numbers, or a usage error naming the option, the range and what was given. */
function parseIntegers(values: Record<string, unknown>, specs: Record<string, OptionSpec>, where: string): void {
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.type !== 'integer' || values[name] === undefined) continue;
    const raw = String(values[name]).trim();
    const n = /^[+-]?\d+$/.test(raw) ? Number(raw) : NaN;
    const range = spec.max !== undefined ? `from ${spec.min ?? 0} to ${spec.max}` : `≥ ${spec.min ?? 0}`;
    if (!Number.isSafeInteger(n) || n < (spec.min ?? 0) || (spec.max !== undefined && n > spec.max)) {
      throw new UsageError(`--${name} expects a whole number ${range}, got "${raw}"`, { hint: `Run \`${where} --help\` for the options.` });
    }
    values[name] = n;
  }
}

export function parseVerbArgs(tokens: readonly string[], verb: Verb | undefined, path: readonly string[]): ParsedArgs {
  const specs: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS, ...(verb?.options ?? {}) };
  if (!verb) specs.version = { type: 'boolean', short: 'V', description: 'Print the version (with --json: name, version and Node.js version as JSON)' };
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [
      name,
      { type: s.type === 'boolean' ? 'boolean' : 'string', ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}), ...(s.default !== undefined ? { default: s.default } : {}) },
    ]),
  );
  const where = ['cutover', ...path].join(' ');
  try {
    const { values, positionals } = parseArgs({ args: joinNegativeNumbers(tokens, specs), options: options as never, strict: true, allowPositionals: true });
    parseIntegers(values as Record<string, unknown>, specs, where);
    return { values: values as OptionValues, positionals };
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const err = e as Error & { code?: string };
    const unknown = /Unknown option '(-{1,2}[^']+)'/.exec(err.message)?.[1];
    if (unknown) {
      const guess = didYouMean(unknown.replace(/^-+/, ''), Object.keys(specs));
      throw new UsageError(`unknown option ${unknown} for ${where}${guess ? `; did you mean --${guess}?` : ''}`, {
        hint: `Run \`${where} --help\` for the options.`,
      });
    }
    throw new UsageError(`${err.message.split('\n')[0]} (${where})`, { hint: `Run \`${where} --help\` for the options.` });
  }
}

export function checkPositionals(verb: Verb, positionals: readonly string[], path: readonly string[]): void {
  const specs = verb.positionals ?? [];
  const where = ['cutover', ...path].join(' ');
  const required = specs.filter((p) => p.required);
  if (positionals.length < required.length) {
    throw new UsageError(`${where}: missing <${required[positionals.length]!.name}>`, { hint: `Run \`${where} --help\`.` });
  }
  if (!specs.some((p) => p.variadic) && positionals.length > specs.length) {
    throw new UsageError(`${where}: unexpected argument "${positionals[specs.length]}"`, { hint: `Run \`${where} --help\`.` });
  }
}
