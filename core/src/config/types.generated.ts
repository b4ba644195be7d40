/* Generated from the config JSON Schema by `pnpm gen:config`. Do not edit by hand; edit <pillar>/config/*.schema.json. */

/**
 * A dotted JSON path inside a message (result.uptimeMs, data.*.createdAt, **.pid), or an object limiting it to one command or event type.
 */
export type HarnessPathRule = string | HarnessPathRule1;
/**
 * The locked vocabulary every task source maps its statuses onto.
 */
export type TasksStatus = 'not_started' | 'in_progress' | 'blocked' | 'in_review' | 'done';

/**
 * Top-level keys of a cutover config. Each pillar adds one section from its own <pillar>/config/<section>.schema.json.
 */
export interface CutoverConfig {
  /**
   * Path or URL of this JSON Schema, for editors.
   */
  $schema?: string;
  /**
   * Name of the app being migrated, shown in reports.
   */
  name?: string;
  evidence?: EvidenceConfig;
  gate?: GateConfig;
  harness?: HarnessConfig;
  manifests?: ManifestsConfig;
  matrix?: MatrixConfig;
  redact?: RedactConfig;
  tasks?: TasksConfig;
}
/**
 * Per-task evidence files: where they live, which sections they need, and what counts as not yet written.
 */
export interface EvidenceConfig {
  /**
   * Folder of the evidence files, one <task-id>.md each (default docs/migration-evidence).
   */
  dir?: string;
  /**
   * Folder that paths under Files Changed are relative to (default: the config file's folder).
   */
  root?: string;
  /**
   * The sections every evidence file has, in order. A list replaces the default seven (Change Summary, Files Changed, Verification Commands, Verification Output, Behavior Proof, Risk Notes, Rollback Path); lint warns (evidence-sections-dropped) when it leaves one of them out: list it with required: false to keep it optional.
   *
   * @minItems 1
   */
  sections?: [EvidenceSection, ...EvidenceSection[]];
  /**
   * Absolute path prefixes taken off the paths listed under Files Changed before they are checked, e.g. ["/Users/alice/src/app/"] or ["C:\\Users\\bob\\app"] for evidence written on another machine's checkout (a Windows prefix matches with either slash and without case).
   */
  stripPrefixes?: string[];
  /**
   * Regular expressions (case-insensitive) for a line that is a placeholder, not content. A section with nothing but blank lines, comments and placeholder lines counts as empty. Replaces the default list (lines starting with TODO, TBD, FIXME, XXX, "placeholder", "to be written", or a lone <…> or …).
   */
  placeholders?: string[];
  /**
   * A folder of mustache templates that replace the built-in ones by file name (task.mustache, run-commands.mustache, run-output.mustache).
   */
  templates?: string;
  /**
   * Task statuses whose tasks must have valid evidence (default ["done"]).
   */
  requireFor?: ('not_started' | 'in_progress' | 'blocked' | 'in_review' | 'done')[];
  /**
   * How many trailing lines of each command's output the evidence shows (default 20); the full output is stored beside the evidence file.
   */
  excerptLines?: number;
  /**
   * Write what varies from run to run in a command's output (times of day, timestamps, durations) as <time> and <duration> in the stored output and the excerpt, so identical runs leave the evidence as it is; the matrix report keeps the output as it ran (default true).
   */
  normalize?: boolean;
}
export interface EvidenceSection {
  /**
   * The heading the scaffold writes, e.g. "Risk Notes".
   */
  name: string;
  /**
   * Other headings accepted for this section, e.g. "Residual Risks". Matching ignores case, numbering and a trailing colon.
   */
  aliases?: string[];
  /**
   * Whether lint requires it present and not empty (default true).
   */
  required?: boolean;
  /**
   * What the section holds, when its name is not the default one: files-changed paths are checked to exist, verification-commands and verification-output are filled from what the matrix ran.
   */
  role?:
    | 'change-summary'
    | 'files-changed'
    | 'verification-commands'
    | 'verification-output'
    | 'behavior-proof'
    | 'risk-notes'
    | 'rollback-path';
}
/**
 * The release gate: what `cutover gate` reads and where it writes its dashboard.
 */
