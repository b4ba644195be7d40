import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('async commands and parameters Tauri injects', () => {
  it('leaves AppHandle, State, Window, WebviewWindow, Webview, Request and configured types out of the payload', async () => {
    const out = await extractFixture('rust-async-injected');
    const search = command(out, 'search');
    expect(search.async).toBe(true);
    expect(search.params.map((p) => p.key)).toEqual(['query', 'onProgress']);
    expect(search.result).toEqual({ type: 'array', items: { type: 'string' } });
    expect(out).toEqual(expectedOutput('rust-async-injected'));
  });

  it('keeps Channel<T> as an open payload and treats #[tauri::command(async)] as async', async () => {
    const out = await extractFixture('rust-async-injected');
    expect(command(out, 'search').params[1]).toMatchObject({ key: 'onProgress', typeText: 'Channel<Progress>', schema: {} });
    expect(command(out, 'heavy')).toMatchObject({ async: true, params: [{ key: 'input' }] });
  });

  it("reads the crate's own `State` type as a payload", async () => {
    const out = await extractFixture('rust-async-injected');
    expect(command(out, 'set_state').params).toMatchObject([{ key: 'state', schema: { title: 'State', required: ['step'] } }]);
  });
});
