// Where clid keeps its state, under one home directory (--home, default $HOME).
import path from 'node:path';

export const LABEL = 'dev.example.clid';
export const UNIT = 'clid.service';
export const root = (home) => path.join(home, '.clid');
export const pidFile = (home) => path.join(root(home), 'daemon.pid');
export const logFile = (home) => path.join(root(home), 'daemon.log');
export const systemdUnitPath = (home) => path.join(home, '.config/systemd/user', UNIT);
export const launchAgentPath = (home) => path.join(home, 'Library/LaunchAgents', `${LABEL}.plist`);
