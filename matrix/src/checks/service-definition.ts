import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../core/src/findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { describeRun, displayCommand, runToEnd } from '../../../core/src/process/run.js';
import { findingIds } from '../finding-ids.js';
import { inspectLaunchd } from './support/launchd-rules.js';
import { findLeftovers } from './support/leftover-placeholders.js';
import { PlistError, parsePlist, type PlistValue } from './support/plist.js';
import { programOf, programProblem } from './support/service-program.js';
import { findSecrets } from './support/service-secrets.js';
import { runValidator } from './support/service-validators.js';
import { inspectSystemd } from './support/systemd-rules.js';
import { UnitSyntaxError, parseSystemdUnit, type SystemdUnit } from './support/systemd-unit.js';
import type { CheckContext, CheckKind, CheckOutcome, RunRecord } from './types.js';

export type ServiceFormat = 'launchd' | 'systemd';

export interface ServiceDefinitionSpec {
  kind: 'service-definition';
  file: string;
  format?: ServiceFormat;
  require?: string[];
  expect?: Record<string, string | number | boolean>;
  generate?: string | string[] | { command: string | string[]; cwd?: string; env?: Record<string, string> };
  checkProgram?: boolean;
  validator?: 'auto' | 'required' | 'off';
}

/** A problem in a service definition: what, and the line it is on. */
export interface ServiceProblem {
  message: string;
  line?: number;
}

export function formatOf(file: string, declared?: ServiceFormat): ServiceFormat | undefined {
  if (declared) return declared;
  if (file.endsWith('.plist')) return 'launchd';
  if (/\.(service|socket|timer|path|target)$/.test(file)) return 'systemd';
  return undefined;
}

