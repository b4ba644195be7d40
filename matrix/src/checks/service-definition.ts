import fs from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../core/src/findings.js';
import { toPosixRelative } from '../../../core/src/paths.js';
import { findingIds } from '../finding-ids.js';
import { inspectLaunchd } from './support/launchd-rules.js';
import { PlistError, parsePlist } from './support/plist.js';
import { inspectSystemd } from './support/systemd-rules.js';
import { UnitSyntaxError, parseSystemdUnit } from './support/systemd-unit.js';
import type { CheckKind } from './types.js';

export type ServiceFormat = 'launchd' | 'systemd';

export interface ServiceDefinitionSpec {
  kind: 'service-definition';
  file: string;
  format?: ServiceFormat;
  require?: string[];
  expect?: Record<string, string | number | boolean>;
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

export const serviceDefinitionCheck: CheckKind<ServiceDefinitionSpec> = {
  kind: 'service-definition',
  description: 'Parses a launchd plist or systemd unit and requires the keys that matter (with their types), plus any expected values.',
  schema: {
    title: 'ServiceDefinitionCheck',
    required: ['file'],
    properties: {
      file: { type: 'string', description: 'The plist or unit file, relative to the matrix file ({{mode}} and {{os}} allowed).' },
      format: { enum: ['launchd', 'systemd'], description: 'Default: from the extension (.plist → launchd; .service, .socket, .timer → systemd).' },
      require: {
        type: 'array',
        items: { type: 'string' },
        description: 'Keys that must be present; "A|B" means either. launchd: top-level keys (default Label, ProgramArguments|Program, RunAtLoad, KeepAlive). systemd: Section.Key (default Unit.Description, Service.ExecStart, Install.WantedBy).',
      },
      expect: {
        type: 'object',
        description: 'Exact values: launchd "Key", systemd "Section.Key" (e.g. "Install.WantedBy": "default.target").',
        additionalProperties: { type: ['string', 'number', 'boolean'] },
      },
    },
  },
  describe: (spec) => `${spec.format ?? formatOf(spec.file) ?? 'service'} definition ${spec.file}`,
  async run(spec, ctx) {
    const shown = ctx.expand(spec.file);
    const file = ctx.resolve(shown);
    const rel = toPosixRelative(ctx.loaded.dir, file);
    const format = formatOf(file, spec.format);
    const started = performance.now();
    const finish = (problems: ServiceProblem[], unreadable = false) => {
      const findings: Finding[] = (unreadable ? [] : problems).map((p) => ({
        id: findingIds['service-definition-invalid'].id,
        severity: 'error',
        file: rel,
        ...(p.line ? { line: p.line } : {}),
        message: p.message,
        hint: format === 'launchd' ? 'See launchd.plist(5) for the keys and their types.' : 'See systemd.service(5) and systemd.unit(5).',
      }));
      const output = problems.length ? problems.map((p) => `${rel}${p.line ? `:${p.line}` : ''}: ${p.message}`).join('\n') : `${rel}: valid ${format} definition`;
      const run = { command: `inspect ${format ?? 'service'} definition ${shown}`, exitCode: problems.length ? 1 : 0, durationMs: Math.round(performance.now() - started), output, passed: !problems.length };
      const status = unreadable ? ('error' as const) : problems.length ? ('failed' as const) : ('passed' as const);
      return { status, message: problems.length ? problems.map((p) => p.message).join('; ') : `valid ${format} definition`, runs: [run], findings };
    };
    if (!format) return finish([{ message: `cannot tell the format of ${path.basename(file)}; set format: launchd or systemd` }], true);
    let textContent: string;
    try {
      textContent = fs.readFileSync(file, 'utf8');
    } catch (e) {
      return finish([{ message: `cannot read ${shown}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }], true);
    }
    try {
      if (format === 'launchd') return finish(inspectLaunchd(parsePlist(textContent), spec));
      return finish(inspectSystemd(parseSystemdUnit(textContent), spec));
    } catch (e) {
      if (e instanceof PlistError || e instanceof UnitSyntaxError) return finish([{ message: e.message, ...(e.line ? { line: e.line } : {}) }]);
      throw e;
    }
  },
};
