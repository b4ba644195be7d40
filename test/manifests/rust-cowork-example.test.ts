import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTRACTORS } from '../../manifests/src/extractors/registry.js';
import type { ExtractContext, Fact, SourceFile } from '../../manifests/src/model.js';
import { REPO_ROOT } from '../support/cli.js';

const ROOT = path.join(REPO_ROOT, 'examples/cowork/src-tauri');

function sources(dir: string): SourceFile[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sources(full);
    return e.name.endsWith('.rs') ? [{ path: full, rel: path.relative(ROOT, full).split(path.sep).join('/'), text: fs.readFileSync(full, 'utf8') }] : [];
  });
}

describe('the Rust side of the Cowork example', () => {
  it('is fully extracted: every command defined, registered and forwarded, events re-emitted under agent:', async () => {
    const ctx: ExtractContext = {
      root: ROOT,
      files: sources(path.join(ROOT, 'src')),
      rust: { forwardCalls: ['send_command'], injectedTypes: [] },
      ts: { handlerRegistrars: [], handlerMaps: [], switchDiscriminants: [], emitters: [], invokeFunctions: [], listenFunctions: [], tauriModules: [] },
    };
    const facts: Fact[] = [];
    for (const x of EXTRACTORS.filter((e) => e.group === 'rust')) {
      const r = await x.extract(ctx);
      expect(r.findings.filter((f) => f.severity === 'error'), x.id).toEqual([]);
      facts.push(...r.facts);
    }
    const of = <K extends Fact['kind']>(kind: K) => facts.filter((f): f is Extract<Fact, { kind: K }> => f.kind === kind);
    const defined = of('command-definition').map((c) => `${c.path}`).sort();
    const registered = of('command-registration').map((r) => r.path).sort();
    expect(defined.length).toBeGreaterThanOrEqual(20);
    expect(registered).toEqual(defined);
    for (const c of of('command-definition')) {
      const forwards = of('forward').filter((f) => f.from === c.name);
      expect(forwards.length, c.name).toBeGreaterThan(0);
      expect(forwards.every((f) => f.keys !== undefined), c.name).toBe(true);
    }
    expect(of('reemit').map((r) => r.prefix)).toContain('agent:');
    expect(of('unresolved')).toEqual([]);
  });
});
