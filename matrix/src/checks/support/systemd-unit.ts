/**
 * A systemd unit file, read by systemd.syntax(7): `[Section]` headers, `Key=Value` lines,
 * `#`/`;` comments, a trailing backslash continuing a line. Keys repeat (ExecStartPre,
 * Environment); an empty assignment resets the list, as systemd does.
 */
export interface UnitEntry {
  value: string;
  line: number;
}

export interface SystemdUnit {
  /** Section → key → values in order (after resets). */
  sections: Map<string, { line: number; keys: Map<string, UnitEntry[]> }>;
}

export class UnitSyntaxError extends Error {
  constructor(message: string, readonly line: number) {
    super(message);
  }
}

export function parseSystemdUnit(text: string): SystemdUnit {
  const sections: SystemdUnit['sections'] = new Map();
  let current: { line: number; keys: Map<string, UnitEntry[]> } | undefined;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i + 1;
    let line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;
    // Continuation lines join with a space; comment lines inside a continuation are skipped.
    while (line.trimEnd().endsWith('\\') && i + 1 < lines.length) {
      line = `${line.trimEnd().slice(0, -1)} `;
      let next = lines[++i]!;
      while (/^\s*[#;]/.test(next) && i + 1 < lines.length) next = lines[++i]!;
      line += next.trim();
    }
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (header) {
      const name = header[1]!;
      if (!sections.has(name)) sections.set(name, { line: start, keys: new Map() });
      current = sections.get(name);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new UnitSyntaxError(`expected "Key=Value" or "[Section]", found "${line.trim().slice(0, 40)}"`, start);
    const key = line.slice(0, eq).trim();
    if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new UnitSyntaxError(`"${key}" is not a valid key name`, start);
    if (!current) throw new UnitSyntaxError(`"${key}=" appears before any [Section] header`, start);
    const value = line.slice(eq + 1).trim();
    const list = current.keys.get(key) ?? [];
    if (value === '') list.length = 0;
    else list.push({ value, line: start });
    current.keys.set(key, list);
  }
  return { sections };
}

/** The last value of `Section.Key`, as systemd reads single-valued settings. */
export function unitValue(unit: SystemdUnit, section: string, key: string): UnitEntry | undefined {
  const list = unit.sections.get(section)?.keys.get(key);
  return list?.[list.length - 1];
}
