/**
 * The syntax of a type declaration, parsed again on demand: file trees are deleted once read,
 * and only the few types a schema reaches are needed again. Each is parsed alone (its range of
 * the file, at its true lines) and its tree kept until `dispose()`.
 */
import type { Node, Parser, Tree } from 'web-tree-sitter';
import { readAttributes, type Attribute } from './attributes.js';
import type { CrateIndex } from './crate-index.js';
import type { TypeDecl } from './namespace.js';
import { namedKids } from './nodes.js';
import { parseRange } from './parser.js';

export interface DeclSyntax {
  node: Node;
  attrs: Attribute[];
  /** The file it is in (relative path), for notes. */
  file: string;
}

const ITEMS = new Set(['struct_item', 'enum_item', 'type_item', 'union_item']);

export class DeclTrees {
  private readonly trees: Tree[] = [];
  private readonly parsed = new Map<TypeDecl, DeclSyntax | null>();

  constructor(
    private readonly parser: Parser,
    private readonly index: CrateIndex,
  ) {}

  syntax(decl: TypeDecl): DeclSyntax | undefined {
    let found = this.parsed.get(decl);
    if (found === undefined) {
      found = this.parse(decl) ?? null;
      this.parsed.set(decl, found);
    }
    return found ?? undefined;
  }

  private parse(decl: TypeDecl): DeclSyntax | undefined {
    const file = this.index.files[decl.file];
    if (!file) return undefined;
    const tree = parseRange(this.parser, file.source.text, decl.range);
    if (!tree) return undefined;
    this.trees.push(tree);
    const kids = namedKids(tree.rootNode);
    const node = kids.find((k) => ITEMS.has(k.type));
    if (!node) return undefined;
    return { node, attrs: readAttributes(kids.filter((k) => k.type === 'attribute_item' && k.endIndex <= node.startIndex)), file: file.source.rel };
  }

  dispose(): void {
    for (const t of this.trees) t.delete();
    this.trees.length = 0;
    this.parsed.clear();
  }
}