export interface GateConfig {
  /**
   * The matrix report to judge (default: report.json in matrix.outDir).
   */
  report?: string;
  signoffs?: GateSignoffs;
  /**
   * Folder the HTML dashboard is written to (default: .cutover/dashboard beside the config). Keep it gitignored.
   */
  dashboardDir?: string;
  /**
   * How many blocking reasons the verdict shows before `… and N more` (default 10; --explain shows all).
   */
  top?: number;
  require?: GateRequire;
}
/**
 * Who must approve a release, and where the approvals are written.
 */
export interface GateSignoffs {
  /**
   * The sign-off file: a markdown table with columns Role, Name, Date, Decision (default: SIGNOFF.md beside the config).
   */
  file?: string;
  /**
   * Roles that must each have an approved sign-off (default ARCH, SEC, QA, OPS; [] requires none).
   */
  roles?: string[];
}
/**
 * What the release requires beyond task lists, evidence and sign-offs. The matrix and the contract are required unless a key here is false, which needs a reason; every verdict prints it.
 */
export interface GateRequire {
  /**
   * A matrix section and a passing report are required (default true).
   */
  matrix?: boolean;
  /**
   * A manifests section is required, and check and drift must report no error (default true). A configured section is checked either way.
   */
  contract?: boolean;
  /**
   * Why a section is not required: printed in every verdict (text, markdown, JSON, dashboard).
   */
  reason?: string;
}
/**
 * Record golden traces on the old path (stdio) and replay them against the new path (socket daemon).
 */
export interface HarnessConfig {
  /**
   * Protocol profile (framing + envelope): cowork-ndjson (default), jsonrpc-ndjson, jsonrpc-content-length or control-socket.
   */
  profile?: string;
  old?: HarnessTarget;
  new?: HarnessTarget1;
  /**
   * Scenario files (.yaml, .yml, .json) or folders holding them; each scenario has one golden trace.
   */
  scenarios?: string[];
  /**
   * Folder of golden traces, one <scenario>.jsonl each (default: traces/ beside the first scenario folder).
   */
  traces?: string;
  compare?: HarnessCompare;
  contract?: HarnessContract;
  /**
   * Secrets a scenario sends as {"$secret": "NAME"}: where record and replay read each one (default: the environment variable NAME). The value is sent, never written: the trace keeps the reference.
   */
  secrets?: {
    [k: string]: HarnessSecret | undefined;
  };
  timeouts?: HarnessTimeouts;
  /**
   * Folder that keeps each started target's stderr (secrets redacted), one <role>-<pid>.stderr.log per process; without it only the last lines are kept, for error messages.
   */
  logDir?: string;
  /**
   * Longest single message accepted from a target (default 16 MB); a longer one fails with a clear error.
   */
  maxFrameBytes?: number;
  builtins?: HarnessBuiltins;
}
/**
 * The old path, that golden traces are recorded from (usually the sidecar on stdio).
 */
