import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe('dispatch by name', () => {
  it('reports a command that picks its operation by a name beside an untyped payload, and a forward whose name is a parameter', async () => {
    const out = await extractFixture('rust-dispatch-by-name');
    const dispatch = Object.values(out).flatMap((r) => r.findings).filter((f) => f.id === 'unresolved-dispatch');
    expect(dispatch.map((f) => `${f.severity} ${f.file}:${f.line} ${f.data?.name as string}`)).toEqual(['warning src/main.rs:7 rpc', 'warning src/main.rs:13 call']);
    expect(dispatch[0]!.message).toContain('router.dispatch(&cmd, payload)');
    expect(dispatch[1]!.message).toContain('"notes.get", "notes.list", "notes.read"');
    // Forwards with a variable name are unresolved facts naming the site and the parameter.
    expect(factsOf(out, 'unresolved').map((u) => [u.role, u.loc.line, u.reason])).toEqual([
      ['forward', 23, 'parameter `command` of fn forward_any: the name is whatever its callers pass'],
      ['forward', 49, 'parameter `name` of fn forward_named: the name is whatever its callers pass'],
    ]);
    expect(out).toEqual(expectedOutput('rust-dispatch-by-name'));
  });
});
