import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/src/config/index.js';
import { detect } from '../../init/src/detect.js';
import { REPO_ROOT } from '../support/cli.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/init');

describe('cutover init reads a repository (in process)', () => {
  it('a workspace: the app crate and a plugin crate (not the crate without tauri), the forward call, frontend folders outside src/ reached by package name and by alias, a member wrapper, and a sidecar with a switch router', async () => {
    const d = await detect(path.join(FIXTURES, 'workspace'));
    expect(d.name).toBe('acme');
    expect(d.apps).toEqual([{ dir: 'app/src-tauri', config: 'app/src-tauri/tauri.conf.json', major: 2, majorFrom: 'tauri = "2.1" in app/src-tauri/Cargo.toml' }]);
    expect(d.rustGlobs).toEqual(['app/src-tauri/**/*.rs', 'plugins/tauri-plugin-notes/**/*.rs']);
    expect(d.handlers).toEqual([
      { file: 'app/src-tauri/src/lib.rs', line: 7, commands: 3, crate: 'app/src-tauri' },
      { file: 'plugins/tauri-plugin-notes/src/lib.rs', line: 10, commands: 1, crate: 'plugins/tauri-plugin-notes', plugin: 'notes' },
    ]);
    expect(d.forwards).toEqual([{ name: 'sidecar_request', calls: 2, example: { file: 'app/src-tauri/src/commands.rs', line: 7 }, commands: ['notes_add', 'notes_list'] }]);
    expect(d.frontend.map((f) => f.glob)).toEqual(['packages/api/src/**/*.ts', 'tools/panel/**/*.ts', 'web/**/*.tsx']);
    expect(d.frontend.find((f) => f.glob.startsWith('tools'))!.because).toBe('tools/panel/index.ts imports ~api/index (packages/api)');
    // listen is passed straight on: listed; call routes plugin: names elsewhere: only mentioned.
    expect(d.memberWrappers.map((w) => [w.name, w.kind, w.direct, w.calls])).toEqual([
      ['bridge.call', 'invoke', false, 2],
      ['bridge.listen', 'listen', true, 2],
    ]);
    expect(d.sidecars).toHaveLength(1);
    const s = d.sidecars[0]!;
    expect(s).toMatchObject({ dir: 'sidecar', glob: 'sidecar/src/**/*.ts', stdin: { file: 'sidecar/src/main.ts', line: 27 }, registrars: [], handlerMaps: [], entry: 'sidecar/dist/main.js' });
    expect(s.switchDiscriminants.map((x) => [x.name, x.cases])).toEqual([['cmd', 3]]);
    // send(type, data) writes { type, data } as JSON: an emitter, found by its body, not its name.
    expect(s.emitters.map((e) => [e.name, e.calls])).toEqual([['send', 2]]);
  });

  it('Tauri 1: the version from Cargo.toml, a JavaScript frontend', async () => {
    const d = await detect(path.join(FIXTURES, 'tauri-v1'));
    expect(d.apps).toEqual([{ dir: 'src-tauri', config: 'src-tauri/tauri.conf.json', major: 1, majorFrom: 'tauri = "1.8" in src-tauri/Cargo.toml' }]);
    expect(d.handlers.map((h) => [h.file, h.commands])).toEqual([['src-tauri/src/main.rs', 1]]);
    expect(d.frontend.map((f) => f.glob)).toEqual(['src/**/*.{js,jsx}']);
    expect(d.sidecars).toEqual([]);
    expect(d.forwards).toEqual([]);
  });

  it("the bundled example: the same registrar, forward call and emitter its hand-written config names", async () => {
    const example = path.join(REPO_ROOT, 'examples/cowork');
    const d = await detect(example);
    const written = (await loadConfig({ configPath: path.join(example, 'cutover.config.ts') })).config.manifests!;
    expect(d.forwards.map((f) => f.name)).toEqual(written.rust!.forwardCalls);
    expect(d.sidecars.map((s) => s.glob)).toEqual(written.sidecar!.include);
    expect(d.sidecars[0]!.registrars.map((r) => r.name)).toEqual(written.sidecar!.handlerRegistrars);
    expect(d.sidecars[0]!.emitters.map((e) => e.name)).toEqual(written.sidecar!.emitters);
    expect(d.handlers.map((h) => [h.file, h.commands])).toEqual([['src-tauri/src/main.rs', 20]]);
  });
});