export interface HarnessTarget {
  /**
   * stdio: spawn and talk on stdin/stdout. socket: connect to a Unix socket, Windows named pipe or tcp://127.0.0.1:PORT.
   */
  transport: 'stdio' | 'socket';
  /**
   * Protocol profile for this target when it differs from harness.profile.
   */
  profile?: string;
  /**
   * Executable to start ("node" means the running Node; a name is looked up on PATH, a path with a slash resolves from the config folder); placeholders replaced. Optional for socket: omit it to connect to a daemon already running.
   */
  command?: string;
  /**
   * Arguments; {{dataDir}}, {{home}}, {{configDir}} and {{env.NAME}} are replaced.
   */
  args?: string[];
  /**
   * Extra environment variables; {{dataDir}}, {{home}}, {{configDir}} and {{env.NAME}} are replaced.
   */
  env?: {
    [k: string]: string | undefined;
  };
  /**
   * Working directory (default: the config file's folder); placeholders are replaced first, then a relative path resolves from the config file's folder.
   */
  cwd?: string;
  /**
   * Give every run a fresh temp folder, usable as {{dataDir}}; kept across a restart, removed at the end.
   */
  dataDir?: boolean;
  /**
   * Give every run a fresh, empty home folder: HOME (and USERPROFILE) point at it, usable as {{home}}; kept across a restart, removed at the end. For targets that write under ~.
   */
  home?: boolean;
  /**
   * When the target is ready: "message" (its first protocol message is a ready event; stdio default), "none" (socket default: once the endpoint accepts a connection), or an object: a line on stdout/stderr matching a pattern, a command polled until its answer matches, or both (the line first).
   */
  ready?: ('message' | 'none') | HarnessReady;
  /**
   * socket: Unix socket path, \\.\pipe\NAME or tcp://127.0.0.1:PORT; placeholders replaced, relative paths from the config folder.
   */
  endpoint?: string;
  token?: HarnessToken;
  /**
   * Requests sent on every new connection before the exchange (an initialize { appDataDir: '{{dataDir}}' } the host app sends first), never recorded or compared; params expand placeholders. A step answered with an error, or not at all, fails the run (exit 3).
   */
  setup?: HarnessCommand[];
}
export interface HarnessReady {
  /**
   * Wait for the profile's ready message first (what "message" means).
   */
  message?: boolean;
  /**
   * Stream the pattern is looked for on (default stdout).
   */
  stream?: 'stdout' | 'stderr';
  /**
   * Regular expression a line must match.
   */
  pattern?: string;
  /**
   * Dotted path into that line's JSON giving the endpoint (for tcp port 0), e.g. data.socket.
   */
  endpoint?: string;
  /**
   * A command sent until its answer matches `until` (a health check, for targets that listen before they are ready or print nothing); its answers are never recorded.
   */
  command?: string;
  /**
   * Params of that command; {{dataDir}}, {{home}}, {{configDir}} and {{env.NAME}} are replaced.
   */
  params?: {};
  /**
   * Dotted paths in the answer and the values they must have, e.g. { "result.ready": true } (default: any successful answer).
   */
  until?: {};
  /**
   * Pause between two tries of the command (default 100).
   */
  intervalMs?: number;
  /**
   * How long this target may take to be ready (default harness.timeouts.readyMs).
   */
  timeoutMs?: number;
}
/**
 * The auth token a socket client presents, read again at every connect.
 */
export interface HarnessToken {
  /**
   * File holding the token; placeholders replaced, relative paths from the config folder. Watched from the start, so the token is redacted from anything the target prints.
   */
  file?: string;
  /**
   * Environment variable holding the token.
   */
  env?: string;
  /**
   * Request field that carries it (default authToken).
   */
  field?: string;
}
export interface HarnessCommand {
  /**
   * Command (method) name on the wire.
   */
  command: string;
  /**
   * Params; strings may hold {{name}} placeholders.
   */
  params?: {};
}
/**
 * The new path, that golden traces are replayed against (usually the daemon on a socket).
 */
export interface HarnessTarget1 {
  /**
   * stdio: spawn and talk on stdin/stdout. socket: connect to a Unix socket, Windows named pipe or tcp://127.0.0.1:PORT.
   */
  transport: 'stdio' | 'socket';
  /**
   * Protocol profile for this target when it differs from harness.profile.
   */
  profile?: string;
  /**
   * Executable to start ("node" means the running Node; a name is looked up on PATH, a path with a slash resolves from the config folder); placeholders replaced. Optional for socket: omit it to connect to a daemon already running.
   */
  command?: string;
  /**
   * Arguments; {{dataDir}}, {{home}}, {{configDir}} and {{env.NAME}} are replaced.
   */
  args?: string[];
  /**
   * Extra environment variables; {{dataDir}}, {{home}}, {{configDir}} and {{env.NAME}} are replaced.
   */
  env?: {
    [k: string]: string | undefined;
  };
  /**
   * Working directory (default: the config file's folder); placeholders are replaced first, then a relative path resolves from the config file's folder.
   */
  cwd?: string;
  /**
   * Give every run a fresh temp folder, usable as {{dataDir}}; kept across a restart, removed at the end.
   */
  dataDir?: boolean;
  /**
   * Give every run a fresh, empty home folder: HOME (and USERPROFILE) point at it, usable as {{home}}; kept across a restart, removed at the end. For targets that write under ~.
   */
  home?: boolean;
  /**
   * When the target is ready: "message" (its first protocol message is a ready event; stdio default), "none" (socket default: once the endpoint accepts a connection), or an object: a line on stdout/stderr matching a pattern, a command polled until its answer matches, or both (the line first).
   */
  ready?: ('message' | 'none') | HarnessReady;
  /**
   * socket: Unix socket path, \\.\pipe\NAME or tcp://127.0.0.1:PORT; placeholders replaced, relative paths from the config folder.
   */
  endpoint?: string;
  token?: HarnessToken;
  /**
   * Requests sent on every new connection before the exchange (an initialize { appDataDir: '{{dataDir}}' } the host app sends first), never recorded or compared; params expand placeholders. A step answered with an error, or not at all, fails the run (exit 3).
   */
  setup?: HarnessCommand[];
}
/**
 * How responses and events are normalized and compared.
 */
