import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import type { ExtractContext, Fact } from '../../manifests/src/model.js';
import { MAX_PARSE_BYTES } from '../../manifests/src/rust/files.js';

/** About 10 MB of generated Rust (built here rather than committed). */
function generated(): string {
  const item = (i: number) => `pub fn generated_${i}(a: u32) -> u32 {\n    tokio::select! { _ = tick() => { a + ${i} } }\n}\n`;
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 10 * 1024 * 1024; i++) {
    parts.push(item(i));
    size += parts[parts.length - 1]!.length;
  }
  return parts.join('');
}

describe('a 10 MB Rust file', () => {
  it('is named and left out, and the rest of the crate is extracted (the parser is never run out of memory)', async () => {
    const big = generated();
    expect(big.length).toBeGreaterThan(MAX_PARSE_BYTES);
    const ctx: ExtractContext = {
      root: '/nonexistent',
      files: [
        { path: '/nonexistent/src/main.rs', rel: 'src/main.rs', text: 'mod bindings;\n\n#[tauri::command]\nfn kept() {}\n\nfn main() { tauri::Builder::default().invoke_handler(tauri::generate_handler![kept, bindings::generated_1]); }\n' },
        { path: '/nonexistent/src/bindings.rs', rel: 'src/bindings.rs', text: big },
      ],
      rust: { forwardCalls: ['send_command'], injectedTypes: [] },
      ts: { handlerRegistrars: [], handlerMaps: [], switchDiscriminants: [], emitters: [], invokeFunctions: [], listenFunctions: [], tauriModules: [] },
    };
    const facts: Fact[] = [];
    const findings = [];
    for (const e of EXTRACTORS.filter((x) => x.group === 'rust')) {
      const r = await e.extract(ctx);
      facts.push(...r.facts);
      findings.push(...r.findings);
    }
    expect(facts.filter((f) => f.kind === 'command-definition').map((f) => f.name)).toEqual(['kept']);
    expect(findings.map((f) => `${f.severity} ${f.id} ${f.file}:${f.line}`)).toEqual(['warning parse-recovered src/bindings.rs:1', 'warning unresolved-registration src/main.rs:6']);
    expect(findings[0]!.message).toMatch(/src\/bindings\.rs was not parsed: it is 10\.0 MB/);
    // An entry into the unread file is not called missing: it may well be there.
    expect(findings[1]!.message).toContain('src/bindings.rs, which was not read');
  });
});
