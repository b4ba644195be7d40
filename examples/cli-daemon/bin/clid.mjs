#!/usr/bin/env node
// clid: a CLI that manages its own background daemon.
//   clid start [--port N] | stop | restart | status | logs [-n N] | install [--render-to DIR] | uninstall | enable | disable
// Every command takes --home DIR (default $HOME); state lives in DIR/.clid.
import os from 'node:os';
import path from 'node:path';
import { logs, start, status, stop } from '../src/lifecycle.mjs';
import { install, setEnabled, uninstall } from '../src/service.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i < 0 ? undefined : args.splice(i, 2)[1];
};
const home = path.resolve(option('--home') ?? process.env.HOME ?? os.homedir());
const port = Number(option('--port') ?? 0);
const lines = Number(option('-n') ?? 50);
const renderTo = option('--render-to');
const commands = {
  start: () => start(home, { port }),
  stop: () => stop(home),
  restart: async () => (await stop(home)) || start(home, { port }),
  status: () => status(home),
  logs: () => logs(home, lines),
  install: () => install(home, renderTo && path.resolve(renderTo)),
  uninstall: () => uninstall(home),
  enable: () => setEnabled(home, true),
  disable: () => setEnabled(home, false),
};
const command = commands[args[0]];
if (!command) {
  process.stderr.write(`usage: clid ${Object.keys(commands).join('|')} [--home DIR]\n`);
  process.exit(2);
}
process.exitCode = await command();
