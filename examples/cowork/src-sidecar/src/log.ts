// stdout belongs to the protocol in stdio mode (and to the ready line in daemon mode),
// so every diagnostic goes to stderr.
export function log(message: string): void {
  if (process.env.COWORK_LOG === 'silent') return;
  process.stderr.write(`[cowork-sidecar ${process.pid}] ${message}\n`);
}
