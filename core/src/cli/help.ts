import type { Style } from '../output.js';
import { GLOBAL_OPTIONS, type OptionSpec, type Verb } from './verb.js';

function optionLines(options: Record<string, OptionSpec>): string[] {
  const rows = Object.entries(options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.type === 'boolean' ? '' : ` ${spec.valueName ?? (spec.type === 'integer' ? 'N' : 'VALUE')}`}`;
    const extra = spec.multiple && !/\(repeatable\)/.test(spec.description) ? ' (repeatable)' : '';
    const def = spec.default !== undefined && spec.default !== false ? ` [default: ${String(spec.default)}]` : '';
    return [flag, `${spec.description}${extra}${def}`] as const;
  });
  const width = Math.max(0, ...rows.map(([f]) => f.length));
  return rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`);
}

export function usageLine(path: string[], verb?: Verb): string {
  const parts = ['cutover', ...path];
  if (verb?.subverbs?.length) parts.push('<subcommand>');
  for (const p of verb?.positionals ?? []) parts.push(p.required ? `<${p.name}${p.variadic ? '…' : ''}>` : `[${p.name}${p.variadic ? '…' : ''}]`);
  parts.push('[options]');
  return parts.join(' ');
}

export function renderRootHelp(verbs: readonly Verb[], version: string, s: Style): string {
  const width = Math.max(...verbs.map((v) => v.name.length));
  return [
    `${s.bold('cutover')} ${version}: prove a sidecar-to-daemon migration breaks nothing, and gate the release on it.`,
    '',
    `${s.bold('Usage:')} cutover <verb> [options]`,
    '',
    s.bold('Verbs:'),
    ...verbs.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`),
    `  ${'help'.padEnd(width)}  Help for a verb: cutover help <verb> [<subcommand>]`,
    '',
    s.bold('Global options:'),
    ...optionLines({ ...GLOBAL_OPTIONS, version: { type: 'boolean', short: 'V', description: 'Print the version (with --json: name, version and Node.js version as JSON)' } }),
    '',
    `Exit codes: 0 ok · 1 findings, drift or BLOCK · 2 bad usage or invalid config/input · 3 target or environment failed.`,
    `Run ${s.cyan('cutover help <verb>')} (or ${s.cyan('cutover <verb> --help')}) for a verb's options.`,
  ].join('\n');
}

export function renderVerbHelp(path: string[], verb: Verb, s: Style): string {
  const lines = [`${s.bold('Usage:')} ${usageLine(path, verb)}`, '', verb.summary];
  if (verb.description) lines.push('', verb.description);
  if (verb.subverbs?.length) {
    const width = Math.max(...verb.subverbs.map((v) => v.name.length));
    lines.push('', s.bold('Subcommands:'), ...verb.subverbs.map((v) => `  ${v.name.padEnd(width)}  ${v.summary}`));
  }
  if (verb.positionals?.length) {
    const width = Math.max(...verb.positionals.map((p) => p.name.length));
    lines.push('', s.bold('Arguments:'), ...verb.positionals.map((p) => `  ${p.name.padEnd(width)}  ${p.description}`));
  }
  if (verb.options && Object.keys(verb.options).length) lines.push('', s.bold('Options:'), ...optionLines(verb.options));
  lines.push('', s.bold('Global options:'), ...optionLines(GLOBAL_OPTIONS));
  if (verb.examples?.length) lines.push('', s.bold('Examples:'), ...verb.examples.map((e) => `  ${e}`));
  return lines.join('\n');
}
