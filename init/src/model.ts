/** What `cutover init` found in a repository: each fact with where it was found. */

export interface Site {
  file: string;
  line: number;
}

export interface Crate {
  /** Folder, relative to the repository root (`.` for the root). */
  dir: string;
  name: string;
  /** The tauri dependency as written (`2`, `1.8`, `workspace`), when the crate has one. */
  tauri?: string;
  /** A problem reading its Cargo.toml; the crate is then left out. */
  problem?: string;
}

export interface TauriApp {
  /** The folder of its tauri.conf.json (or Tauri.toml). */
  dir: string;
  config: string;
  /** 1 or 2, and how that was told. */
  major?: 1 | 2;
  majorFrom?: string;
}

export interface HandlerSite extends Site {
  /** Entries listed in this generate_handler![…]. */
  commands: number;
  /** The crate's folder. */
  crate: string;
  /** A plugin's name (`Builder::new("name")` in the same file), else it registers an app's commands. */
  plugin?: string;
}

export interface Forward {
  /** The function a Tauri command calls with the sidecar command's name: `send_command`. */
  name: string;
  calls: number;
  example: Site;
  /** The sidecar command names it is called with. */
  commands: string[];
}

export interface FrontendFolder {
  /** The include glob. */
  glob: string;
  /** Why it is included: a file that imports Tauri's API, or one that uses a package that does. */
  because: string;
}

export interface MemberWrapper extends Site {
  /** `platform.listen`, as the calls write it. */
  name: string;
  kind: 'invoke' | 'listen';
  calls: number;
  /** Whether the member passes its name straight on (else it routes, and is only mentioned). */
  direct: boolean;
}

export interface Sidecar {
  dir: string;
  glob: string;
  /** The file that reads requests from stdin. */
  stdin: Site;
  registrars: { name: string; calls: number; example: Site }[];
  handlerMaps: { name: string; entries: number; example: Site }[];
  switchDiscriminants: { name: string; cases: number; example: Site }[];
  emitters: { name: string; calls: number; example: Site }[];
  /** How to start it, from its package.json (main, or a start script). */
  entry?: string;
}

export interface Detection {
  root: string;
  name: string;
  apps: TauriApp[];
  crates: Crate[];
  /** Crates that depend on tauri: their sources are the Rust group. */
  rustGlobs: string[];
  handlers: HandlerSite[];
  forwards: Forward[];
  frontend: FrontendFolder[];
  memberWrappers: MemberWrapper[];
  sidecars: Sidecar[];
  /** Things init could not read or decide, for the user to look at. */
  notes: string[];
}
