#!/usr/bin/env node
// The CLI, as rust/src/main.rs, plus `project add` to put a project in the registry:
//   syncd.mjs daemon start|stop|status|install [--render-to DIR]|uninstall   [--home DIR]
//   syncd.mjs project add NAME                                                [--home DIR]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { install, uninstall } from './launchd.mjs';
import { projectsRoot, socketPath } from './paths.mjs';
import { DaemonNotRunning, requestStatus, requestStop } from './protocol.mjs';
import { run } from './runtime.mjs';

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const home = path.resolve(option('--home') ?? process.env.HOME ?? os.homedir());
const renderTo = option('--render-to');
const [group, action, name] = args;
const usage = () => {
  process.stderr.write('usage: syncd.mjs daemon start|stop|status|install [--render-to DIR]|uninstall [--home DIR] | project add NAME [--home DIR]\n');
  process.exit(2);
};

if (group === 'daemon') {
  if (action === 'start') await run(home);
  else if (action === 'stop') {
    try {
      await requestStop(home);
      process.stdout.write('daemon stop requested\n');
    } catch (e) {
      if (!(e instanceof DaemonNotRunning)) throw e;
      process.stdout.write('daemon is not running\n');
    }
  } else if (action === 'status') {
    const status = (await requestStatus(home)) ?? { running: false, socket: socketPath(home) };
    process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
  } else if (action === 'install') install(home, [process.execPath, fileURLToPath(import.meta.url)], renderTo && path.resolve(renderTo));
  else if (action === 'uninstall') uninstall(home);
  else usage();
} else if (group === 'project' && action === 'add' && name) {
  fs.mkdirSync(projectsRoot(home), { recursive: true });
  fs.writeFileSync(path.join(projectsRoot(home), `${name}.yaml`), `name: ${name}\n`);
  process.stdout.write(`added project ${name}\n`);
} else usage();
