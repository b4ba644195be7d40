// The same layout as rust/src/paths.rs.
import path from 'node:path';

export const DAEMON_LABEL = 'dev.example.syncd';
export const root = (home) => path.join(home, '.syncd');
export const projectsRoot = (home) => path.join(root(home), 'projects');
export const generatedRoot = (home) => path.join(root(home), 'generated');
export const socketPath = (home) => path.join(root(home), 'daemon.sock');
export const logsDir = (home) => path.join(root(home), 'logs');
export const launchdPlistPath = (home) => path.join(home, 'Library/LaunchAgents', `${DAEMON_LABEL}.plist`);