export interface HarnessCompare {
  /**
   * JSON paths removed before comparing.
   */
  ignore?: HarnessPathRule[];
  /**
   * JSON paths whose value is replaced by <masked> (presence still compared).
   */
  mask?: HarnessPathRule[];
  /**
   * Extra /regex/ patterns of generated ids; matches are renamed consistently (UUIDs always are).
   */
  ids?: string[];
  /**
   * Keys whose string values are generated ids and renamed consistently (default: id, sessionId and every key ending in Id).
   */
  idKeys?: string[];
  /**
   * Fields only one path has, never a difference (default: the profile's: seq, timestamp on events, authToken on requests).
   */
  transportOnly?: HarnessPathRule[];
  /**
   * session (default): events strictly ordered within a session, relaxed across sessions; strict: one order for all; none: any order.
   */
  ordering?: 'session' | 'strict' | 'none';
  detect?: HarnessDetect;
}
export interface HarnessPathRule1 {
  /**
   * Dotted JSON path; * matches one key or index, ** any depth.
   */
  path: string;
  /**
   * Only in responses to (and requests of) this command.
   */
  command?: string;
  /**
   * Only in events of this type.
   */
  event?: string;
}
/**
 * Generated values detected and replaced by placeholders.
 */
export interface HarnessDetect {
  /**
   * ISO 8601 timestamps (default true).
   */
  isoTimes?: boolean;
  /**
   * Integers that are epoch milliseconds between 2000 and 2100 (default true).
   */
  epochMillis?: boolean;
  /**
   * UUIDs, renamed consistently (default true).
   */
  uuids?: boolean;
  /**
   * Absolute paths under the temp folder or a data dir, renamed consistently (default true).
   */
  paths?: boolean;
  /**
   * Generated ids inside text ("Session not found: sess_lx3k9a2b"): a word of a letter prefix, _ or -, then 6+ letters and digits mixed or 10+ digits; renamed like ids in id fields (default true).
   */
  idsInText?: boolean;
}
/**
 * Manifests from `cutover manifest`: every payload is validated against them, whatever both paths say.
 */
export interface HarnessContract {
  /**
   * Path of commands.json (params and result schemas per command).
   */
  commands?: string;
  /**
   * Path of events.json (payload schema per event type).
   */
  events?: string;
}
export interface HarnessSecret {
  /**
   * Environment variable holding the secret.
   */
  env?: string;
  /**
   * File holding the secret (surrounding whitespace dropped).
   */
  file?: string;
}
/**
 * Limits for every wait, in milliseconds.
 */
export interface HarnessTimeouts {
  /**
   * Until a target is ready (default 15000).
   */
  readyMs?: number;
  /**
   * Until a request is answered (default 10000).
   */
  responseMs?: number;
  /**
   * Until an awaited event arrives (default 15000).
   */
  waitMs?: number;
  /**
   * Quiet time that ends a scenario: no message for this long (default 150).
   */
  settleMs?: number;
  /**
   * Grace between SIGTERM and SIGKILL when a target is stopped (default 3000).
   */
  stopMs?: number;
}
/**
 * Built-in scenarios run against the new path, and the commands they use.
 */
