import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/src/errors.js';
import { createContext } from '../../harness/src/context.js';
import { recordScenario } from '../../harness/src/record.js';
import { loadScenario } from '../../harness/src/scenario/load.js';
import { resolveTemplate } from '../../harness/src/scenario/template.js';
import { FAST, FIX, loaded, stdioTarget } from './support.js';

const S = path.join(FIX, 'scenario');

async function rejection(file: string): Promise<ConfigError> {
  const e = await loadScenario(file).then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ConfigError);
  return e as ConfigError;
}

describe('scenario files', () => {
  it('turns YAML steps into trace steps, an until into a wait', async () => {
    const s = await loadScenario(path.join(FIX, 'cli/scenarios/basic.yaml'));
    expect(s.name).toBe('basic');
    expect(s.steps.map((x) => [x.type, x.type === 'request' ? x.command : x.type === 'control' ? x.op : '', x.sourceLine])).toEqual([
      ['request', 'create', 3],
      ['request', 'get', 6],
      ['request', 'stream', 8],
      ['control', 'wait', 8],
    ]);
  });

  it('loads a scenario written as a TS function', async () => {
    const s = await loadScenario(path.join(FIX, 'cli/scenarios/status.ts'));
    expect(s.steps).toEqual([
      { type: 'request', conn: 'main', command: 'echo', params: { from: 'a function' } },
      { type: 'request', conn: 'main', command: 'status' },
    ]);
  });

  it('rejects a step with two actions, at its line', async () => {
    const e = await rejection(path.join(S, 'two-actions.yaml'));
    expect(e.message).toBe('invalid scenario: steps[1] has 2 actions (send, wait); exactly one is allowed');
    expect(e.location).toEqual({ file: path.join(S, 'two-actions.yaml'), line: 3 });
  });

  it('rejects an unknown key, suggesting the right one', async () => {
    const e = await rejection(path.join(S, 'bad-key.yaml'));
    expect(e.message).toBe('invalid scenario: steps[1].sned: unknown key; did you mean "send"?');
    expect(e.location?.line).toBe(4);
  });

  it('a reference to a name no step bound fails at the step that uses it', async () => {
    const ctx = createContext(loaded({ old: stdioTarget(), timeouts: FAST }));
    const s = await loadScenario(path.join(S, 'unbound.yaml'));
    await expect(recordScenario(ctx, s)).rejects.toThrow(`${path.join(S, 'unbound.yaml')}:3: {{created.result.id}} refers to "created", which no earlier step bound (use as: created)`);
  });

  it('templates keep the type of a whole reference and stringify a part', () => {
    const b = new Map<string, unknown>([['r', { result: { n: 3, id: 's-1' } }]]);
    expect(resolveTemplate({ n: '{{r.result.n}}', label: 'id={{ r.result.id }}!' }, b)).toEqual({ n: 3, label: 'id=s-1!' });
  });
});
