import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import type { ExtractContext, Fact } from '../../manifests/src/model.js';

const SOURCE = `// 剪贴板 — comments in any script, emoji 🦀📋 included (two UTF-16 units each)
use tauri::{AppHandle, Emitter};

/// 读取剪贴板 🦀
#[tauri::command]
pub fn read_clipboard(app: AppHandle) {
    let label = "标签🦀";
    app.emit("clipboard:read", label).unwrap();
    log_err!(app.emit("clipboard:logged", ()));
}
`;

describe('Rust sources with non-ASCII text', () => {
  it('put emits, including those inside macro arguments, at their true lines and columns', async () => {
    const ctx: ExtractContext = {
      root: '/nonexistent',
      files: [{ path: '/nonexistent/src/main.rs', rel: 'src/main.rs', text: SOURCE }],
      rust: { forwardCalls: ['send_command'], injectedTypes: [] },
      ts: { handlerRegistrars: [], handlerMaps: [], switchDiscriminants: [], emitters: [], invokeFunctions: [], listenFunctions: [], tauriModules: [] },
    };
    const facts: Fact[] = [];
    for (const e of EXTRACTORS.filter((x) => x.group === 'rust')) facts.push(...(await e.extract(ctx)).facts);
    const emits = facts.filter((f) => f.kind === 'emit');
    expect(emits.map((e) => [e.name, e.loc.line, e.loc.column])).toEqual([
      ['clipboard:read', 8, 9],
      ['clipboard:logged', 9, 18],
    ]);
    expect(facts.filter((f) => f.kind === 'command-definition').map((f) => [f.name, f.loc.line])).toEqual([['read_clipboard', 6]]);
  });
});
