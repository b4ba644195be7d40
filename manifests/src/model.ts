/**
 * What extractors find, as plain facts. Every extractor (one file each under `extractors/`)
 * reads one language's sources and returns facts; `build/` joins them into the command and
 * event manifests, and `rules/` checks producers against consumers. Facts never carry
 * absolute paths: `file` is POSIX and relative to the manifests root, so output is stable.
 */
import type { Finding } from '../../core/src/findings.js';

export type JsonSchema = Record<string, unknown>;

export interface Loc {
  file: string;
  line: number;
  column?: number;
}

/** A payload key: the JS-side name, and its schema when the extractor can tell. */
export interface KeyFact {
  key: string;
  /** The source-side name (Rust param `session_id` for key `sessionId`). */
  sourceName?: string;
  required: boolean;
  /**
   * What `required` rests on: the declared type (`type`), or only how a handler reads the key
   * when no type declares it (`read`: a read without a fallback or a guard). Absent: `type`.
   */
  requiredBy?: 'type' | 'read';
  /**
   * A Rust command parameter whose type cutover cannot follow and Tauri may fill in itself (a
   * `State` alias from outside the sources…): why. Leaving it out of an invoke is then a warning.
   */
  mayBeInjected?: string;
  schema?: JsonSchema;
  /** Source-language type text, for messages (`Option<u64>`, `string | undefined`). */
  typeText?: string;
}

/** `#[tauri::command] fn agent_send_message(...)`. */
export interface CommandDefinitionFact {
  kind: 'command-definition';
  /** The name the frontend invokes. */
  name: string;
  /** `commands::agent::agent_send_message`. */
  path: string;
  loc: Loc;
  async: boolean;
  /** Payload parameters (injected ones like AppHandle/State left out), keyed as the frontend sends them. */
  params: KeyFact[];
  result?: JsonSchema;
  resultTypeText?: string;
  /** `#[cfg(...)]` guarding it, as written. */
  cfg?: string;
}

/** A path listed in `tauri::generate_handler![…]`. */
export interface CommandRegistrationFact {
  kind: 'command-registration';
  name: string;
  /** The function's path when the entry was followed to it; else the path as far as it could be placed. */
  path: string;
  loc: Loc;
  /** The Tauri plugin whose handler lists it (`plugin:<name>|<cmd>` on the frontend); absent: the app's own. */
  plugin?: string;
  /** In a workspace, the crate whose app handler (not a plugin's) lists it: each such crate builds an app of its own. */
  app?: string;
  /** Why the entry could not be followed to a function; such an entry registers its name, wherever it is defined. */
  unresolved?: string;
}

/** A Rust command forwarding to the sidecar: `send_command("name", json!({ "k": v }))`. */
export interface ForwardFact {
  kind: 'forward';
  /** The Tauri command it is inside (undefined when outside any command fn). */
  from?: string;
  /** The sidecar command name. */
  to: string;
  /** Keys of the `json!` object (or the fields of the serde struct sent); undefined when they cannot be told. */
  keys?: string[];
  /** Of `keys`, those that may be left out (a struct's `Option` field skipped when `None`…). */
  optionalKeys?: string[];
  /** Why the keys cannot be told (`keys` absent): reported with each handler it reaches. */
  keysUnknown?: string;
  loc: Loc;
}

/** A sidecar handler: `registerHandler('name', …)`, `case 'name':`, `{ name: fn }`. */
export interface HandlerFact {
  kind: 'handler';
  name: string;
  loc: Loc;
  /** Params keys the handler reads; undefined when it passes params on whole (cannot tell). */
  reads?: KeyFact[];
  /** Why the keys it reads cannot be told (`reads` absent): reported with each forward reaching it. */
  readsUnknown?: string;
  params?: JsonSchema;
  result?: JsonSchema;
}

/** A frontend `invoke('name', { … })`. */
export interface InvokeFact {
  kind: 'invoke';
  name: string;
  loc: Loc;
  /** Argument keys; undefined when the args are not an object literal. */
  keys?: string[];
  /** The `T` of `invoke<T>`, as written. */
  resultTypeText?: string;
}

export type EventSide = 'rust' | 'sidecar' | 'frontend';

/** Something emits an event: sidecar `emit('stream:chunk', …)`, Rust `app.emit("agent:x", …)`. */
export interface EmitFact {
  kind: 'emit';
  name: string;
  side: EventSide;
  loc: Loc;
  payload?: JsonSchema;
  /**
   * Emitted on an emitter that stays in the process (`process`, a server, a stream, an in-process
   * bus), and which: not an event of the contract, kept so a listen it would satisfy is not an error.
   */
  internal?: string;
}

/**
 * A Rust emit of a formatted name with a literal start: `app.emit(&format!("agent:{}", ev.type), …)`.
 * When the sidecar emits events, it re-emits them under the prefix; with none to re-emit, its
 * name is known only at run time (`format!("output:{}", run_id)`) and it counts as an unresolved
 * emit with that prefix (see build/reemits.ts).
 */
export interface ReemitFact {
  kind: 'reemit';
  prefix: string;
  /** The name as written (`format!("agent:{}", ev.type)`). */
  expression?: string;
  loc: Loc;
}

