/**
 * What is kept of a Rust file once its syntax tree is deleted: plain data only. A file is parsed,
 * read and its tree deleted before the next file is parsed, so memory stays flat however large
 * the crate; everything the extractors need later (module scopes, item names, command
 * signatures, pending names and payloads) is recorded here first.
 */
import type { Loc } from '../model.js';
import type { NameExpr } from './name-expr.js';
import type { ModNode } from './namespace.js';
import type { TypeRef } from './types.js';

/** One name a `use` brings in: `use a::b as c` is `{ path: [a, b], name: c }`; a glob has name `*`. */
export interface UseEntry {
  path: string[];
  name: string;
  /** Written inside a function body: visible there, never re-exported. */
  inFn: boolean;
}

export interface ModuleScope {
  file: string;
  /** Names of the inline `mod x { … }` blocks from the file's own module down to this one. */
  local: string[];
  parent?: ModuleScope;
  uses: UseEntry[];
  /** `#[cfg(…)]` predicates on this module itself (inline block, `#![cfg]`, the `mod x;` that loads the file); see `scopeCfgs`. */
  cfgs: string[];
  /** `#[path = "…"]` on an inline module: where its `mod x;` children are looked for. */
  pathAttr?: string;
  /** The module path from the crate root, set once the crate layout is known. */
  segments: string[];
  /** The module this scope is part of, set once the crate layout is known. */
  mod?: ModNode;
}

export interface ParamStub {
  /** The Rust name (`session_id`), `r#` removed; undefined for a pattern that is not a name. */
  name?: string;
  /** The pattern as written, for a key when it is not a name. */
  pattern: string;
  type: TypeRef;
  line: number;
}

/** What a `#[tauri::command]` (or `#[command]`) function declares, read while its tree was alive. */
export interface CommandStub {
  renameAll: 'camelCase' | 'snake_case';
  asyncOption: boolean;
  async: boolean;
  params: ParamStub[];
  result?: { type: TypeRef; line: number; text: string };
}

export interface FnItem {
  name: string;
  scope: ModuleScope;
  /** A method in an `impl` or `trait` block: never a command, never reachable by a module path. */
  inImpl: boolean;
  /** Where its name is. */
  loc: Loc;
  /** Its own `#[cfg(…)]` predicates. */
  cfgs: string[];
  /**
   * The command attribute: `yes` for `#[tauri::command]` or `#[command]` imported from tauri,
   * `maybe` for a bare `#[command]` whose `command` may come in through a glob import.
   */
  command?: 'yes' | 'maybe';
  stub?: CommandStub;
  /** Parameter names, for telling a parameter from a constant in a name expression. */
  paramNames?: string[];
  /** A method's `impl` type as written: what `Self::NAME` in its body is looked up on. */
  selfType?: string[];
}

export interface TypeStub {
  kind: 'struct' | 'enum' | 'alias';
  name: string;
  scope: ModuleScope;
  generics: string[];
  /** An enum's `#[serde(tag = "…")]`: the field that names the variant (a control-plane request enum's `cmd`). */
  tag?: string;
  /** A struct deriving serde's Serialize, read only in the control plane's files: a client can send it. */
  serializes?: true;
  /** The item with its attributes, for parsing it again when a schema needs its body. */
  range: { startIndex: number; endIndex: number; startPosition: { row: number; column: number }; endPosition: { row: number; column: number } };
  line: number;
}

export interface ConstStub {
  name: string;
  scope: ModuleScope;
  /** An associated const: its `impl` type's path as written (`[]` in a trait); no module declares it. */
  owner?: string[];
  /** The string it holds; undefined when it is not a string literal. */
  value?: string;
}

/** `mod x;`: the module's body is another file. */
export interface ModDecl {
  scope: ModuleScope;
  name: string;
  pathAttr?: string;
  cfgs: string[];
  line: number;
}

/** Something in a module that may declare names nobody can see statically. */
export interface OpaqueItem {
  scope: ModuleScope;
  line: number;
  /** `the macro lazy_static!`, `a region the Rust grammar could not read`. */
  what: string;
}

export interface RegistrationEntry {
  /** Path segments as written, `r#` removed; absent when the entry is not a path. */
  segments?: string[];
  expression: string;
  loc: Loc;
}

export interface PendingRegistration {
  scope: ModuleScope;
  loc: Loc;
  /** The list's macro as written: `tauri::generate_handler`, `tauri_specta::collect_commands`. */
  macro: string;
  /** Passed as written to `.invoke_handler(…)`; otherwise it feeds a handler some other way (a builder, a local). */
  direct: boolean;
  /** The plugin's name (`tauri::plugin::Builder::new("name")`), absent for the app's own handler. */
  plugin?: NameExpr;
  entries: RegistrationEntry[];
}

/** `.invoke_handler(x)` whose `x` is no registration list cutover can read (nor a local bound to one). */
export interface PendingHandler {
  scope: ModuleScope;
  loc: Loc;
  /** The argument as written. */
  expression: string;
}