export interface HarnessBuiltins {
  /**
   * Which built-in scenarios run (default: every one whose commands are configured).
   */
  enabled?: (
    | 'roundtrip'
    | 'catchup'
    | 'stale-cursor'
    | 'crash-recovery'
    | 'single-instance'
    | 'auth'
    | 'malformed-line'
    | 'client-vanish'
  )[];
  /**
   * Commands sent to both paths and compared; {{session}} is a session made first when createSession is set.
   */
  roundTrip?: HarnessCommand[];
  createSession?: HarnessCommandWithPath;
  sendMessage?: HarnessCommand1;
  health?: HarnessCommand2;
  emit?: HarnessEmit;
  eventsSince?: HarnessEventsSince;
  bootstrap?: HarnessBootstrap;
  /**
   * Message content that streams {n} events (default "chunks:{n}").
   */
  streamContent?: string;
  /**
   * Events streamed by the catch-up and client-vanish scenarios (default 200).
   */
  streamLength?: number;
  /**
   * Events to emit so that cursor 0 is older than the replay buffer (default 1100).
   */
  staleAfter?: number;
  /**
   * Message content that makes a turn wait for a permission.
   */
  permissionContent?: string;
  permissionEvent?: HarnessEventWithPath;
  /**
   * The event type that ends a turn (default stream:done).
   */
  doneEvent?: string;
}
/**
 * Creates a session; path: where its id is in the response (default result.id).
 */
export interface HarnessCommandWithPath {
  /**
   * Command name on the wire.
   */
  command: string;
  /**
   * Params.
   */
  params?: {};
  /**
   * Dotted path of the value taken from the response.
   */
  path?: string;
}
/**
 * Starts a turn; params use {{session}} and {{content}}.
 */
export interface HarnessCommand1 {
  /**
   * Command (method) name on the wire.
   */
  command: string;
  /**
   * Params; strings may hold {{name}} placeholders.
   */
  params?: {};
}
/**
 * A cheap request that proves the daemon still serves.
 */
export interface HarnessCommand2 {
  /**
   * Command (method) name on the wire.
   */
  command: string;
  /**
   * Params; strings may hold {{name}} placeholders.
   */
  params?: {};
}
/**
 * A command that makes the target emit an event without outside services (e.g. renaming a session), so the streaming, auth, catch-up, stale-cursor, crash-recovery and client-vanish scenarios run on a real app. Sent once per event wanted.
 */
export interface HarnessEmit {
  /**
   * Command name on the wire.
   */
  command: string;
  /**
   * Params; {{session}} is a session made first with createSession, {{n}} counts the calls (1, 2, …) so each differs.
   */
  params?: {};
  /**
   * The event type it causes (default: any event).
   */
  event?: string;
}
export interface HarnessEventsSince {
  /**
   * The events-since command.
   */
  command: string;
  /**
   * Param carrying the cursor (default sinceSeq).
   */
  cursorParam?: string;
  /**
   * Events in the response (default result.events).
   */
  eventsPath?: string;
  /**
   * Latest seq in the response (default result.latestSeq).
   */
  latestSeqPath?: string;
  /**
   * True when the cursor is stale (default result.stale).
   */
  stalePath?: string;
}
export interface HarnessBootstrap {
  /**
   * The bootstrap command.
   */
  command: string;
  /**
   * Latest seq in the response (default result.latestSeq).
   */
  latestSeqPath?: string;
  /**
   * Sessions in the response (default result.sessions).
   */
  sessionsPath?: string;
  /**
   * Pending permissions in the response (default result.pendingPermissions).
   */
  pendingPermissionsPath?: string;
}
/**
 * The event announcing a pending permission; path: its id (default data.permissionId).
 */
export interface HarnessEventWithPath {
  /**
   * Event type.
   */
  type: string;
  /**
   * Dotted path of the value taken from the event.
   */
  path?: string;
}
/**
 * Where the app's command and event contract is read from (sources, never run) and where its manifests are written.
 */
