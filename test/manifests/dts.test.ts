import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { hashInTypes, manifestsHash, pascal, renderTypes } from '../../manifests/src/build/dts.js';
import type { CommandsManifest, EventsManifest, Manifests } from '../../manifests/src/build/types.js';
import { FIXTURES } from './ts-fixture.js';

const read = <T>(rel: string) => JSON.parse(fs.readFileSync(path.join(FIXTURES, rel), 'utf8')) as T;
const manifests: Manifests = {
  commands: read<CommandsManifest>('build/commands-join/commands.json'),
  events: read<EventsManifest>('build/events-join/events.json'),
};

describe('types.d.ts from the manifests', () => {
  it('declares every command and event with maps by wire, Tauri and frontend name', async () => {
    const text = await renderTypes(manifests);
    if (process.env.UPDATE_FIXTURES) fs.writeFileSync(path.join(FIXTURES, 'dts/types.d.ts'), text);
    expect(text).toBe(fs.readFileSync(path.join(FIXTURES, 'dts/types.d.ts'), 'utf8'));
    // A Tauri command that forwards is typed as the frontend invokes it, not as the sidecar receives it.
    expect(text).toContain('"list_all": { params: ListAllTauriParams; result: ListAllTauriResult };');
    expect(text).toContain('"agent:stream:chunk": Events["stream:chunk"];');
    expect(hashInTypes(text)).toBe(manifestsHash(manifests));
  });

  it('type-checks, and a frontend can use it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cutover-dts-'));
    try {
      fs.writeFileSync(path.join(dir, 'types.d.ts'), await renderTypes(manifests));
      fs.writeFileSync(
        path.join(dir, 'use.ts'),
        [
          "import type { Commands, FrontendEvents, TauriCommands } from './types';",
          "const params: Commands['agent_list_sessions']['params'] = { limit: 3 };",
          "const result: TauriCommands['list_all']['result'] = { any: 'thing' };",
          "const args: TauriCommands['list_all']['params'] = { limit: 2 };",
          "// @ts-expect-error: the Tauri command takes limit, not max",
          "const badArgs: TauriCommands['list_all']['params'] = { max: 2 };",
          "const chunk: FrontendEvents['agent:stream:chunk'] = { text: 'x' };",
          "// @ts-expect-error: limit is a number",
          "const wrong: Commands['agent_list_sessions']['params'] = { limit: 'three' };",
          'export { params, result, args, badArgs, chunk, wrong };',
        ].join('\n'),
      );
      const program = ts.createProgram([path.join(dir, 'use.ts')], { strict: true, noEmit: true, types: [], module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
      expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names types after the wire names', () => {
    expect(pascal('agent:stream:chunk')).toBe('AgentStreamChunk');
    expect(pascal('plugin:fs|read')).toBe('PluginFsRead');
    expect(pascal('2fa_verify')).toBe('T2faVerify');
  });
});
