import { parse, TomlError as ParseError } from 'smol-toml';

/**
 * A Cargo.toml or tauri.conf.toml as plain data, read by the TOML parser the manifests pillar
 * uses too (smol-toml). A malformed file throws an error naming the line; init reports it and
 * reads the rest of the repository.
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
  try {
    return parse(text) as unknown as TomlTable;
  } catch (e) {
    if (e instanceof ParseError) throw new TomlError(e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, ''), e.line);
    throw e;
  }
}
