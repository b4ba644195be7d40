import { describe, expect, it } from 'vitest';
import { checkApp, summary } from './app-fixture.js';

describe('a forward helper whose command name is its parameter', () => {
  it("is followed to its callers' literal names, each a forward with the payload it passes (a serde struct, a json! object), a free fn or a method", async () => {
    const { a } = await checkApp('forward-helper');
    expect(a.facts.forwards.map((f) => [f.from ?? null, f.to, f.keys ?? null, `${f.loc.file}:${f.loc.line}`])).toEqual([
      ['get_logs', 'get_logs', ['level', 'sinceMs'], 'src-tauri/src/main.rs:16'],
      ['clear_logs', 'clear_logs', ['before'], 'src-tauri/src/main.rs:21'],
      ['tail_logs', 'tail_logs', ['lines'], 'src-tauri/src/main.rs:26'],
    ]);
  });

  it('so the handlers count as forwarded to and their keys are checked; only a helper no call names stays unresolved', async () => {
    const { findings } = await checkApp('forward-helper');
    expect(findings.map(summary)).toEqual(['error forward-key-mismatch src-tauri/src/main.rs:21', 'warning unresolved-name src-tauri/src/sidecar.rs:26']);
    expect(findings[0]!.message).toContain('keep is required but not sent');
  });
});
