import os from 'node:os';
import path from 'node:path';
import { cancelReason } from '../../../core/src/cancel.js';
import { CancelledError, UsageError } from '../../../core/src/errors.js';
import type { Verb } from '../../../core/src/cli/verb.js';

export const tapVerb: Verb = {
  name: 'tap',
  summary: 'Record a golden trace from real traffic: stand in for the sidecar, or proxy a daemon socket',
  description: `Stdio: put \`cutover tap --out FILE -- <sidecar command…>\` where the app starts its sidecar. cutover starts the
real sidecar, passes every byte both ways unchanged (its stderr too), and when either side ends (the app closes
stdin, the sidecar exits, a signal) writes what went over the wire as a golden trace, secrets redacted, ready
for \`cutover replay\`. It exits as the sidecar did. It writes nothing on stdout: that is the protocol.
Socket: \`cutover tap --socket PATH --upstream ENDPOINT\` listens at PATH (0600) and passes each client's
connection through to the daemon at ENDPOINT, until the daemon goes away (with no client connected it watches:
a Unix socket's file gone, or a refused probe connection, every 500 ms) or SIGINT/SIGTERM, then writes the trace.
The trace's header says it came from a tap; its scenario is named after the --out file (app.jsonl: app), and in
the traces folder replay takes it like a scenario's trace (never obsolete, never rewritten by --update). A tap
that recorded no message says so: replay calls a trace with no request inconclusive.
Framing and envelope come from the protocol profile (--profile, or the config's harness.profile). A value the app
sends back that the target generated becomes a reference to where it came from, and where the app waited for
events before its next request the trace waits too, so the replay sends each request in the same state.
Exit: the sidecar's exit code (stdio), 0 (socket, daemon gone), 130/143 (interrupted, trace written), 2 bad usage.`,
  positionals: [{ name: 'command', description: 'Stdio: the sidecar command and its arguments, after --', variadic: true }],
  options: {
    out: { type: 'string', valueName: 'FILE', description: 'Write the trace here (default: <harness.traces>/<name>.jsonl when a config is found)' },
    name: { type: 'string', valueName: 'NAME', description: 'Scenario name in the trace header (default: the --out file\'s name without .jsonl, else tap)' },
    profile: { type: 'string', valueName: 'NAME', description: 'Protocol profile (default: the config\'s, else cowork-ndjson)' },
    socket: { type: 'string', valueName: 'PATH', description: 'Socket mode: listen here (Unix socket path, \\\\.\\pipe\\NAME or tcp://127.0.0.1:PORT)' },
    upstream: { type: 'string', valueName: 'ENDPOINT', description: 'Socket mode: the daemon to pass connections to' },
  },
  examples: [
    'cutover tap --out cutover/traces/app-session.jsonl -- node sidecar/dist/index.js',
    'cutover tap --socket /tmp/cowork-tap.sock --upstream ~/.cowork/cowork.sock --name daemon-session',
  ],
  async run(ctx) {
    const { TapRecorder } = await import('../tap/recorder.js');
    const { tapStdio } = await import('../tap/stdio-tap.js');
    const { tapSocket } = await import('../tap/socket-tap.js');
    const { tappedTrace } = await import('../tap/trace.js');
    const { writeTrace } = await import('../trace/write.js');
    const { getProfile, DEFAULT_PROFILE } = await import('../profiles/registry.js');
    const { parseEndpoint } = await import('../runtime/endpoint.js');
    const { createRedactor } = await import('../../../core/src/redact.js');
    const { discoverConfig } = await import('../../../core/src/config/discover.js');
    const { DEFAULT_MAX_FRAME_BYTES, DEFAULT_TIMEOUTS, harnessSettings } = await import('../settings.js');

    const socket = typeof ctx.values.socket === 'string' ? ctx.values.socket : undefined;
    const upstream = typeof ctx.values.upstream === 'string' ? ctx.values.upstream : undefined;
    if ((socket === undefined) !== (upstream === undefined)) throw new UsageError('--socket and --upstream go together: where the tap listens, and the daemon it passes connections to');
    if (socket && ctx.positionals.length) throw new UsageError('socket mode takes no sidecar command; give --socket and --upstream, or the command after -- (stdio)');
    if (!socket && !ctx.positionals.length) throw new UsageError('nothing to tap: give the sidecar command after -- (cutover tap -- node sidecar.js), or --socket and --upstream');

    // A config is optional: the app may start the tap anywhere.
    const settings = ctx.configPath || discoverConfig(ctx.cwd) ? harnessSettings(await ctx.loadConfig()) : undefined;
    const target = socket ? settings?.new : settings?.old;
    const profile = typeof ctx.values.profile === 'string' ? getProfile(ctx.values.profile) : (target?.profile ?? settings?.profile ?? getProfile(DEFAULT_PROFILE));
    const outArg = typeof ctx.values.out === 'string' ? path.resolve(ctx.cwd, ctx.values.out) : undefined;
    // Named as replay will select it: after its file (`traces/app.jsonl` is `app`).
    const name = typeof ctx.values.name === 'string' ? ctx.values.name : outArg ? path.basename(outArg).replace(/\.jsonl$/, '').replace(/[^\w.-]+/g, '-') || 'tap' : 'tap';
    if (!/^[\w.-]+$/.test(name)) throw new UsageError(`--name expects letters, digits, ., _ or -, found "${name}"`);
    const out = outArg ?? (settings ? path.join(settings.tracesDir, `${name}.jsonl`) : undefined);
    if (!out) throw new UsageError('where should the trace go? Give --out FILE (no cutover config was found to take harness.traces from)');
    const maxFrameBytes = settings?.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
    const recorder = new TapRecorder(profile, maxFrameBytes, target?.token?.field ?? 'authToken');
    const redactor = createRedactor();

    let code = 0;
    let interrupted: CancelledError | undefined;
    if (socket) {
      const end = await tapSocket({
        listen: parseEndpoint(socket, '--socket'),
        upstream: parseEndpoint(upstream!, '--upstream'),
        recorder,
        onListening: (where) => ctx.out.info(`cutover tap: listening on ${where}, passing connections to ${upstream}`),
      });
      if (end.why) ctx.out.info(`cutover tap: ${end.why}`);
      if (end.endedBy === 'interrupted') interrupted = new CancelledError(signalOf());
    } else {
      const [command, ...args] = ctx.positionals;
      const end = await tapStdio({ command: command!, args, recorder, redactor, stopMs: settings?.timeouts.stopMs ?? DEFAULT_TIMEOUTS.stopMs, fromApp: process.stdin, toApp: process.stdout, errToApp: process.stderr });
      if (end.endedBy === 'interrupted') interrupted = new CancelledError(signalOf());
      else if (end.exit) code = end.exit.code ?? 128 + signalNumber(end.exit.signal);
    }
    const trace = tappedTrace(recorder.lines, { name, profile, transport: socket ? 'socket' : 'stdio', idKeys: settings?.compare.idKeys ?? [] });
    writeTrace(out, trace, redactor);
    const requests = trace.lines.filter((l) => l.type === 'request').length;
    const events = trace.lines.filter((l) => l.type === 'event').length;
    recorder.finish();
    ctx.out.info(`cutover tap: wrote ${path.relative(ctx.cwd, out) || out} (${trace.lines.length} lines: ${requests} requests, ${events} events)${recorder.unreadable ? `; ${recorder.unreadable} frame(s) could not be read as ${profile.name} and were passed on, not recorded` : ''}`);
    if (!recorder.lines.some((l) => l.type !== 'control')) {
      ctx.out.info(`cutover tap: warning: recorded no message${recorder.unreadable ? ` (what went over the wire could not be read as ${profile.name}: is --profile right?)` : ' (no traffic went through)'}; replay calls a trace with no request inconclusive`);
    }
    if (interrupted) throw interrupted;
    return code;
  },
};

function signalOf(): 'SIGINT' | 'SIGTERM' {
  return cancelReason() ?? 'SIGTERM';
}

/** A sidecar killed by a signal exits, as a shell reports it, with 128 + the signal's number. */
function signalNumber(signal: NodeJS.Signals | null): number {
  return (signal && os.constants.signals[signal]) || 1;
}
