// The system service definitions: a systemd user unit (Linux) and a LaunchAgent (macOS), rendered
// from templates/ with this node, this daemon and the home directory.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LABEL, UNIT, launchAgentPath, systemdUnitPath } from './paths.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const TEMPLATES = path.join(here, '..', 'templates');
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function render(template, home, escape) {
  const values = { NODE: process.execPath, DAEMON: path.join(here, 'daemon.mjs'), HOME: home };
  let text = fs.readFileSync(path.join(TEMPLATES, template), 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`__${key}__`, escape(value));
  return text;
}

export const renderUnit = (home) => render(`${UNIT}.in`, home, (s) => s);
export const renderPlist = (home) => render(`${LABEL}.plist.in`, home, xml);

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o644 });
  process.stdout.write(`wrote ${file}\n`);
}

const run = (cmd, args) => execFileSync(cmd, args, { stdio: 'inherit' });

/** Writes both definitions to `dir` (any OS), or this OS's one to its place, loaded. */
export function install(home, renderTo) {
  if (renderTo) {
    write(path.join(renderTo, UNIT), renderUnit(home));
    write(path.join(renderTo, `${LABEL}.plist`), renderPlist(home));
    return 0;
  }
  if (process.platform === 'linux') {
    write(systemdUnitPath(home), renderUnit(home));
    run('systemctl', ['--user', 'daemon-reload']);
  } else if (process.platform === 'darwin') {
    write(launchAgentPath(home), renderPlist(home));
    run('launchctl', ['bootstrap', `gui/${process.getuid()}`, launchAgentPath(home)]);
  } else throw new Error('clid installs a systemd user unit (Linux) or a LaunchAgent (macOS)');
  return 0;
}

export function uninstall(home) {
  if (process.platform === 'linux' && fs.existsSync(systemdUnitPath(home))) {
    run('systemctl', ['--user', 'disable', '--now', 'clid']);
    fs.rmSync(systemdUnitPath(home));
    run('systemctl', ['--user', 'daemon-reload']);
  } else if (process.platform === 'darwin' && fs.existsSync(launchAgentPath(home))) {
    run('launchctl', ['bootout', `gui/${process.getuid()}/${LABEL}`]);
    fs.rmSync(launchAgentPath(home));
  }
  return 0;
}

/** enable / disable: autostart at login (systemd) or load / unload (launchd). */
export function setEnabled(home, on) {
  if (process.platform === 'linux') run('systemctl', ['--user', on ? 'enable' : 'disable', 'clid']);
  else if (process.platform === 'darwin') run('launchctl', [on ? 'enable' : 'disable', `gui/${process.getuid()}/${LABEL}`]);
  else throw new Error('clid installs a systemd user unit (Linux) or a LaunchAgent (macOS)');
  return 0;
}
