#!/usr/bin/env node
// `npm run service:install` / `service:uninstall`: the launchd agent.
//   service.mjs render --out FILE    render the plist only (any OS; what tests inspect)
//   service.mjs install              render into ~/Library/LaunchAgents and load it (macOS)
//   service.mjs uninstall            unload it and remove the plist (macOS)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.mjs';

const LABEL = 'dev.notes.service';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const template = path.join(root, 'packaging', `${LABEL}.plist.template`);
const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function renderPlist() {
  const config = loadConfig();
  const values = {
    NODE: process.execPath,
    SERVER: path.join(root, 'src', 'server.mjs'),
    WORKING_DIR: root,
    DATA_DIR: config.dataDir,
    LOG_DIR: config.logDir,
  };
  let text = fs.readFileSync(template, 'utf8');
  for (const [key, value] of Object.entries(values)) text = text.replaceAll(`__${key}__`, xml(value));
  return text;
}

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text, { mode: 0o644 });
  process.stdout.write(`wrote ${file}\n`);
}

const [verb, ...args] = process.argv.slice(2);
const agent = path.join(os.homedir(), 'Library/LaunchAgents', `${LABEL}.plist`);
const domain = () => `gui/${process.getuid()}`;
if (verb === 'render') {
  const at = args.indexOf('--out');
  if (at < 0 || !args[at + 1]) {
    process.stderr.write('usage: service.mjs render --out FILE\n');
    process.exit(2);
  }
  write(args[at + 1], renderPlist());
} else if (verb === 'install' || verb === 'uninstall') {
  if (process.platform !== 'darwin') {
    process.stderr.write('launchd agents exist on macOS only; `render --out FILE` shows the plist on any OS\n');
    process.exit(2);
  }
  try {
    execFileSync('launchctl', ['bootout', `${domain()}/${LABEL}`], { stdio: 'ignore' });
  } catch {
    // not loaded
  }
  if (verb === 'install') {
    fs.mkdirSync(loadConfig().logDir, { recursive: true });
    write(agent, renderPlist());
    execFileSync('launchctl', ['bootstrap', domain(), agent], { stdio: 'inherit' });
  } else fs.rmSync(agent, { force: true });
} else {
  process.stderr.write('usage: service.mjs render --out FILE | install | uninstall\n');
  process.exit(2);
}
