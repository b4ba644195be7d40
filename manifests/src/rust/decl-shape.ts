/**
 * What serde reads of a type declaration, as data: its container attributes and its fields or
 * variants (or an alias's target). File trees are deleted once read, and only the few types a
 * schema reaches are needed, so a declaration is parsed again alone (its range of the file, at
 * its true lines) the first time a schema reaches it, read, and its tree deleted at once.
 */
import type { Parser } from 'web-tree-sitter';
import { readAttributes } from './attributes.js';
import type { CrateIndex } from './crate-index.js';
import type { TypeDecl } from './namespace.js';
import { namedKids } from './nodes.js';
import { parseRange } from './parser.js';
import { containerAttrs, type ContainerAttrs } from './serde-attrs.js';
import { variantsOf, type Variant } from './serde-enum.js';
import { fieldsOf, type FieldDecl } from './serde-fields.js';
import { typeRef, type TypeRef } from './types.js';

export interface DeclShape {
  /** The file it is in (relative path), for notes. */
  file: string;
  container: ContainerAttrs;
  /** A struct's fields; absent for a unit struct. */
  body?: { tuple: boolean; fields: FieldDecl[] };
  variants?: Variant[];
  /** A `type` alias's target. */
  alias?: TypeRef;
}

const ITEMS = new Set(['struct_item', 'enum_item', 'type_item', 'union_item']);

export class DeclShapes {
  private readonly shapes = new Map<TypeDecl, DeclShape | null>();

  constructor(
    private readonly parser: Parser,
    private readonly index: CrateIndex,
  ) {}

  shape(decl: TypeDecl): DeclShape | undefined {
    let found = this.shapes.get(decl);
    if (found === undefined) {
      found = this.read(decl) ?? null;
      this.shapes.set(decl, found);
    }
    return found ?? undefined;
  }

  private read(decl: TypeDecl): DeclShape | undefined {
    const file = this.index.files[decl.file];
    const tree = file ? parseRange(this.parser, file.source.text, decl.range) : null;
    if (!file || !tree) return undefined;
    try {
      const kids = namedKids(tree.rootNode);
      const node = kids.find((k) => ITEMS.has(k.type));
      if (!node) return undefined;
      const container = containerAttrs(readAttributes(kids.filter((k) => k.type === 'attribute_item' && k.endIndex <= node.startIndex)));
      const shape: DeclShape = { file: file.source.rel, container };
      if (decl.kind === 'alias') {
        const target = node.childForFieldName('type');
        if (target) shape.alias = typeRef(target);
      } else if (decl.kind === 'enum') {
        const list = node.childForFieldName('body');
        shape.variants = list ? variantsOf(list) : [];
      } else {
        const body = node.childForFieldName('body');
        if (body) shape.body = { tuple: body.type === 'ordered_field_declaration_list', fields: fieldsOf(body) };
      }
      return shape;
    } finally {
      tree.delete();
    }
  }
}
