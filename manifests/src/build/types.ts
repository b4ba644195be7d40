/**
 * The manifest format (`schema/manifest.schema.json` is its JSON Schema). Other pillars rely on
 * `name`, `params`, `result` (commands) and `name`, `frontendNames`, `payload` (events); the
 * harness validates wire traffic against exactly those schemas.
 */
import type { EventSide, JsonSchema, UnresolvedFact } from '../model.js';

export const FORMAT_VERSION = 1;

/** Where a command or event is produced or consumed. `file`/`line` are left out with `locations: false`. */
export interface Ref {
  side: EventSide;
  kind: 'handler' | 'command' | 'invoke' | 'forward' | 'emit' | 'reemit' | 'listen';
  /** The name used at this site when it differs from the entry's (a Tauri command name, a prefixed event). */
  name?: string;
  /** Rust path of a command (`commands::agent::agent_send_message`). */
  path?: string;
  /** The Tauri command a forward is made from. */
  from?: string;
  /** Keys sent (invoke arguments, json! keys) or read (a handler's params). */
  keys?: string[];
  /** A Rust command not listed in generate_handler![…]. */
  registered?: false;
  prefix?: string;
  file?: string;
  line?: number;
}

/** What the frontend sees of a Tauri command that forwards: the params it invokes it with, the result Rust returns. */
export interface TauriSide {
  params?: JsonSchema;
  result?: JsonSchema;
}

export interface CommandEntry {
  /** The wire name: the command the sidecar handles; a Rust-only command's Tauri name. */
  name: string;
  /** Tauri commands that reach this one, when any is named differently. */
  tauriNames?: string[];
  params?: JsonSchema;
  result?: JsonSchema;
  /** Per Tauri command forwarding to this one: its own params and result, as the frontend sees them. */
  tauri?: Record<string, TauriSide>;
  /** What answers it: the sidecar handler, the Rust command. */
  producers: Ref[];
  /** What calls it: frontend invoke, Rust forward. */
  consumers: Ref[];
}

export interface EventEntry {
  /** The event `type` as the sidecar emits it (or as Rust or the frontend emits it). */
  name: string;
  /** Names the frontend listens to, when a Rust re-emit prefixes it (`agent:stream:chunk`). */
  frontendNames?: string[];
  /** Schema of the event's `data`. */
  payload?: JsonSchema;
  producers: Ref[];
  consumers: Ref[];
}

export interface UnresolvedEntry {
  role: UnresolvedFact['role'];
  expression: string;
  reason: string;
  file?: string;
  line?: number;
}

export interface CommandsManifest {
  formatVersion: 1;
  commands: CommandEntry[];
  unresolved?: UnresolvedEntry[];
}

export interface EventsManifest {
  formatVersion: 1;
  events: EventEntry[];
  unresolved?: UnresolvedEntry[];
}

export interface Manifests {
  commands: CommandsManifest;
  events: EventsManifest;
}