/** Something listens: frontend `listen('agent:stream:chunk', …)` / `once(…)`. */
export interface ListenFact {
  kind: 'listen';
  name: string;
  side: EventSide;
  loc: Loc;
}

/**
 * A command the daemon of a control socket handles (`{"cmd":"status"}`): an arm of its dispatch
 * (`match req.cmd.as_str() { "status" => … }`, `if cmd == "status"`), or a variant of its request
 * enum (`#[serde(tag = "cmd")] enum Request { Status, … }`).
 */
export interface ControlHandlerFact {
  kind: 'control-handler';
  name: string;
  loc: Loc;
  /** `match req.cmd.as_str()`, `enum Request`: how it was found, for messages. */
  how: string;
  /** Keys it takes (a variant's fields) or reads from the request in its arm; undefined: it hands the request on whole. */
  reads?: KeyFact[];
  /** JSON Schema of the request without its command field (a variant's fields, by serde's rules). */
  params?: JsonSchema;
}

/** A client of a control socket asks for a command: `json!({"cmd": "status"})`, `Request::Status`, `Request { cmd: "status".into(), … }`. */
export interface ControlRequestFact {
  kind: 'control-request';
  name: string;
  loc: Loc;
  /** The keys sent beside the command's name; undefined when they cannot be listed. */
  keys?: string[];
  /** The function building it. */
  from?: string;
}

/** A name the extractor could not resolve statically. Never dropped: reported as `unresolved`. */
export interface UnresolvedFact {
  kind: 'unresolved';
  /** What the name was for (`request`: a control-socket request a client builds). */
  role: 'invoke' | 'listen' | 'emit' | 'handler' | 'forward' | 'registration' | 'request';
  expression: string;
  reason: string;
  /** The known start of the name (`agent:` of `` `agent:${kind}` ``): the name can only be one that starts with it. */
  prefix?: string;
  /** What to do about it, when the extractor knows better than the role's general hint. */
  hint?: string;
  /**
   * The whole handler of `.invoke_handler(…)` cannot be read (role `registration`): reported by
   * the extractor as `unresolved-registration`, not again as `unresolved-name`.
   */
  handler?: true;
  /** Written in a single-file component's markup (a template expression), which is not parsed. */
  markup?: true;
  /** The side an unresolved emit is on, when the extractor says (the frontend has no emitter option: the hint differs). */
  side?: EventSide;
  loc: Loc;
}

export type Fact =
  | CommandDefinitionFact
  | CommandRegistrationFact
  | ForwardFact
  | HandlerFact
  | InvokeFact
  | EmitFact
  | ReemitFact
  | ListenFact
  | ControlHandlerFact
  | ControlRequestFact
  | UnresolvedFact;

export type FactKind = Fact['kind'];

export interface SourceFile {
  /** Absolute path, for reading. */
  path: string;
  /** POSIX path relative to the manifests root: what facts and findings carry. */
  rel: string;
  text: string;
}

/** Options for the Rust extractors (from the `manifests.rust` config section). */
export interface RustOptions {
  /** Calls whose first string argument names a sidecar command. Default `['send_command']`. */
  forwardCalls: string[];
  /** Extra injected parameter types to leave out of payloads, beyond Tauri's own. */
  injectedTypes: string[];
  /** The control plane of a daemon, when configured (`manifests.rust.controlPlane`). */
  controlPlane?: ControlPlaneOptions;
}

export interface ControlPlaneOptions {
  /** Globs (relative to root) of the files its dispatch and clients are read from; absent: every Rust file. */
  include?: string[];
  /** Request fields that name the command (`cmd` of `{"cmd":"status"}`). */
  discriminants: string[];
}

/** Options for the TypeScript extractors (from `manifests.sidecar` / `manifests.frontend`). */
export interface TsOptions {
  /** Functions registering a handler: `registerHandler('name', fn)`. */
  handlerRegistrars: string[];
  /** Object constants mapping command name to handler. */
  handlerMaps: string[];
  /** Identifiers a `switch` dispatches on (`switch (command)` / `switch (req.command)`). */
  switchDiscriminants: string[];
  /** Sidecar event emitter functions or methods: `emit('type', …)`. */
  emitters: string[];
  /** Frontend invoke functions, including wrappers: `invoke`, `invokeCommand`. */
  invokeFunctions: string[];
  /** Frontend listen functions: `listen`, `once`, wrappers. */
  listenFunctions: string[];
  /** Modules whose `invoke`/`listen` exports are Tauri's. */
  tauriModules: string[];
}

export interface ExtractContext {
  /** Absolute manifests root: every `rel` is relative to it. */
  root: string;
  files: SourceFile[];
  rust: RustOptions;
  ts: TsOptions;
}

export interface ExtractResult {
  facts: Fact[];
  /** Parse failures and other problems of the input (file:line); the rest of the run goes on. */
  findings: Finding[];
}

/** One extractor: one language, one kind of fact-finding, one file under `extractors/`. */
export interface Extractor {
  id: string;
  description: string;
  language: 'rust' | 'typescript';
  /** Which source group it reads (config `manifests.rust.include`, `…sidecar.include`, `…frontend.include`). */
  group: 'rust' | 'sidecar' | 'frontend';
  extract(ctx: ExtractContext): Promise<ExtractResult>;
}
