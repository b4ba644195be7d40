import { defineConfig } from 'cutover';

/**
 * cutover's view of the Cowork example: where its contract lives (manifests), how to start the
 * old path and the new path (harness), and what must be true before a release (matrix, gate).
 * Every relative path resolves from this folder.
 */
export default defineConfig({
  name: 'cowork',
  // The contract, read from the sources (never run): `cutover manifest --update` writes manifests/,
  // `cutover drift` and `cutover check` guard it on every pull request (README: "Manifests").
  manifests: {
    out: 'manifests',
    // Without file:line, moving code around is not drift; the entries still say who produces and consumes what.
    locations: false,
    rust: { include: ['src-tauri/src/**/*.rs'], forwardCalls: ['send_command'] },
    sidecar: { include: ['src-sidecar/src/**/*.ts'], handlerRegistrars: ['registerHandler'], emitters: ['events.emit'] },
    frontend: { include: ['src/**/*.{ts,tsx}'] },
    check: {
      ignore: [
        { id: 'wide-integer', name: 'agent_get_events_since', reason: 'sinceSeq counts events of one data dir; it stays far below 2^53.' },
        { id: 'wide-integer', name: 'daemon_health', reason: 'uptimeMs and latestSeq stay far below 2^53 (285,000 years of uptime).' },
        { id: 'wide-integer', name: 'service_status', reason: 'uptimeMs stays far below 2^53.' },
      ],
    },
  },
  // The release gate: its task list, validation matrix and sign-offs (README: "Matrix and the release gate").
  tasks: { sources: [{ path: 'RUNBOOK.md' }] },
  matrix: { file: 'cutover.matrix.yaml', outDir: '.cutover/matrix' },
  gate: { signoffs: { file: 'SIGNOFF.md', roles: ['ARCH', 'SEC', 'QA', 'OPS'] }, dashboardDir: '.cutover/dashboard' },
  harness: {
    // The old path: the sidecar the desktop app spawns, on stdio. Its first line is a ready event,
    // and like the app, cutover then tells it where the app's data lives: it refuses everything else before.
    old: {
      transport: 'stdio',
      command: 'node',
      args: ['src-sidecar/dist/index.js'],
      dataDir: true,
      setup: [{ command: 'initialize', params: { appDataDir: '{{dataDir}}' } }],
    },
    // The new path: the same sidecar as a daemon on a Unix socket, with a fresh token per start. It
    // listens before its state is loaded (here slowed down to show it), so it is ready when daemon_health says so.
    new: {
      transport: 'socket',
      command: 'node',
      args: ['src-sidecar/dist/index.js', '--daemon', '--data-dir', '{{dataDir}}', '--replay-buffer', '256'],
      env: { COWORK_CHUNK_DELAY_MS: '1', COWORK_STARTUP_DELAY_MS: '200' },
      dataDir: true,
      ready: { command: 'daemon_health', until: { 'result.ready': true } },
      endpoint: '{{dataDir}}/cowork.sock',
      token: { file: '{{dataDir}}/auth.token' },
    },
    scenarios: ['cutover/scenarios'],
    traces: 'cutover/traces',
    // Every payload on both paths is held to the extracted contract.
    contract: { commands: 'manifests/commands.json', events: 'manifests/events.json' },
    compare: {
      // Process facts, not behaviour: they differ between any two runs.
      ignore: ['result.uptimeMs', { path: 'result.pid', command: 'service_status' }],
    },
    builtins: {
      createSession: { command: 'agent_create_session', params: { title: 'cutover' } },
      sendMessage: { command: 'agent_send_message', params: { sessionId: '{{session}}', content: '{{content}}' } },
      health: { command: 'daemon_health' },
      eventsSince: { command: 'agent_get_events_since' },
      bootstrap: { command: 'agent_get_bootstrap_state' },
      roundTrip: [
        { command: 'daemon_health' },
        { command: 'daemon_ready' },
        { command: 'agent_list_sessions' },
        { command: 'agent_get_session', params: { sessionId: '{{session}}' } },
        { command: 'service_get_mode' },
        { command: 'workflow_list' },
        { command: 'cron_list_jobs' },
        { command: 'agent_get_bootstrap_state' },
      ],
      streamLength: 120,
      staleAfter: 300,
      permissionContent: 'please ask permission to write the notes',
      permissionEvent: { type: 'permission:request' },
      doneEvent: 'stream:done',
    },
  },
});
