#!/usr/bin/env node
// `npm run status`: asks the running service for its health. Exit 0 and {"running":true,…} when
// it answers; exit 3 and {"running":false,…} when it does not.
import net from 'node:net';
import { loadConfig } from './config.mjs';

const { socketPath } = loadConfig();
const notRunning = (why) => {
  process.stdout.write(`${JSON.stringify({ running: false, socket: socketPath, why }, null, 2)}\n`);
  process.exit(3);
};
const conn = net.connect(socketPath);
const timer = setTimeout(() => notRunning('no answer within 2000 ms'), 2000);
conn.once('error', (e) => notRunning(e.code ?? e.message));
conn.once('connect', () => conn.write(`${JSON.stringify({ id: 'status', command: 'health' })}\n`));
let buf = '';
conn.on('data', (d) => {
  buf += d;
  if (!buf.includes('\n')) return;
  clearTimeout(timer);
  const res = JSON.parse(buf.split('\n')[0]);
  conn.destroy();
  if (!res.success) notRunning(res.error);
  process.stdout.write(`${JSON.stringify({ running: true, socket: socketPath, ...res.result }, null, 2)}\n`);
});