const COMMAND_SCHEMA = { description: 'A shell line or an argv.', anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string' }, minItems: 1 }] };

export const serviceDefinitionCheck: CheckKind<ServiceDefinitionSpec> = {
  kind: 'service-definition',
  description:
    'Parses a launchd plist or systemd unit (optionally rendered first by the app\'s installer into the cell\'s temp dir) and requires the keys that matter with their types and expected values; finds leftover placeholders, a program that is not there, secrets in a world-readable file; runs plutil -lint or systemd-analyze verify when installed.',
  schema: {
    title: 'ServiceDefinitionCheck',
    required: ['file'],
    properties: {
      file: { type: 'string', description: 'The plist or unit file, relative to the matrix file ({{mode}}, {{os}} and {{tmp}} allowed: a generated file is usually in {{tmp}}).' },
      format: { enum: ['launchd', 'systemd'], description: 'Default: from the extension (.plist → launchd; .service, .socket, .timer → systemd).' },
      require: {
        type: 'array',
        items: { type: 'string' },
        description: 'Keys that must be present; "A|B" means either. launchd: top-level keys (default Label, ProgramArguments|Program, RunAtLoad, KeepAlive). systemd: Section.Key (default Unit.Description, Service.ExecStart, Install.WantedBy).',
      },
      expect: {
        type: 'object',
        description: 'Exact values (placeholders allowed): launchd dotted paths ("KeepAlive.SuccessfulExit": false, "ProgramArguments.1"), systemd "Section.Key" ("Install.WantedBy": "default.target"). A value of another type (<string>false</string> for false) does not match.',
        additionalProperties: { type: ['string', 'number', 'boolean'] },
      },
      generate: {
        description: "The app's installer in a mode that only renders the definition (e.g. [node, scripts/install.js, --render-to, \"{{tmp}}\"]): run before the file is read; it must exit 0. A shell line, an argv, or { command, cwd, env }.",
        anyOf: [
          ...COMMAND_SCHEMA.anyOf,
          {
            type: 'object',
            title: 'ServiceGenerate',
            additionalProperties: false,
            required: ['command'],
            properties: {
              command: COMMAND_SCHEMA,
              cwd: { type: 'string', description: 'Working directory, relative to the matrix file (default: its folder).' },
              env: { type: 'object', additionalProperties: { type: 'string' }, description: 'Extra environment variables (e.g. HOME={{tmp}}).' },
            },
          },
        ],
      },
      checkProgram: { type: 'boolean', description: 'Warn when the program it starts does not exist or is not executable on this machine (default: true when generated, false for a file shipped for other machines).' },
      validator: {
        enum: ['auto', 'required', 'off'],
        description: 'plutil -lint / systemd-analyze verify: auto (default) runs it when installed and says when it is not (that part inconclusive); required makes its absence an error; off skips it.',
      },
    },
  },
  describe: (spec) => `${spec.format ?? formatOf(spec.file) ?? 'service'} definition ${spec.file}${spec.generate ? ' (generated)' : ''}`,
  async run(spec, ctx) {
    const runs: RunRecord[] = [];
    if (spec.generate) {
      const failure = await generate(spec.generate, ctx, runs);
      if (failure) return failure;
    }
    return inspect(spec, ctx, runs);
  },
};

async function generate(g: NonNullable<ServiceDefinitionSpec['generate']>, ctx: CheckContext, runs: RunRecord[]): Promise<CheckOutcome | undefined> {
  const o = typeof g === 'object' && !Array.isArray(g) ? g : { command: g };
  const command = typeof o.command === 'string' ? ctx.expandShell(o.command) : o.command.map(ctx.expand);
  const shown = ctx.redactor.text(displayCommand(command));
  const limit = ctx.remainingMs();
  const r = await runToEnd({
    command,
    cwd: ctx.resolve(o.cwd ? ctx.expand(o.cwd) : '.'),
    env: Object.fromEntries(Object.entries(o.env ?? {}).map(([k, v]) => [k, ctx.expand(v)])),
    timeoutMs: limit,
    signal: ctx.signal,
    redactor: ctx.redactor,
  });
  const ok = r.exitCode === 0 && !r.timedOut && !r.aborted;
  runs.push({ command: shown, exitCode: r.exitCode, durationMs: r.durationMs, output: r.tail(), passed: ok });
  if (ok) return undefined;
  const status = r.spawnError || r.timedOut || r.aborted ? 'error' : 'failed';
  return { status, message: `the generator: ${describeRun(r, limit, shown)}`, runs, findings: [] };
}

async function inspect(spec: ServiceDefinitionSpec, ctx: CheckContext, runs: RunRecord[]): Promise<CheckOutcome> {
  const shown = ctx.expand(spec.file);
  const file = ctx.resolve(shown);
  // A definition rendered into the cell's temp dir is named as the matrix file names it ({{tmp}}/…).
  const rel = file.startsWith(ctx.tmp) ? shown : toPosixRelative(ctx.loaded.dir, file);
  const format = formatOf(file, spec.format);
  const started = performance.now();
  const command = `inspect ${format ?? 'service'} definition ${shown}`;
  const unreadable = (message: string): CheckOutcome => {
    runs.push({ command, exitCode: 1, durationMs: Math.round(performance.now() - started), output: message, passed: false });
    return { status: spec.generate ? 'failed' : 'error', message, runs, findings: [] };
  };
  if (!format) return unreadable(`cannot tell the format of ${path.basename(file)}; set format: launchd or systemd`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return unreadable(`cannot read ${shown}${spec.generate ? ' (the generator did not write it)' : ''}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const findings: Finding[] = [];
  const add = (id: keyof typeof findingIds, severity: Finding['severity'], message: string, line?: number, hint?: string) =>
    findings.push({ id: findingIds[id].id, severity, file: rel, ...(line ? { line } : {}), message, ...(hint ? { hint } : {}) });
  let parsed: PlistValue | SystemdUnit | undefined;
  // Expected values may name the cell's paths ({{tmp}}/data) as a rendered definition holds them.
  const expanded = { ...spec, ...(spec.expect ? { expect: ctx.expandJson(spec.expect, {}) } : {}) };
  try {
    parsed = format === 'launchd' ? parsePlist(text) : parseSystemdUnit(text);
    const problems = format === 'launchd' ? inspectLaunchd(parsed as PlistValue, expanded) : inspectSystemd(parsed as SystemdUnit, expanded);
    const hint = format === 'launchd' ? 'See launchd.plist(5) for the keys and their types.' : 'See systemd.service(5) and systemd.unit(5).';
    for (const p of problems) add('service-definition-invalid', 'error', p.message, p.line, hint);
  } catch (e) {
    if (!(e instanceof PlistError || e instanceof UnitSyntaxError)) throw e;
    add('service-definition-invalid', 'error', e.message, e.line ?? undefined);
  }
  for (const l of findLeftovers(text, format, format === 'systemd' ? (parsed as SystemdUnit | undefined) : undefined)) {
    add('service-placeholder-left', l.maybe ? 'warning' : 'error', `${l.text} was left in the ${spec.generate ? 'rendered ' : ''}definition${l.maybe ? ` (${l.maybe})` : ''}`, l.line, 'The installer must replace every placeholder of its template.');
  }
  const program = parsed ? programOf(format, parsed) : undefined;
  const programWhy = program && (spec.checkProgram ?? Boolean(spec.generate)) ? programProblem(program.path) : undefined;
  if (programWhy) add('service-program-missing', 'warning', programWhy, program!.line, 'Render the definition with the path the app is installed at.');
  const mode = fs.statSync(file).mode & 0o777;
  if (mode & 0o004) {
    for (const s of findSecrets(text, format, format === 'launchd' ? (parsed as PlistValue | undefined) : undefined)) {
      add('service-secret-exposed', 'error', `${shown} is readable by every user (mode ${mode.toString(8).padStart(4, '0')}) and holds a secret (${s.what})`, s.line, 'Keep secrets out of service definitions (an EnvironmentFile= or a token file of mode 0600), or write the definition with mode 0600.');
    }
  }
  const notes: string[] = [];
  if ((spec.validator ?? 'auto') !== 'off') {
    const v = await runValidator(format, file, { timeoutMs: Math.min(30_000, ctx.remainingMs()), signal: ctx.signal, redactor: ctx.redactor });
    if (v.inconclusive) notes.push(`${v.tool}: ${v.inconclusive} (that part is inconclusive, not passed)`);
    for (const p of v.problems) add('service-validator-reported', p.severity, p.message, p.line);
    if (v.inconclusive && spec.validator === 'required') {
      runs.push({ command, exitCode: null, durationMs: Math.round(performance.now() - started), output: notes.join('\n'), passed: false });
      return { status: 'error', message: `${v.tool} is required here: ${v.inconclusive}`, runs, findings };
    }
  }
  const errors = findings.filter((f) => f.severity === 'error');
  const lines = findings.map((f) => `${rel}${f.line ? `:${f.line}` : ''}: ${f.severity}: ${f.message}`);
  const output = [...(lines.length ? lines : [`${rel}: valid ${format} definition`]), ...notes].join('\n');
  runs.push({ command, exitCode: errors.length ? 1 : 0, durationMs: Math.round(performance.now() - started), output, passed: !errors.length });
  const message = errors.length ? errors.map((f) => f.message).join('; ') : [`valid ${format} definition${findings.length ? ` (${findings.length} warning(s))` : ''}`, ...notes].join('; ');
  return { status: errors.length ? 'failed' : 'passed', message, runs, findings };
}
