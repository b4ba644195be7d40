import { defineFindings } from '../../core/src/findings.js';

/** Every finding id the manifests pillar reports, with its default severity. */
export const findingIds = defineFindings({
  // extraction
  'parse-error': { severity: 'error', description: 'A source file does not parse; it was skipped and the rest was extracted.' },
  'parse-recovered': { severity: 'warning', description: 'The Rust grammar could not read part of a file (it rejects some valid Rust) or the file was too large to parse; everything outside that part was extracted.' },
  'unresolved-registration': { severity: 'warning', description: 'A generate_handler![…] or collect_commands![…] entry whose path cannot be followed to its function (a macro, a crate or file outside the sources; it counts as registered by name), or an .invoke_handler(…) given a handler no list cutover reads feeds (then unregistered commands are warnings).' },
  'unresolved-dispatch': { severity: 'warning', description: 'A Tauri command that picks its operation by a name it is given (an rpc-style router); what it reaches is not checked statically.' },
  'unresolved-name': { severity: 'warning', description: 'A command or event name could not be resolved statically.' },
  'wide-integer': { severity: 'warning', description: 'An integer wider than 53 bits crosses to JavaScript and may lose precision.' },
  'unknown-type': { severity: 'info', description: 'A Rust type was not found in the crate; its schema is left open.' },
  'nothing-extracted': { severity: 'warning', description: 'A configured source group matched no file, or its files gave no command, invoke, listen, emit or handler.' },
  // check: producers against consumers
  'unregistered-invoke': { severity: 'error', description: 'The frontend invokes a command that no registered Rust command provides.' },
  'command-not-registered': { severity: 'error', description: 'A #[tauri::command] function is not listed in generate_handler![…].' },
  'registered-not-defined': { severity: 'error', description: 'generate_handler![…] lists a path with no #[tauri::command] function.' },
  'missing-handler': { severity: 'error', description: 'A Rust command forwards to a sidecar command that has no handler.' },
  'unforwarded-handler': { severity: 'warning', description: 'A sidecar handler that nothing forwards to.' },
  'event-not-emitted': { severity: 'error', description: 'An event is listened for but never emitted.' },
  'event-not-listened': { severity: 'warning', description: 'An event is emitted but nothing listens for it.' },
  'conflicting-payload': { severity: 'error', description: 'One command name has conflicting payload schemas.' },
  'forward-key-mismatch': { severity: 'error', description: "A forwarded payload (a json! object, a serde struct) lacks a key the sidecar handler's params type requires (error), or sends keys it never reads (warning)." },
  'several-apps': { severity: 'warning', description: 'The Rust sources hold more than one Tauri app (several crates each with an app generate_handler! of their own); their commands are kept apart, but each frontend is checked against all of them together.' },
  'unresolved-keys': { severity: 'warning', description: 'The keys a Rust forward sends or the keys its sidecar handler reads could not be told (a payload cutover cannot read, a handler that hands its params on whole…), so the pair was not compared by forward-key-mismatch.' },
  'invoke-key-mismatch': { severity: 'error', description: "An invoke lacks a required parameter of the Rust command (error), or sends keys it does not take (warning)." },
  // check: a daemon's control plane against its clients
  'control-unhandled': { severity: 'error', description: 'A client of a control socket asks for a command the daemon does not handle.' },
  'control-unused': { severity: 'warning', description: 'A command the control plane of a daemon handles that no client asks for.' },
  'control-key-mismatch': { severity: 'error', description: "A control-socket request lacks a field the daemon's request type requires (error), or sends keys it never reads (warning)." },
  // drift
  'manifest-missing': { severity: 'error', description: 'No committed manifest to compare with; run `cutover manifest --update`.' },
  'manifest-invalid': { severity: 'error', description: 'A committed manifest is not valid JSON or not in the manifest format (schema/manifest.schema.json).' },
  'drift-breaking': { severity: 'error', description: 'A breaking contract change: removed or renamed command/event, new required field, changed or narrowed type.' },
  'drift-additive': { severity: 'error', description: 'An additive contract change not yet acknowledged in the committed manifest (`--allow additive` lets it pass).' },
  'drift-metadata': { severity: 'error', description: 'The committed manifest is stale without a contract change: producers, consumers, locations or unresolved names changed, or types.d.ts is out of date (`--allow metadata` lets it pass).' },
});
