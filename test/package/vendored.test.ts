import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rustGrammarFile, rustParser, treeSitterRuntimeFile } from '../../manifests/src/rust/parser.js';
import { expectedContent, vendoredFiles, withoutJsMapComment, withoutWasmMapSection } from '../../scripts/vendor-files.js';
import { REPO_ROOT } from '../support/cli.js';

const pkgVersion = (name: string) => (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

describe('vendored files', () => {
  it('each is what its package publishes (the pinned development dependency), less only a reference to a source map it does not ship', () => {
    const files = vendoredFiles(REPO_ROOT);
    expect(files.map((f) => f.target).sort()).toEqual(
      fs.readdirSync(path.join(REPO_ROOT, 'vendor'), { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && e.name !== 'README.md').map((e) => path.relative(path.join(REPO_ROOT, 'vendor'), path.join(e.parentPath, e.name))).sort(),
    );
    for (const f of files) expect(fs.readFileSync(path.join(REPO_ROOT, 'vendor', f.target)).equals(expectedContent(f)), `vendor/${f.target}: run \`pnpm vendor\``).toBe(true);
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'vendor/README.md'), 'utf8');
    for (const name of ['tree-sitter-rust', 'web-tree-sitter']) expect(readme).toContain(`\`${name}\` ${pkgVersion(name)}`);
    const pinned = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies;
    expect(pinned['tree-sitter-rust']).toBe(pkgVersion('tree-sitter-rust'));
    expect(pinned['web-tree-sitter']).toBe(pkgVersion('web-tree-sitter'));
  });

  it('the parser loads the vendored runtime and grammar and parses Rust', async () => {
    expect(rustGrammarFile()).toBe(path.join(REPO_ROOT, 'vendor/tree-sitter-rust/tree-sitter-rust.wasm'));
    expect(treeSitterRuntimeFile()).toBe(path.join(REPO_ROOT, 'vendor/web-tree-sitter/tree-sitter.js'));
    const tree = (await rustParser()).parse('#[tauri::command]\nfn ping() -> String { "pong".into() }\n')!;
    try {
      expect(tree.rootNode.hasError).toBe(false);
      expect(tree.rootNode.namedChildren.map((n) => n?.type)).toEqual(['attribute_item', 'function_item']);
    } finally {
      tree.delete();
    }
  });

  it('taking out a map reference changes nothing else', () => {
    expect(withoutJsMapComment(Buffer.from('a();\n//# sourceMappingURL=x.js.map\n')).toString()).toBe('a();\n');
    expect(withoutJsMapComment(Buffer.from('a();\n')).toString()).toBe('a();\n');
    // magic, version, a type section (id 1, 4 bytes), a custom section named sourceMappingURL, a custom section named name.
    const section = (id: number, body: number[]) => [id, body.length, ...body];
    const custom = (name: string, payload: number[]) => section(0, [name.length, ...Buffer.from(name), ...payload]);
    const head = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
    const type = section(1, [1, 0x60, 0, 0]);
    const mod = Buffer.from([...head, ...type, ...custom('sourceMappingURL', [3, 0x61, 0x2e, 0x6d]), ...custom('name', [0])]);
    expect([...withoutWasmMapSection(mod)]).toEqual([...head, ...type, ...custom('name', [0])]);
  });
});
