/**
 * JSON Schemas of std and well-known crate types as serde writes them: integers with the range of
 * their width, collections as arrays, string-keyed maps as objects, `serde_json::Value` as any.
 * Integers wider than 53 bits carry `x-cutover-wide-integer`: JavaScript numbers cannot hold them.
 */
import type { JsonSchema } from '../model.js';
import type { TypeRef } from './types.js';

export const WIDE_INTEGER = 'x-cutover-wide-integer';

/** Converts a type argument; `suffix` extends the JSON path notes are reported at (`[]`, `{}`). */
export type ConvertArg = (t: TypeRef, suffix: string) => JsonSchema;

const INTEGERS: Record<string, [number, number] | 'wide-unsigned' | 'wide-signed'> = {
  i8: [-128, 127],
  i16: [-32768, 32767],
  i32: [-2147483648, 2147483647],
  u8: [0, 255],
  u16: [0, 65535],
  u32: [0, 4294967295],
  i64: 'wide-signed',
  i128: 'wide-signed',
  isize: 'wide-signed',
  u64: 'wide-unsigned',
  u128: 'wide-unsigned',
  usize: 'wide-unsigned',
};

function integer(width: string, nonZero: boolean): JsonSchema | undefined {
  const range = INTEGERS[width];
  if (range === undefined) return undefined;
  if (range === 'wide-signed') return { type: 'integer', [WIDE_INTEGER]: true };
  if (range === 'wide-unsigned') return { type: 'integer', minimum: nonZero ? 1 : 0, [WIDE_INTEGER]: true };
  const [min, max] = range;
  return { type: 'integer', minimum: nonZero && min === 0 ? 1 : min, maximum: max };
}

const STRINGS: Record<string, JsonSchema> = {
  String: { type: 'string' },
  str: { type: 'string' },
  char: { type: 'string', minLength: 1, maxLength: 1 },
  PathBuf: { type: 'string' },
  Path: { type: 'string' },
  OsString: { type: 'string' },
  OsStr: { type: 'string' },
  Uuid: { type: 'string', format: 'uuid' },
  Url: { type: 'string', format: 'uri' },
  DateTime: { type: 'string', format: 'date-time' },
  NaiveDateTime: { type: 'string' },
  NaiveDate: { type: 'string', format: 'date' },
  NaiveTime: { type: 'string' },
};

const WRAPPERS = new Set(['Box', 'Rc', 'Arc', 'Cow', 'RefCell', 'Cell', 'Mutex', 'RwLock', 'Wrapping', 'Reverse']);
const SEQUENCES = new Set(['Vec', 'VecDeque', 'LinkedList', 'BinaryHeap', 'SmallVec']);
const SETS = new Set(['HashSet', 'BTreeSet', 'IndexSet']);
const MAPS = new Set(['HashMap', 'BTreeMap', 'IndexMap']);
/** Types whose JSON is open by nature, or chosen at runtime: no `unknown-type` for them. */
const OPEN = new Set(['Value', 'RawValue', 'Channel', 'Response', 'InvokeResponseBody']);

/** Wraps a schema so that `null` is also accepted (`Option<T>`). */
export function nullable(s: JsonSchema): JsonSchema {
  if (Object.keys(s).length === 0 || s.type === 'null') return s;
  if (Array.isArray(s.type)) return s.type.includes('null') ? s : { ...s, type: [...(s.type as string[]), 'null'] };
  if (typeof s.type === 'string' && Array.isArray(s.enum)) return { ...s, type: [s.type, 'null'], enum: [...(s.enum as unknown[]), null] };
  if (typeof s.type === 'string' && !('const' in s)) return { ...s, type: [s.type, 'null'] };
  return { anyOf: [s, { type: 'null' }] };
}

export function builtinSchema(name: string, args: readonly TypeRef[], convert: ConvertArg): JsonSchema | undefined {
  const arg = (i: number, suffix: string): JsonSchema => {
    const t = args[i];
    return t ? convert(t, suffix) : {};
  };
  if (name === 'bool') return { type: 'boolean' };
  if (name === 'f32' || name === 'f64') return { type: 'number' };
  const int = integer(name, false);
  if (int) return int;
  if (name.startsWith('NonZero')) {
    const nz = integer(name.slice('NonZero'.length).toLowerCase(), true);
    if (nz) return nz;
  }
  const str = STRINGS[name];
  if (str) return str;
  if (OPEN.has(name)) return {};
  if (name === 'Map' && args.length === 0) return { type: 'object' };
  if (name === 'PhantomData') return { type: 'null' };
  if (name === 'Option') return nullable(arg(0, ''));
  // `Cow<'a, str>` and friends: the last type argument is the value.
  if (WRAPPERS.has(name)) return arg(args.length - 1, '');
  if (SEQUENCES.has(name)) return { type: 'array', items: arg(0, '[]') };
  if (SETS.has(name)) return { type: 'array', items: arg(0, '[]'), uniqueItems: true };
  if (MAPS.has(name) || name === 'Map') return { type: 'object', additionalProperties: arg(1, '{}') };
  if (name === 'Result') {
    return {
      oneOf: [
        { type: 'object', properties: { Ok: arg(0, '.Ok') }, required: ['Ok'], additionalProperties: false },
        { type: 'object', properties: { Err: arg(1, '.Err') }, required: ['Err'], additionalProperties: false },
      ],
    };
  }
  return undefined;
}
