import { describe, expect, it } from 'vitest';
import { expectedOutput, extractFixture, factsOf } from './rust-fixture.js';

describe("the crate's own emit wrapper", () => {
  it('turns each call of it into an emit of the name passed, and its own emit is unresolved only when nothing calls it', async () => {
    const out = await extractFixture('rust-emit-wrapper');
    // bus.emit(…) is a method call: Tauri's form, read as an emit like any app.emit(…).
    expect(factsOf(out, 'emit').map((e) => [e.name, `${e.loc.file}:${e.loc.line}`])).toEqual([
      ['app://refresh', 'src/main.rs:8'],
      ['app://notice', 'src/main.rs:9'],
      ['not-an-event-of-tauri', 'src/main.rs:14'],
    ]);
    expect(factsOf(out, 'unresolved').map((u) => [u.role, `${u.loc.file}:${u.loc.line}`, u.reason])).toEqual([
      ['emit', 'src/handle.rs:16', 'parameter `name` of fn notify_unused: the name is whatever its callers pass'],
    ]);
    expect(out).toEqual(expectedOutput('rust-emit-wrapper'));
  });
});
