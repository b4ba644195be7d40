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

const takesValue = (name: string, verb: Verb | undefined) =>
  (GLOBAL_OPTIONS[name] ?? verb?.options?.[name])?.type === 'string';

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

export function parseVerbArgs(tokens: readonly string[], verb: Verb | undefined, path: readonly string[]): ParsedArgs {
  const specs: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS, ...(verb?.options ?? {}) };
  if (!verb) specs.version = { type: 'boolean', short: 'V', description: 'Print the version' };
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, s]) => [
      name,
      { type: s.type, ...(s.short ? { short: s.short } : {}), ...(s.multiple ? { multiple: true } : {}), ...(s.default !== undefined ? { default: s.default } : {}) },
    ]),
  );
  const where = ['cutover', ...path].join(' ');
  try {
    const { values, positionals } = parseArgs({ args: [...tokens], options: options as never, strict: true, allowPositionals: true });
    return { values: values as OptionValues, positionals };
  } catch (e) {
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