export interface ManifestsConfig {
  /**
   * Folder the source globs and every file path in the manifests are relative to (default: the config file's folder).
   */
  root?: string;
  /**
   * Folder for commands.json, events.json and types.d.ts (default: manifests/ under root).
   */
  out?: string;
  /**
   * Write file:line of every producer and consumer into the manifests (default true). False keeps moved lines from counting as drift.
   */
  locations?: boolean;
  /**
   * Write types.d.ts (TypeScript declarations of every command's params/result and event payload) beside the manifests (default true).
   */
  types?: boolean;
  /**
   * Folder of the content-hash cache of extracted facts (default: node_modules/.cache/cutover of the nearest node_modules at or above root, else .cutover-cache/ in root), or false for none.
   */
  cache?: string | false;
  rust?: ManifestsRust;
  sidecar?: ManifestsSidecar;
  frontend?: ManifestsFrontend;
  check?: ManifestsCheck;
}
/**
 * The Rust command layer (Tauri commands, forwarding to the sidecar, events emitted from Rust).
 */
export interface ManifestsRust {
  /**
   * Globs of Rust sources, relative to root (default: ["src-tauri/src/** /*.rs"]).
   */
  include?: string[];
  /**
   * Globs left out, relative to root.
   */
  exclude?: string[];
  /**
   * Calls whose first string argument names the sidecar command a Rust command forwards to (default: ["send_command"]).
   */
  forwardCalls?: string[];
  /**
   * Parameter types Tauri injects (left out of the payload) beyond its own AppHandle, State, Window, WebviewWindow and Webview.
   */
  injectedTypes?: string[];
  controlPlane?: ManifestsRustControlPlane;
}
/**
 * The control plane of a Rust daemon, a local socket speaking {"cmd": "status", …}: the commands its dispatch answers (a match or if on the command name, a #[serde(tag = "cmd")] request enum) and the requests its clients build (json!, the enum's variants, a struct literal) join commands.json, and check and drift guard them. Setting it (even to {}) turns it on.
 */
export interface ManifestsRustControlPlane {
  /**
   * Globs of the daemon's and its clients' sources, relative to root; they are read with the Rust sources (default: every file of manifests.rust.include).
   */
  include?: string[];
  /**
   * Request fields that name the command: a request enum's serde tag, the json! key or struct field a client sets, the field or variable the dispatch matches on (default: ["cmd"]).
   *
   * @minItems 1
   */
  discriminants?: [string, ...string[]];
}
/**
 * The sidecar's command router and event producers (TypeScript).
 */
export interface ManifestsSidecar {
  /**
   * Globs of sidecar sources, relative to root (default: ["src-sidecar/src/** /*.ts"]).
   */
  include?: string[];
  /**
   * Globs left out, relative to root (test files and .d.ts are always left out).
   */
  exclude?: string[];
  /**
   * Import aliases, as tsconfig's compilerOptions.paths writes them but relative to root: {"@/*": ["src-sidecar/src/*"]}. Aliases in tsconfig.json, jsconfig.json and vite.config.* files above the sources are read without this.
   */
  paths?: {
    [k: string]: string[] | undefined;
  };
  /**
   * Functions or methods registering a handler as (name, handler): registerHandler('agent_list_sessions', fn) (default: ["registerHandler"]).
   */
  handlerRegistrars?: string[];
  /**
   * Names of object constants mapping command name to handler: const handlers = { agent_list_sessions: fn } (default: ["handlers"]).
   */
  handlerMaps?: string[];
  /**
   * What a router's switch dispatches on, as written or by its last property name: switch (req.command) (default: ["command", "cmd"]).
   */
  switchDiscriminants?: string[];
  /**
   * Event emitter functions or methods, called as (type, …, payload); an entry with a dot matches the end of the callee (events.emit) (default: ["emit"]).
   */
  emitters?: string[];
}
/**
 * The frontend's Tauri calls: invoke, listen and once, and wrappers around them.
 */
