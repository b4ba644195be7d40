/**
 * `#[serde(…)]` attributes as data, per direction. Params reach a command through Deserialize,
 * results leave it through Serialize, and serde lets most attributes differ by direction
 * (`rename(serialize = …, deserialize = …)`, `skip_serializing`), so each is kept as a pair.
 */
import { metaItems, type Attribute, type Meta } from './attributes.js';
import { isRenameRule, type RenameRule } from './serde-case.js';

export type Direction = 'ser' | 'de';

export interface PerDirection<T> {
  ser?: T;
  de?: T;
}

export interface ContainerAttrs {
  rename: PerDirection<string>;
  renameAll: PerDirection<RenameRule>;
  renameAllFields: PerDirection<RenameRule>;
  tag?: string;
  content?: string;
  untagged: boolean;
  transparent: boolean;
  denyUnknownFields: boolean;
  /** Container `default`: every missing field takes its default on deserialize. */
  default: boolean;
  /** `into = "T"` / `from = "T"` / `try_from = "T"`: the type serde actually reads or writes. */
  proxy: PerDirection<string>;
}

export interface FieldAttrs {
  rename: PerDirection<string>;
  /** Renaming rules of a struct variant (variant-level `rename_all`). */
  renameAll: PerDirection<RenameRule>;
  skip: PerDirection<boolean>;
  default: boolean;
  flatten: boolean;
  /** `skip_serializing_if`: the key may be absent from the output. */
  skipSerializingIf: boolean;
  /** `with` / `serialize_with` / `deserialize_with`: custom representation, shape unknown. */
  custom: PerDirection<boolean>;
  /** Variant `untagged` (serde ≥ 1.0.181): tried without a tag after the tagged ones. */
  untagged: boolean;
  /** Variant `other`: catches unknown tags on deserialize. */
  other: boolean;
}

function pair<T>(m: Meta, read: (v: string) => T | undefined): PerDirection<T> {
  if (m.value !== undefined) {
    const v = read(m.value);
    return v === undefined ? {} : { ser: v, de: v };
  }
  const out: PerDirection<T> = {};
  for (const item of m.list ?? []) {
    const v = item.value === undefined ? undefined : read(item.value);
    if (v === undefined) continue;
    if (item.path === 'serialize') out.ser = v;
    if (item.path === 'deserialize') out.de = v;
  }
  return out;
}

const asString = (v: string): string => v;
const asRule = (v: string): RenameRule | undefined => (isRenameRule(v) ? v : undefined);

export function containerAttrs(attrs: readonly Attribute[]): ContainerAttrs {
  const out: ContainerAttrs = {
    rename: {},
    renameAll: {},
    renameAllFields: {},
    untagged: false,
    transparent: false,
    denyUnknownFields: false,
    default: false,
    proxy: {},
  };
  for (const m of metaItems(attrs, 'serde')) {
    switch (m.path) {
      case 'rename': Object.assign(out.rename, pair(m, asString)); break;
      case 'rename_all': Object.assign(out.renameAll, pair(m, asRule)); break;
      case 'rename_all_fields': Object.assign(out.renameAllFields, pair(m, asRule)); break;
      case 'tag': if (m.value !== undefined) out.tag = m.value; break;
      case 'content': if (m.value !== undefined) out.content = m.value; break;
      case 'untagged': out.untagged = true; break;
      case 'transparent': out.transparent = true; break;
      case 'deny_unknown_fields': out.denyUnknownFields = true; break;
      case 'default': out.default = true; break;
      case 'into': if (m.value !== undefined) out.proxy.ser = m.value; break;
      case 'from':
      case 'try_from': if (m.value !== undefined) out.proxy.de = m.value; break;
      default: break;
    }
  }
  return out;
}

export function fieldAttrs(attrs: readonly Attribute[]): FieldAttrs {
  const out: FieldAttrs = {
    rename: {},
    renameAll: {},
    skip: {},
    default: false,
    flatten: false,
    skipSerializingIf: false,
    custom: {},
    untagged: false,
    other: false,
  };
  for (const m of metaItems(attrs, 'serde')) {
    switch (m.path) {
      case 'rename': Object.assign(out.rename, pair(m, asString)); break;
      case 'rename_all': Object.assign(out.renameAll, pair(m, asRule)); break;
      case 'skip': out.skip = { ser: true, de: true }; break;
      case 'skip_serializing': out.skip.ser = true; break;
      case 'skip_deserializing': out.skip.de = true; break;
      case 'default': out.default = true; break;
      case 'flatten': out.flatten = true; break;
      case 'skip_serializing_if': out.skipSerializingIf = true; break;
      case 'with': out.custom = { ser: true, de: true }; break;
      case 'serialize_with': out.custom.ser = true; break;
      case 'deserialize_with': out.custom.de = true; break;
      case 'untagged': out.untagged = true; break;
      case 'other': out.other = true; break;
      default: break;
    }
  }
  return out;
}
