/**
 * Enough TOML to read a Cargo.toml: tables (`[a.b]`, `[[bin]]`, quoted keys), `key = value` with
 * dotted keys, and values that are strings (basic, literal, multi-line), arrays (over several
 * lines), inline tables, numbers, booleans and dates. The result is plain data. A malformed file
 * throws an error naming the line; init reports it and reads the rest of the repository.
 */
export type TomlValue = string | number | boolean | TomlValue[] | TomlTable;
export interface TomlTable {
  [key: string]: TomlValue;
}

export class TomlError extends Error {
  constructor(message: string, readonly line: number) {
    super(`${message} (line ${line})`);
  }
}

export function parseToml(text: string): TomlTable {
  return new Reader(text).document();
}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  private get line(): number {
    return this.s.slice(0, this.i).split('\n').length;
  }

  private fail(what: string): never {
    throw new TomlError(what, this.line);
  }

  /** Spaces, tabs, comments and (with `newlines`) line ends. */
  private skip(newlines: boolean): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.i++;
      else if (c === '#') while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      else return;
    }
  }

  document(): TomlTable {
    const root: TomlTable = {};
    let current = root;
    for (;;) {
      this.skip(true);
      if (this.i >= this.s.length) return root;
      if (this.s[this.i] === '[') {
        const array = this.s[this.i + 1] === '[';
        this.i += array ? 2 : 1;
        const keys = this.keyPath();
        if (!this.s.startsWith(array ? ']]' : ']', this.i)) this.fail('expected ] after a table name');
        this.i += array ? 2 : 1;
        current = this.open(root, keys, array);
      } else {
        const keys = this.keyPath();
        if (this.s[this.i] !== '=') this.fail('expected = after a key');
        this.i++;
        this.skip(false);
        const value = this.value();
        const parent = this.open(current, keys.slice(0, -1), false);
        parent[keys[keys.length - 1]!] = value;
      }
      this.skip(false);
      if (this.i < this.s.length && this.s[this.i] !== '\n') this.fail('unexpected text after a value');
    }
  }

  private open(from: TomlTable, keys: string[], array: boolean): TomlTable {
    let t = from;
    keys.forEach((k, n) => {
      const last = n === keys.length - 1;
      if (last && array) {
        const list = (Array.isArray(t[k]) ? t[k] : (t[k] = [])) as TomlValue[];
        const fresh: TomlTable = {};
        list.push(fresh);
        t = fresh;
        return;
      }
      const next = t[k];
      if (Array.isArray(next)) t = next[next.length - 1] as TomlTable;
      else if (next !== null && typeof next === 'object') t = next;
      else t = t[k] = {};
    });
    return t;
  }

  private keyPath(): string[] {
    const keys: string[] = [];
    for (;;) {
      this.skip(false);
      const c = this.s[this.i];
      if (c === '"' || c === "'") keys.push(this.string());
      else {
        const m = /^[A-Za-z0-9_-]+/.exec(this.s.slice(this.i));
        if (!m) this.fail('expected a key');
        keys.push(m[0]);
        this.i += m[0].length;
      }
      this.skip(false);
      if (this.s[this.i] !== '.') return keys;
      this.i++;
    }
  }

  private value(): TomlValue {
    const c = this.s[this.i];
    if (c === '"' || c === "'") return this.string();
    if (c === '[') return this.array();
    if (c === '{') return this.inlineTable();
    const m = /^[^\s,\]}#]+/.exec(this.s.slice(this.i));
    if (!m) this.fail('expected a value');
    this.i += m[0].length;
    if (m[0] === 'true' || m[0] === 'false') return m[0] === 'true';
    const n = Number(m[0].replace(/_/g, ''));
    return Number.isNaN(n) ? m[0] : n;
  }

  private string(): string {
    const q = this.s[this.i]!;
    const multi = this.s.startsWith(q.repeat(3), this.i);
    const close = multi ? q.repeat(3) : q;
    this.i += close.length;
    // A line end right after the opening quotes of a multi-line string is not part of it.
    if (multi && this.s.startsWith('\r\n', this.i)) this.i += 2;
    else if (multi && this.s[this.i] === '\n') this.i++;
    let out = '';
    while (!this.s.startsWith(close, this.i)) {
      if (this.i >= this.s.length || (!multi && this.s[this.i] === '\n')) this.fail('unterminated string');
      if (q === '"' && this.s[this.i] === '\\') {
        const e = this.s[this.i + 1]!;
        out += ({ n: '\n', t: '\t', '"': '"', '\\': '\\', r: '\r' } as Record<string, string>)[e] ?? e;
        this.i += 2;
      } else out += this.s[this.i++];
    }
    this.i += close.length;
    return out;
  }

  private array(): TomlValue[] {
    this.i++;
    const out: TomlValue[] = [];
    for (;;) {
      this.skip(true);
      if (this.s[this.i] === ']') break;
      out.push(this.value());
      this.skip(true);
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') this.fail('expected , or ] in an array');
    }
    this.i++;
    return out;
  }

  private inlineTable(): TomlTable {
    this.i++;
    const out: TomlTable = {};
    for (;;) {
      this.skip(false);
      if (this.s[this.i] === '}') break;
      const keys = this.keyPath();
      if (this.s[this.i] !== '=') this.fail('expected = in an inline table');
      this.i++;
      this.skip(false);
      this.open(out, keys.slice(0, -1), false)[keys[keys.length - 1]!] = this.value();
      this.skip(false);
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') this.fail('expected , or } in an inline table');
    }
    this.i++;
    return out;
  }
}