export interface PendingForward {
  loc: Loc;
  fn?: FnItem;
  name: NameExpr;
  /** The name argument as written. */
  expression: string;
  keys?: string[];
  /** Why the payload's keys cannot be told (then `keys` is absent). */
  keysUnknown?: string;
  /** A serde struct sent as the payload: its fields are the keys, settled once every file is read. */
  payloadType?: { type: TypeRef; scope: ModuleScope; line: number; expression: string };
  /** The name is a parameter of the function around it (by position), and so may the payload be: a helper whose callers name the command. */
  helper?: { name: string; nameIndex: number; payloadIndex?: number };
}

/** A call with a literal argument, maybe of a forward helper: its arguments by position, each a name or a payload (or neither). */
export interface PendingHelperCall {
  callee: string;
  loc: Loc;
  fn?: FnItem;
  args: Array<{ name?: NameExpr; payload?: PendingForwardPayload }>;
}

/** A payload read at a call: its keys, a struct to settle, or why it cannot be read. */
export type PendingForwardPayload = Pick<PendingForward, 'keys' | 'keysUnknown' | 'payloadType'>;

export type PendingPayload = { schema: Record<string, unknown> } | { type: TypeRef; scope: ModuleScope; line: number };

export interface PendingEmit {
  loc: Loc;
  name: NameExpr;
  payload?: PendingPayload;
  /** The name is a parameter of the function around it: that function wraps emitting. */
  wrapper?: { name: string; index: number };
}

/** A call named like an emitting method that is not Tauri's (`Handle::emit("x", …)`): maybe the crate's own wrapper. */
export interface PendingWrapperCall {
  loc: Loc;
  callee: string;
  args: NameExpr[];
}

/** A command that picks what it does by a name it is given (`match cmd.as_str()`, `router.dispatch(&cmd, …)`). */
export interface Dispatch {
  fn: FnItem;
  param: string;
  loc: Loc;
  /** The dispatching expression, as written. */
  how: string;
  /** The names it matches on, when they are string literals in `match` arms. */
  operations?: string[];
}

/** A region tree-sitter could not read, kept as a report; the rest of the file was read. */
export interface Recovered {
  line: number;
  endLine: number;
  column: number;
  /** What was skipped, as written (shortened). */
  text: string;
  /** `inside fn foo`, or the item kind. */
  where: string;
  missing?: string;
}

/** A fact that may have been lost inside an unreadable region (the region mentions it). */
export interface LostFact {
  role: 'registration' | 'emit' | 'forward';
  loc: Loc;
  expression: string;
}

/** An arm of a control-socket dispatch: the command name it answers, and what it reads of the request. */
export interface PendingControlArm {
  name: NameExpr;
  loc: Loc;
  /** How the name is read, as written (`match req.cmd.as_str()`). */
  how: string;
  /** Request keys the arm reads (`req.codebase`, `req["lines"]`); undefined: it hands the request on, or there is none. */
  reads?: string[];
}

/** A request a client builds: the command's name (json! or struct field), or a variant of a request enum to settle. */
export interface PendingControlRequest {
  loc: Loc;
  name?: NameExpr;
  /** `Request::Sync` of `Request::Sync { codebase }`: resolved once every file is read. */
  variant?: string[];
  /** The struct of a struct literal setting the command field: a request only if a client can serialize it. */
  type?: string[];
  scope: ModuleScope;
  /** Keys sent beside the name; undefined when they cannot be listed. */
  keys?: string[];
  fn?: FnItem;
  /** The name is this parameter (by position) of the function around it: a helper whose callers name the command. */
  param?: number;
}

/** A call that may be of a request helper (`send_cmd("status")`): its literal or constant arguments. */
export interface PendingControlCall {
  callee: string;
  loc: Loc;
  /** By position; undefined where the argument is no literal or constant. */
  args: Array<NameExpr | undefined>;
  fn?: FnItem;
}

export interface ControlData {
  arms: PendingControlArm[];
  requests: PendingControlRequest[];
  calls: PendingControlCall[];
}

export interface FileData {
  root: ModuleScope;
  scopes: ModuleScope[];
  functions: FnItem[];
  types: TypeStub[];
  consts: ConstStub[];
  modDecls: ModDecl[];
  opaque: OpaqueItem[];
  registrations: PendingRegistration[];
  /** Handlers given to `.invoke_handler(…)` that are not a registration list. */
  handlers: PendingHandler[];
  forwards: PendingForward[];
  /** Calls that may be of a forward helper (settled against the helpers once every file is read). */
  helperCalls: PendingHelperCall[];
  emits: PendingEmit[];
  wrapperCalls: PendingWrapperCall[];
  dispatches: Dispatch[];
  recovered: Recovered[];
  lost: LostFact[];
  /** The control plane read in this file, when it is one of the control plane's files. */
  control?: ControlData;
}
