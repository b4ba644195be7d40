/**
 * The files cutover ships from other packages, and how each is taken from its package: only what
 * runs, with references to source maps that are not shipped taken out (a JS comment, a wasm
 * custom section). `pnpm vendor` copies them; `test/package/vendored.test.ts` checks that each
 * shipped file is what this makes of the installed package's file.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface VendoredFile {
  /** Under vendor/. */
  target: string;
  /** In the installed package (a development dependency, pinned to the vendored version). */
  source: string;
  transform?: (content: Buffer) => Buffer;
}

/** Drops a trailing `//# sourceMappingURL=…` line. */
export function withoutJsMapComment(content: Buffer): Buffer {
  return Buffer.from(content.toString('utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\n?$/, '\n'));
}

function leb128(buf: Buffer, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  let i = at;
  for (;;) {
    const byte = buf[i++]!;
    value += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return { value, next: i };
    shift += 7;
  }
}

/** Drops a WebAssembly module's `sourceMappingURL` custom section; every other byte stays. */
export function withoutWasmMapSection(content: Buffer): Buffer {
  if (content.readUInt32LE(0) !== 0x6d736100) throw new Error('not a WebAssembly module');
  const kept: Buffer[] = [content.subarray(0, 8)];
  let at = 8;
  while (at < content.length) {
    const id = content[at]!;
    const size = leb128(content, at + 1);
    const end = size.next + size.value;
    let drop = false;
    if (id === 0) {
      const name = leb128(content, size.next);
      drop = content.subarray(name.next, name.next + name.value).toString('utf8') === 'sourceMappingURL';
    }
    if (!drop) kept.push(content.subarray(at, end));
    at = end;
  }
  return Buffer.concat(kept);
}

export function vendoredFiles(root: string): VendoredFile[] {
  // The packages' own folders, as node resolves them from the repository (one of them exports no package.json).
  const dir = (pkg: string) => fs.realpathSync(path.join(root, 'node_modules', pkg));
  return [
    { target: 'tree-sitter-rust/tree-sitter-rust.wasm', source: path.join(dir('tree-sitter-rust'), 'tree-sitter-rust.wasm') },
    { target: 'tree-sitter-rust/LICENSE', source: path.join(dir('tree-sitter-rust'), 'LICENSE') },
    { target: 'web-tree-sitter/tree-sitter.js', source: path.join(dir('web-tree-sitter'), 'tree-sitter.js'), transform: withoutJsMapComment },
    { target: 'web-tree-sitter/tree-sitter.wasm', source: path.join(dir('web-tree-sitter'), 'tree-sitter.wasm'), transform: withoutWasmMapSection },
    { target: 'web-tree-sitter/LICENSE', source: path.join(dir('web-tree-sitter'), 'LICENSE') },
  ];
}

/** What a vendored file should hold: its package's file, transformed. */
export function expectedContent(f: VendoredFile): Buffer {
  const raw = fs.readFileSync(f.source);
  return f.transform ? f.transform(raw) : raw;
}
