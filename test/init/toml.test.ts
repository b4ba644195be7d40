import { describe, expect, it } from 'vitest';
import { tauriDependency } from '../../init/src/scan/cargo.js';
import { parseToml, TomlError } from '../../init/src/scan/toml.js';

describe('reading Cargo.toml (the TOML init needs)', () => {
  it('reads tables, dotted keys, quoted keys, arrays over several lines, inline tables and comments', () => {
    const doc = parseToml(`# a crate
[package]
name = "app" # its name
version = '0.1.0'
authors = [
  "a <a@x>",   # first
  "b",
]

[dependencies]
tauri = { version = "2", features = ["tray-icon", "image-png"] }
serde.workspace = true
"quoted-key" = 1_000

[target.'cfg(windows)'.dependencies.tauri]
version = "2.1"

[[bin]]
name = "one"
[[bin]]
name = "two"

[lib]
doc = """
many
lines"""
`);
    expect(doc.package).toEqual({ name: 'app', version: '0.1.0', authors: ['a <a@x>', 'b'] });
    expect(doc.dependencies).toEqual({ tauri: { version: '2', features: ['tray-icon', 'image-png'] }, serde: { workspace: true }, 'quoted-key': 1000 });
    expect((doc.target as Record<string, { dependencies: unknown }>)["cfg(windows)"]!.dependencies).toEqual({ tauri: { version: '2.1' } });
    expect(doc.bin).toEqual([{ name: 'one' }, { name: 'two' }]);
    expect((doc.lib as { doc: string }).doc).toBe('many\nlines');
  });

  it('tells the tauri dependency in each way Cargo allows', () => {
    expect(tauriDependency(parseToml('[dependencies]\ntauri = "1.8"\n'))).toBe('1.8');
    expect(tauriDependency(parseToml('[dependencies]\ntauri = { version = "2.0.1", features = [] }\n'))).toBe('2.0.1');
    expect(tauriDependency(parseToml('[dependencies]\ntauri.workspace = true\n'))).toBe('workspace');
    expect(tauriDependency(parseToml('[dependencies.tauri]\nversion = "2"\n'))).toBe('2');
    expect(tauriDependency(parseToml('[target."cfg(unix)".dependencies]\ntauri = "2"\n'))).toBe('2');
    expect(tauriDependency(parseToml('[dependencies]\ntauri-build = "2"\nserde = "1"\n'))).toBeUndefined();
    expect(tauriDependency(parseToml('[build-dependencies]\ntauri = "2"\n'))).toBeUndefined();
  });

  it('a malformed file is an error naming its line', () => {
    expect(() => parseToml('[package]\nname = "x\n')).toThrow(TomlError);
    expect(() => parseToml('[package]\nname = "x"\nversion\n')).toThrow(/line 3/);
    expect(() => parseToml('[package\nname = "x"\n')).toThrow(/line 1/);
  });
});
