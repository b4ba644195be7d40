/**
 * Help for each rule, as code-scanning tools show it beside a result: what the finding means,
 * why it matters at run time, and what to do. A rule without an entry here gets its description.
 */
export const RULE_HELP: Readonly<Record<string, string>> = {
  'unregistered-invoke':
    'The frontend calls invoke() with a command name that no registered Rust command provides, so the call is rejected at run time. Fix the name, or define the #[tauri::command] and list it in generate_handler![…] (or tauri-specta\'s collect_commands![…]). A plugin command is invoked as plugin:<name>|<command>.',
  'command-not-registered':
    'A #[tauri::command] function that no generate_handler![…] (or collect_commands![…]) lists: the frontend cannot call it. List it in the app\'s (or its plugin\'s) generate_handler![…], or remove the attribute if it is not meant to be a command.',
  'registered-not-defined':
    'generate_handler![…] lists a path with no #[tauri::command] function behind it, so the app does not build or the command is not the one meant. Fix the path, mark the function #[tauri::command], or make sure manifests.rust.include covers the file that defines it.',
  'missing-handler':
    'A Rust command forwards a request to the sidecar under a name no sidecar handler answers: every call fails at run time. Add the handler, or fix the name the Rust side sends.',
  'unforwarded-handler':
    'The sidecar handles a command nothing forwards to. It may be dead code, a typo on the Rust side, or a command only the daemon serves; remove it, fix the forward, or accept it in manifests.check.ignore with a reason.',
  'event-not-emitted':
    'The frontend listens for an event nothing emits (not Rust, not the sidecar, not the frontend itself), so the listener never runs. Fix the name, or emit the event. When an emit whose name is not known statically could send it, this is a warning naming those sites.',
  'event-not-listened':
    'An event is emitted but nothing listens for it: the payload is built and sent for nobody, or a listener uses another name. Listen for it, stop emitting it, or accept it in manifests.check.ignore.',
  'conflicting-payload':
    'One command name carries different payload shapes in one layer, so some callers send what the handler does not expect. Make the payloads agree, or give the commands different names.',
  'forward-key-mismatch':
    "The json! object a Rust command forwards lacks a key the sidecar handler's params type requires (an error: the handler gets undefined), or sends keys the handler never reads (a warning: they are ignored). Send the keys the handler reads.",
  'invoke-key-mismatch':
    'invoke() arguments against the Rust command\'s parameters, as Tauri names them (camelCase by default): a required parameter that is not sent makes the call fail (error); an extra key is ignored (warning). Parameters Tauri fills in itself (AppHandle, State and aliases of it, Window, Webview, Request, CommandScope, GlobalScope) are not sent; one whose type cutover cannot follow is only a warning, and a type Tauri injects that cutover does not know goes in manifests.rust.injectedTypes.',
  'unresolved-name':
    'A command or event name that cannot be known without running the code (a variable, a parameter no call site fills, a computed string). The contract cannot say what the call reaches. Use a literal or a const, list a wrapper in manifests.frontend.invokeFunctions/listenFunctions, or accept it.',
  'parse-error': 'A source file that does not parse; nothing in it was extracted, so its commands, invokes and events are missing from the contract. Fix the syntax, or exclude the file.',
  'unknown-type': 'A Rust type the crate does not define (from another crate, or generated); its schema is left open, so payloads of that type are not checked.',
  'nothing-extracted':
    'A configured source group matched no file, or its files held no command, invoke, listen, emit or handler: that layer of the contract is not checked. Fix the globs in manifests.<group>.include.',
  'wide-integer': 'An i64/u64 crossing to JavaScript, whose numbers are exact only up to 2^53. Off by default; turn it on in manifests.check.rules when such values can grow that large.',
};