export interface ManifestsFrontend {
  /**
   * Globs of frontend sources, relative to root: scripts (.ts, .tsx, .js, .jsx, .mjs, …) and .svelte/.vue components, whose <script> blocks are read (default: ["src/** /*.{ts,tsx,mts,cts,js,jsx,mjs,cjs,vue,svelte}"]).
   */
  include?: string[];
  /**
   * Globs left out, relative to root (test files and .d.ts are always left out).
   */
  exclude?: string[];
  /**
   * Import aliases, as tsconfig's compilerOptions.paths writes them but relative to root: {"@/*": ["src/*"]}. Aliases in tsconfig.json, jsconfig.json and vite.config.* files above the sources are read without this.
   */
  paths?: {
    [k: string]: string[] | undefined;
  };
  /**
   * Extra functions called like invoke(name, args): wrappers the sources do not define. Wrappers defined in the sources are found without this.
   */
  invokeFunctions?: string[];
  /**
   * Extra functions called like listen(name, handler): wrappers the sources do not define.
   */
  listenFunctions?: string[];
  /**
   * Modules whose invoke, listen and once are Tauri's (default: @tauri-apps/api and its core, tauri, event, window, webview and webviewWindow modules).
   */
  tauriModules?: string[];
}
/**
 * How `cutover check` reports.
 */
export interface ManifestsCheck {
  rules?: ManifestsCheckRules;
  /**
   * Findings accepted on purpose, each with the reason; they are left out of the report. An entry names one finding (id and name) or a file or glob (file, optionally id).
   */
  ignore?: ManifestsCheckIgnore[];
  /**
   * The file of accepted findings `cutover check --update-baseline` writes and `cutover check` subtracts (default: cutover.baseline.json beside the config), or false to ignore one.
   */
  baseline?: string | false;
}
/**
 * Severity per finding id, or "off".
 */
export interface ManifestsCheckRules {
  /**
   * Frontend invokes a command no registered Rust command provides.
   */
  'unregistered-invoke'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A #[tauri::command] is not in generate_handler![…].
   */
  'command-not-registered'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * generate_handler![…] lists a path with no #[tauri::command].
   */
  'registered-not-defined'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * Rust forwards to a sidecar command that has no handler.
   */
  'missing-handler'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A sidecar handler nothing forwards to.
   */
  'unforwarded-handler'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * An event is listened for but never emitted.
   */
  'event-not-emitted'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * An event is emitted but nothing listens for it.
   */
  'event-not-listened'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * One command name has conflicting payload schemas.
   */
  'conflicting-payload'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * json! keys differ from the keys the sidecar handler reads.
   */
  'forward-key-mismatch'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * The keys a forward sends or its handler reads could not be told, so the pair was not compared.
   */
  'unresolved-keys'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * invoke argument keys differ from the Rust parameters' keys.
   */
  'invoke-key-mismatch'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * The Rust sources hold more than one Tauri app; each frontend is checked against all of them together.
   */
  'several-apps'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A control-socket client asks for a command the daemon does not handle.
   */
  'control-unhandled'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A command a daemon handles that no client asks for.
   */
  'control-unused'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A control-socket request's keys differ from what the daemon takes.
   */
  'control-key-mismatch'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A command or event name could not be resolved statically.
   */
  'unresolved-name'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A source file does not parse.
   */
  'parse-error'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * Part of a Rust file the grammar could not read (the rest was extracted), or a file too large to parse.
   */
  'parse-recovered'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A generate_handler![…] entry whose path cannot be followed to its function.
   */
  'unresolved-registration'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A Tauri command that picks its operation by a name it is given.
   */
  'unresolved-dispatch'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * An integer wider than 53 bits crosses to JavaScript.
   */
  'wide-integer'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A Rust type was not found in the crate.
   */
  'unknown-type'?: 'error' | 'warning' | 'info' | 'off';
  /**
   * A configured source group matched no file, or its files gave nothing.
   */
  'nothing-extracted'?: 'error' | 'warning' | 'info' | 'off';
}
export interface ManifestsCheckIgnore {
  /**
   * Finding id (unforwarded-handler); with file, only this id is left out there.
   */
  id?: string;
  /**
   * The command or event name the finding is about (with id).
   */
  name?: string;
  /**
   * A file or glob relative to root (src-tauri/src/gen/**): findings located there are left out; its facts are still extracted.
   */
  file?: string;
  /**
   * Why it is accepted, for reviewers.
   */
  reason: string;
}
/**
 * The validation matrix: what `cutover matrix run` runs and where it writes its reports.
 */
