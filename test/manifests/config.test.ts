import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { ConfigError } from '../../core/src/errors.js';
import { manifestOptions } from '../../manifests/src/options.js';
import { applyConfig } from '../../manifests/src/project/check.js';
import { finding } from '../../manifests/src/finding.js';

const FILE = path.join('/work/app', 'cutover.config.json');

function problems(manifests: unknown): string[] {
  try {
    validateConfig({ manifests }, FILE);
    return [];
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    return [...e.details];
  }
}

describe('the manifests config section', () => {
  it('names a mistyped key and suggests the right one', () => {
    expect(problems({ locatons: false })).toEqual([expect.stringContaining('manifests.locatons: unknown key; did you mean "locations"?')]);
    expect(problems({ check: { rules: { 'missing-handlr': 'off' } } })).toEqual([expect.stringContaining('did you mean "missing-handler"?')]);
  });

  it('requires a reason for every accepted finding, and a known severity', () => {
    expect(problems({ check: { ignore: [{ id: 'unforwarded-handler', name: 'daemon_health' }] } })).toEqual([expect.stringContaining('manifests.check.ignore[0].reason: is required but missing')]);
    expect(problems({ check: { rules: { 'unforwarded-handler': 'fatal' } } })).toEqual([expect.stringContaining('expected one of "error", "warning", "info", "off"')]);
  });

  it('fills defaults and resolves paths from the config folder', () => {
    const loaded = validateConfig({ manifests: { out: 'contract', cache: false } }, FILE);
    const o = manifestOptions(loaded);
    expect(o.root).toBe('/work/app');
    expect(o.out).toBe('/work/app/contract');
    expect(o.cache).toBe(false);
    expect(o.locations).toBe(true);
    expect(o.groups.rust.include).toEqual(['src-tauri/src/**/*.rs']);
    expect(o.ts.handlerRegistrars).toEqual(['registerHandler']);
    expect(manifestOptions(loaded, { locations: false }).locations).toBe(false);
  });

  it('applies severities, "off" and ignores (matched by id and the command or event name)', () => {
    const o = manifestOptions(validateConfig({ manifests: { check: { rules: { 'event-not-listened': 'error', 'unforwarded-handler': 'off', 'wide-integer': 'warning' }, ignore: [{ id: 'wide-integer', name: 'daemon_health', reason: 'small numbers' }] } } }, FILE));
    const out = applyConfig(
      [
        finding('event-not-listened', 'x', { data: { name: 'tool:start' } }),
        finding('unforwarded-handler', 'y', { data: { name: 'daemon_health' } }),
        finding('wide-integer', 'z', { data: { command: 'daemon_health' } }),
        finding('wide-integer', 'w', { data: { command: 'service_status' } }),
      ],
      o,
    );
    expect(out.map((f) => `${f.severity} ${f.id} ${f.message}`)).toEqual(['error event-not-listened x', 'warning wide-integer w']);
  });

  it('wide-integer is off unless check.rules turns it on', () => {
    const findings = [finding('wide-integer', 'w', { data: { command: 'service_status' } }), finding('unknown-type', 'u', { data: { command: 'service_status' } })];
    expect(applyConfig(findings, manifestOptions(validateConfig({}, FILE))).map((f) => f.id)).toEqual(['unknown-type']);
    const on = manifestOptions(validateConfig({ manifests: { check: { rules: { 'wide-integer': 'warning' } } } }, FILE));
    expect(applyConfig(findings, on).map((f) => `${f.severity} ${f.id}`)).toEqual(['warning wide-integer', 'info unknown-type']);
  });
});
