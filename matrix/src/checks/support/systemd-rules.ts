import type { ServiceDefinitionSpec, ServiceProblem } from '../service-definition.js';
import { unitValue, type SystemdUnit } from './systemd-unit.js';

export const SYSTEMD_REQUIRED = ['Unit.Description', 'Service.ExecStart', 'Install.WantedBy'];

// Values systemd.service(5) accepts; anything else makes systemd refuse or ignore the setting.
const ENUMS: Record<string, readonly string[]> = {
  'Service.Type': ['simple', 'exec', 'forking', 'oneshot', 'dbus', 'notify', 'notify-reload', 'idle'],
  'Service.Restart': ['no', 'on-success', 'on-failure', 'on-abnormal', 'on-watchdog', 'on-abort', 'always'],
};

/** ExecStart's program: after systemd's prefixes (@ - : + !), an absolute path or a %-specifier path. */
function execProblem(value: string): string | undefined {
  const program = value.replace(/^[@\-:+!]+/, '').trim().split(/\s+/)[0] ?? '';
  if (program.startsWith('/') || program.startsWith('%')) return undefined;
  return `ExecStart runs "${program}", which is not an absolute path: systemd will not find it reliably`;
}

export function inspectSystemd(unit: SystemdUnit, spec: ServiceDefinitionSpec): ServiceProblem[] {
  const problems: ServiceProblem[] = [];
  const lookup = (dotted: string) => {
    const dot = dotted.indexOf('.');
    return dot < 0 ? undefined : unitValue(unit, dotted.slice(0, dot), dotted.slice(dot + 1));
  };
  for (const req of spec.require ?? SYSTEMD_REQUIRED) {
    const options = req.split('|');
    if (!options.some((k) => lookup(k))) {
      const section = options[0]!.split('.')[0]!;
      problems.push({
        message: `required setting ${options.map((k) => `[${k.split('.')[0]}] ${k.slice(k.indexOf('.') + 1)}=`).join(' or ')} is missing`,
        ...(unit.sections.get(section) ? { line: unit.sections.get(section)!.line } : {}),
      });
    }
  }
  const exec = unit.sections.get('Service')?.keys.get('ExecStart') ?? [];
  for (const e of exec) {
    const why = execProblem(e.value);
    if (why) problems.push({ message: why, line: e.line });
  }
  const type = unitValue(unit, 'Service', 'Type')?.value ?? 'simple';
  if (exec.length > 1 && type !== 'oneshot') problems.push({ message: `${exec.length} ExecStart= lines, but only Type=oneshot may have more than one`, line: exec[1]!.line });
  for (const [dotted, allowed] of Object.entries(ENUMS)) {
    const v = lookup(dotted);
    if (v && !allowed.includes(v.value)) problems.push({ message: `${dotted.split('.')[1]}=${v.value} is not one of ${allowed.join(', ')}`, line: v.line });
  }
  for (const [dotted, want] of Object.entries(spec.expect ?? {})) {
    const v = lookup(dotted);
    if (!v) problems.push({ message: `${dotted} is missing (expected ${JSON.stringify(String(want))})` });
    else if (v.value !== String(want)) problems.push({ message: `${dotted} is "${v.value}", expected "${String(want)}"`, line: v.line });
  }
  return problems;
}