export interface MatrixConfig {
  /**
   * The matrix file (YAML or JSON; format: schema/matrix.schema.json in the cutover package).
   */
  file: string;
  /**
   * Folder for matrix reports (default: .cutover/matrix beside the config). Keep it gitignored.
   */
  outDir?: string;
  /**
   * Write evidence files for the tasks a run covers, from what really ran (default true).
   */
  evidence?: boolean;
  runners?: MatrixRunners;
  /**
   * How many parallel jobs `matrix plan` gives each operating system (default 1).
   */
  shardsPerOs?: number;
}
/**
 * GitHub Actions runner labels per operating system, for `cutover matrix plan --format github`.
 */
export interface MatrixRunners {
  /**
   * Runner label for linux cells (default ubuntu-latest).
   */
  linux?: string;
  /**
   * Runner label for macos cells (default macos-latest).
   */
  macos?: string;
  /**
   * Runner label for windows cells (default windows-latest).
   */
  windows?: string;
}
/**
 * Secrets redacted before anything is written or printed. Built in: names containing token, secret, password, passwd, pwd, apikey, auth, cookie, credential, private key or session id (case, - and _ ignored); values of such env vars, flags, URL passwords, basic auth, header lines, token files and well-known token shapes.
 */
export interface RedactConfig {
  /**
   * Extra secret key names (compared by their words, so teamPin matches team_pin and TEAM-PIN), or /regex/ strings; their string values become [REDACTED] in traces, reports, evidence, logs and output.
   */
  keys?: string[];
  /**
   * Key names that are never secret, though the built-in rule says so (a protocol's session_id that is a resource id, not a credential); same syntax as keys.
   */
  keep?: string[];
}
/**
 * Where the migration's task lists are: markdown checklists and CSV or JSON ledgers. The gate and the evidence linter read every task from them.
 */
export interface TasksConfig {
  /**
   * Task lists to read, in order. A missing or unreadable file is a finding (task-source-unreadable), never skipped.
   */
  sources?: TaskSourceConfig[];
}
export interface TaskSourceConfig {
  /**
   * The task list file, relative to the config file's folder.
   */
  path: string;
  /**
   * The file's format; by default taken from its extension (.md/.markdown, .csv, .json).
   */
  format?: 'markdown' | 'csv' | 'json';
  /**
   * The status vocabulary, as written in the file → status. Replaces the default: for markdown {"[ ]": "not_started", "[-]": "in_progress", "[x]": "done", "[X]": "done", "[!]": "blocked"}; for ledgers the five status names themselves. Anything else is a task-unknown-status finding.
   */
  statuses?: {
    [k: string]: TasksStatus | undefined;
  };
  columns?: TaskColumns;
  /**
   * Ledgers only: the folder evidence paths in the ledger are relative to (default: the ledger's folder; "." for a ledger that writes them from the config file's folder).
   */
  evidenceBase?: string;
  /**
   * Markdown only: a regular expression a task id matches (default ^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+$, e.g. P0-T001, INT-G-001). A checklist item whose first code span is not an id is a task without an id.
   */
  idPattern?: string;
  /**
   * Markdown only: the heading level that names a task's phase (## is 2). By default the shallowest level used more than once in the file.
   */
  phaseLevel?: number;
  /**
   * CSV only: the field delimiter (default ",").
   */
  delimiter?: string;
}
/**
 * Ledgers only: which column (CSV header or JSON key) holds each field. Defaults to the field's own name.
 */
export interface TaskColumns {
  /**
   * Task id column (default "id"); required in every row.
   */
  id?: string;
  /**
   * Status column (default "status"); required in every row.
   */
  status?: string;
  /**
   * Title column (default "title").
   */
  title?: string;
  /**
   * Owner column (default "owner").
   */
  owner?: string;
  /**
   * Phase column (default "phase").
   */
  phase?: string;
  /**
   * Evidence-file column (default "evidence"); a relative path resolves from evidenceBase (default: the ledger's folder). Absolute paths, and paths that lead outside the repository, are refused.
   */
  evidence?: string;
}
