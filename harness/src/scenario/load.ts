import fs from 'node:fs';
import path from 'node:path';
import { createJiti } from 'jiti';
import { ConfigError } from '../../../core/src/errors.js';
import { readDataFile } from '../../../core/src/config/read-file.js';
import { createAjv, validateWith } from '../../../core/src/config/validate.js';
import { learnSecrets } from '../../../core/src/redact/learn.js';
import type { JsonObject } from '../profiles/profile.js';
import { createBuilder } from './builder.js';
import { SCENARIO_ACTIONS, scenarioSchema } from './schema.js';
import type { Scenario, ScenarioFunction, ScenarioStep } from './types.js';

const DATA_EXT = new Set(['.yaml', '.yml', '.json']);
const MODULE_EXT = new Set(['.ts', '.mts', '.mjs', '.js']);

let validate: ReturnType<ReturnType<typeof createAjv>['compile']> | undefined;

/** Every scenario file named by `harness.scenarios` (files, or folders of them), sorted by name. */
export function listScenarioFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    if (!fs.existsSync(p)) throw new ConfigError(`scenario path not found: ${p}`, { hint: 'Check harness.scenarios in the config.' });
    if (fs.statSync(p).isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        const ext = path.extname(name);
        if (DATA_EXT.has(ext) || (MODULE_EXT.has(ext) && !name.endsWith('.d.ts'))) files.push(path.join(p, name));
      }
    } else files.push(p);
  }
  return files;
}

export async function loadScenarios(paths: readonly string[]): Promise<Scenario[]> {
  const scenarios: Scenario[] = [];
  const seen = new Map<string, string>();
  for (const file of listScenarioFiles(paths)) {
    const s = await loadScenario(file);
    const other = seen.get(s.name);
    if (other) throw new ConfigError(`two scenarios are named "${s.name}": ${other} and ${file}`, { location: { file }, hint: 'Scenario names must be unique: each has one golden trace.' });
    seen.set(s.name, file);
    scenarios.push(s);
  }
  return scenarios;
}

export async function loadScenario(file: string): Promise<Scenario> {
  const scenario = await loadScenarioFile(file);
  // A literal password in a step's params is a secret before it is ever sent: whatever echoes it is scrubbed.
  learnSecrets(scenario.steps);
  return scenario;
}

async function loadScenarioFile(file: string): Promise<Scenario> {
  const ext = path.extname(file);
  const base = path.basename(file, ext);
  if (MODULE_EXT.has(ext)) return loadModule(file, base);
  if (!DATA_EXT.has(ext)) throw new ConfigError(`not a scenario file (expected .yaml, .yml, .json, .ts or .mjs): ${file}`);
  const raw = readDataFile(file, ext === '.json' ? 'json' : 'yaml');
  return fromData(raw.data, file, base, raw.lineOf);
}

function fromData(data: unknown, file: string, base: string, lineOf: (p: readonly (string | number)[]) => number | undefined): Scenario {
  validate ??= createAjv().compile(scenarioSchema);
  const problems = validateWith(validate, data);
  if (problems.length) {
    throw new ConfigError(`invalid scenario: ${problems[0]!.keyPath}: ${problems[0]!.message}`, {
      location: { file, line: lineOf(problems[0]!.segments) },
      details: problems.slice(1).map((p) => `${file}:${lineOf(p.segments) ?? '?'}  ${p.keyPath}: ${p.message}`),
      hint: 'Each step has one action: send, raw, wait, connect, disconnect, reconnect or restart.',
    });
  }
  const d = data as { name?: string; description?: string; steps: Record<string, unknown>[] };
  const steps: ScenarioStep[] = [];
  d.steps.forEach((step, i) => {
    const line = lineOf(['steps', i]);
    const actions = SCENARIO_ACTIONS.filter((a) => a in step);
    if (actions.length !== 1) {
      throw new ConfigError(`invalid scenario: steps[${i}] has ${actions.length ? `${actions.length} actions (${actions.join(', ')})` : 'no action'}; exactly one is allowed`, {
        location: { file, line },
        hint: `One of: ${SCENARIO_ACTIONS.join(', ')}.`,
      });
    }
    steps.push(...toSteps(step, actions[0]!, line));
  });
  return { name: d.name ?? base, ...(d.description ? { description: d.description } : {}), file, steps };
}

function toSteps(step: Record<string, unknown>, action: (typeof SCENARIO_ACTIONS)[number], sourceLine: number | undefined): ScenarioStep[] {
  const conn = typeof step.conn === 'string' ? step.conn : 'main';
  const at = sourceLine === undefined ? {} : { sourceLine };
  const named = (v: unknown) => (typeof v === 'string' ? v : conn);
  switch (action) {
    case 'send': {
      const out: ScenarioStep[] = [
        {
          type: 'request',
          conn,
          command: step.send as string,
          ...(step.params ? { params: step.params as JsonObject } : {}),
          ...(step.as ? { as: step.as as string } : {}),
          ...(step.breaksContract ? { breaksContract: true } : {}),
          ...at,
        },
      ];
      if (step.until) {
        const u = typeof step.until === 'string' ? { event: step.until } : (step.until as { event: string; count?: number; match?: JsonObject; as?: string });
        out.push({ type: 'control', op: 'wait', conn, ...u, ...at });
      }
      return out;
    }
    case 'raw':
      return [{ type: 'raw', conn, text: step.raw as string, ...at }];
    case 'wait':
      return [typeof step.wait === 'number' ? { type: 'control', op: 'wait', ms: step.wait, ...at } : { type: 'control', op: 'wait', conn, ...(step.wait as object), ...at }];
    case 'connect':
      return [{ type: 'control', op: 'connect', conn: step.connect as string, ...at }];
    case 'disconnect':
      return [{ type: 'control', op: 'disconnect', conn: named(step.disconnect), ...(step.abrupt ? { abrupt: true } : {}), ...at }];
    case 'reconnect':
      return [{ type: 'control', op: 'reconnect', conn: named(step.reconnect), ...at }];
    case 'restart':
      return [{ type: 'control', op: 'restart', ...at }];
  }
}

/** A TS/JS scenario: `export default { name, steps }` (the file format) or `export default (s) => { s.send(…) }`. */
async function loadModule(file: string, base: string): Promise<Scenario> {
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: false, interopDefault: true });
  let value: unknown;
  try {
    const mod = (await jiti.import(file)) as { default?: unknown };
    value = mod && typeof mod === 'object' && 'default' in mod ? mod.default : mod;
  } catch (e) {
    throw new ConfigError(`the scenario module failed to load: ${(e as Error).message.split('\n')[0]}`, { location: { file }, cause: e });
  }
  if (typeof value === 'function') {
    const { builder, steps } = createBuilder();
    await (value as ScenarioFunction)(builder);
    if (steps.length === 0) throw new ConfigError('the scenario function added no step', { location: { file } });
    const name = (value as { scenarioName?: string }).scenarioName ?? base;
    return { name, file, steps };
  }
  return fromData(value, file, base, () => undefined);
}
