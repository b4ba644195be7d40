/**
 * The request enums of a control plane: enums whose `#[serde(tag = "…")]` is a field that names
 * the command (`#[serde(tag = "cmd", rename_all = "snake_case")] enum Request { Status, Sync {
 * codebase: Option<String> } }`). Each variant is a command the daemon reads: its name on the wire
 * by serde's rules (`rename`, `rename_all`), and the schema of its fields (the request without
 * the command field), taken from the enum's own schema as serde deserializes it.
 */
import type { JsonSchema, KeyFact } from '../model.js';
import type { CrateIndex } from './crate-index.js';
import { DeclShapes } from './decl-shape.js';
import type { TypeDecl } from './namespace.js';
import { rustParser } from './parser.js';
import { variantName } from './serde-enum.js';
import type { SchemaBuilder } from './serde-schema.js';

export interface RequestVariant {
  /** The variant as written in Rust (`ReloadConfig`). */
  rust: string;
  /** The command's name on the wire (`reload_config`). */
  wire: string;
  line: number;
  params: JsonSchema;
  keys: KeyFact[];
}

export interface RequestEnum {
  decl: TypeDecl;
  tag: string;
  variants: RequestVariant[];
}

type Schema = Record<string, unknown>;

function tagOf(option: Schema, tag: string): string | undefined {
  const props = (option.properties ?? (option.allOf as Schema[] | undefined)?.[0]?.properties) as Record<string, Schema> | undefined;
  const value = props?.[tag]?.const;
  return typeof value === 'string' ? value : undefined;
}

/** The request without its command field: a variant's own fields. */
function withoutTag(option: Schema, tag: string): Schema {
  if (Array.isArray(option.allOf)) return (option.allOf[1] as Schema | undefined) ?? { type: 'object' };
  const properties = { ...((option.properties as Record<string, Schema> | undefined) ?? {}) };
  delete properties[tag];
  const required = ((option.required as string[] | undefined) ?? []).filter((k) => k !== tag);
  const { properties: _p, required: _r, ...rest } = option;
  return { ...rest, ...(Object.keys(properties).length ? { properties } : {}), ...(required.length ? { required } : {}) };
}

function keysOf(params: Schema): KeyFact[] {
  const props = (params.properties as Record<string, JsonSchema> | undefined) ?? {};
  const required = new Set((params.required as string[] | undefined) ?? []);
  return Object.keys(props).map((key) => ({ key, required: required.has(key), schema: props[key] }));
}

export async function requestEnums(index: CrateIndex, schemas: SchemaBuilder, discriminants: ReadonlySet<string>): Promise<RequestEnum[]> {
  const decls = [...index.types.values()].flat().filter((d) => d.kind === 'enum' && d.tag !== undefined && discriminants.has(d.tag));
  if (decls.length === 0) return [];
  const shapes = new DeclShapes(await rustParser(), index);
  const out: RequestEnum[] = [];
  for (const decl of decls) {
    const tag = decl.tag!;
    const shape = shapes.shape(decl);
    const file = index.files[decl.file]!.source.rel;
    const whole = schemas.schema({ kind: 'path', segments: [decl.name], args: [], text: decl.name }, { file, scope: decl.scope, line: decl.line }, 'de').schema as Schema;
    const options = (whole.oneOf ?? whole.anyOf ?? [whole]) as Schema[];
    const variants: RequestVariant[] = [];
    for (const v of shape?.variants ?? []) {
      // A variant serde never reads, or the catch-all for unknown tags, is no command.
      if (v.attrs.skip.de || v.attrs.other || v.attrs.untagged) continue;
      const wire = variantName(v, shape!.container, 'de');
      const option = options.find((o) => tagOf(o, tag) === wire);
      const params = option ? withoutTag(option, tag) : { type: 'object' };
      variants.push({ rust: v.name, wire, line: v.line, params, keys: keysOf(params) });
    }
    out.push({ decl, tag, variants });
  }
  return out;
}
