#!/usr/bin/env node
// Harness benchmark (not a test): replays 10,000 requests and 50,000 events against the example
// daemon through cutover's replay (framing, recording, normalization, comparison), and the same
// exchange with a minimal raw client over the same socket in the same run, alternating which goes
// first, then prints both and their ratio (median of the rounds) with the load average. Also
// measures normalization + comparison alone on one core.
// Usage: pnpm bench:harness [--requests N] [--events N] [--rounds N] [--main-thread]
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { argv, chalk, echo, fs, path } from 'zx';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const h = await import(path.join(root, 'dist/harness/src/index.js'));
const { validateConfig } = await import(path.join(root, 'dist/core/src/config/index.js'));

const REQUESTS = Number(argv.requests ?? 10_000);
const EVENTS = Number(argv.events ?? 50_000);
const ROUNDS = Number(argv.rounds ?? 3);
// --main-thread: compare on the main thread, as on a single core (by default a worker thread when there is a second core).
const THREAD = argv['main-thread'] ? false : undefined;
const where = { worker: 'in a worker thread', 'in-process': 'on the main thread' };
const TURNS = 5;
// A turn of chunks:N emits N chunks plus stream:start, stream:done and session:updated.
const CHUNKS = Math.floor(EVENTS / TURNS) - 3;
const entry = path.join(root, 'examples/cowork/src-sidecar/dist/index.js');
if (!fs.existsSync(entry)) throw new Error(`build first: ${entry} is missing (pnpm build)`);

// ---- the exchange: 1 create + 5 turns + the rest in cheap, repeatable commands
const { builder, steps } = h.createBuilder();
builder.send('agent_create_session', { title: 'bench' }, { as: 's' });
for (let t = 0; t < TURNS; t++) builder.send('agent_send_message', { sessionId: '{{s.result.id}}', content: `chunks:${CHUNKS}` }, { until: 'stream:done' });
// Small answers: the exchange measures the harness, not the size of a chat history.
const cheap = [{ command: 'daemon_ready' }, { command: 'service_get_mode' }, { command: 'cron_list_jobs' }, { command: 'workflow_list' }];
for (let i = 0; i < REQUESTS - 2 - TURNS; i++) {
  const c = cheap[i % cheap.length];
  builder.send(c.command, c.params);
}
// Deleting the session leaves the daemon as it was: every exchange, first or second, meets the same state.
builder.send('agent_delete_session', { sessionId: '{{s.result.id}}' }, { until: 'session:updated' });
const scenario = { name: 'bench', steps };

// ---- one daemon for the whole run (no chunk delay), shared by the harness and the raw client
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'cutover-bench-'));
const daemon = spawn(process.execPath, [entry, '--daemon', '--data-dir', dataDir, '--replay-buffer', '1000'], {
  env: { ...process.env, COWORK_LOG: 'silent', COWORK_CHUNK_DELAY_MS: '0' },
  stdio: ['ignore', 'pipe', 'inherit'],
  detached: true,
});
const stop = async () => {
  try {
    process.kill(-daemon.pid, 'SIGTERM');
  } catch {}
  await new Promise((r) => (daemon.exitCode !== null ? r() : daemon.once('exit', r)));
  await fs.rm(dataDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void stop().then(() => process.exit(130)));
process.once('SIGTERM', () => void stop().then(() => process.exit(143)));
try {
  await new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('timed out after 15000 ms waiting for the example daemon to print its ready line')), 15_000);
    daemon.stdout.once('data', () => (clearTimeout(t), resolve()));
    daemon.once('exit', (c) => reject(new Error(`the example daemon exited with code ${c} before it was ready`)));
  });
  const socket = path.join(dataDir, 'cowork.sock');
  const tokenFile = path.join(dataDir, 'auth.token');
  // cutover connects to the running daemon: no command, so nothing is started or stopped per replay.
  const loaded = validateConfig(
    {
      harness: {
        new: { transport: 'socket', endpoint: socket, token: { file: tokenFile } },
        timeouts: { settleMs: 0, responseMs: 60_000, waitMs: 120_000 },
        compare: { ignore: ['result.uptimeMs'] },
      },
    },
    path.join(root, 'examples/cowork/cutover.config.json'),
  );
  const ctx = h.createContext(loaded);

  echo(chalk.dim(`recording the golden trace on the daemon: ${REQUESTS} requests, ${TURNS} turns of ${CHUNKS} chunks…`));
  const recorded = (await h.recordScenario(ctx, scenario, { role: 'new' })).trace;
  // Replayed from its file, as `cutover replay` does it.
  const traceFile = path.join(dataDir, 'bench.jsonl');
  h.writeTrace(traceFile, recorded, ctx.redactor);
  const trace = h.readTrace(traceFile);
  const events = trace.lines.filter((l) => l.type === 'event').length;
  const responses = trace.lines.filter((l) => l.type === 'response').length;
  echo(chalk.dim(`golden trace: ${responses} responses, ${events} events`));

  const token = (await fs.readFile(tokenFile, 'utf8')).trim();
  const rows = [];
  for (let round = 1; round <= ROUNDS; round++) {
    // The daemon's state grows a little with every exchange: alternate who goes first.
    const timeHarness = async () => {
      const t0 = performance.now();
      const replay = await h.replayTrace(ctx, trace, THREAD === undefined ? {} : { thread: THREAD });
      const ms = performance.now() - t0;
      if (replay.findings.length) throw new Error(`the replay found differences: ${replay.findings[0].message}`);
      return { ms, replay };
    };
    const timeRaw = async () => {
      const t0 = performance.now();
      const raw = await rawClient(socket, token, trace);
      const ms = performance.now() - t0;
      if (raw.events < events) throw new Error(`the raw client saw ${raw.events} events, the golden trace has ${events}`);
      return ms;
    };
    let harnessMs, rawMs, replay;
    collectGarbage();
    if (round % 2) {
      ({ ms: harnessMs, replay } = await timeHarness());
      collectGarbage();
      rawMs = await timeRaw();
    } else {
      rawMs = await timeRaw();
      collectGarbage();
      ({ ms: harnessMs, replay } = await timeHarness());
    }
    rows.push({ round, harnessMs, rawMs, messages: replay.messages, comparedIn: replay.comparedIn, load: os.loadavg()[0] });
    echo(`round ${round}: cutover replay ${fmt(harnessMs)} ms, raw client ${fmt(rawMs)} ms, ratio ${(harnessMs / rawMs).toFixed(2)} ${chalk.dim(`(load ${os.loadavg()[0].toFixed(1)})`)}`);
  }
  const best = (k) => Math.min(...rows.map((r) => r[k]));
  const total = responses + events;
  const harnessBest = best('harnessMs');
  const rawBest = best('rawMs');

  // ---- normalization + comparison alone, one core: golden against the last replay's messages
  const last = await h.replayTrace(ctx, trace);
  const cmpRuns = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const diffs = await h.compareExchanges(trace.lines, last.actual, { profile: h.getProfile('cowork-ndjson'), compare: ctx.settings.compare, noise: [] });
    cmpRuns.push(performance.now() - t);
    if (diffs.length) throw new Error('comparison found differences');
  }
  const cmpMs = Math.min(...cmpRuns);
  const compared = trace.lines.length + last.actual.length;

  echo('');
  echo(chalk.bold('cutover harness benchmark') + chalk.dim(` (times: best of ${ROUNDS}; ratio: median of rounds; node ${process.version}, ${os.cpus().length} cores)`));
  echo(`  exchange            ${REQUESTS} requests, ${events} events (${total} messages)`);
  echo(`  cutover replay      ${fmt(harnessBest)} ms  ${fmt((total / harnessBest) * 1000)} messages/s  (connect, replay, record, normalize, compare, seq check; compared ${where[rows[0].comparedIn]})`);
  echo(`  raw client          ${fmt(rawBest)} ms  ${fmt((total / rawBest) * 1000)} messages/s`);
  // Per round, both sides ran back to back on the same daemon: that pairing is the fair ratio.
  const ratios = rows.map((r) => r.harnessMs / r.rawMs).sort((a, b) => a - b);
  const ratio = ratios[Math.floor(ratios.length / 2)];
  echo(`  replay / raw        ${ratio.toFixed(2)} median of ${ROUNDS} rounds (same run, same socket, same daemon; each round ${ratios.map((r) => r.toFixed(2)).join(', ')} sorted)  ${ratio <= 1.25 ? chalk.green('(target ≤ 1.25: met)') : chalk.red('(target ≤ 1.25: missed)')}`);
  echo(`  load average        ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores ${chalk.dim('(1, 5, 15 min; work of other processes slows either side and skews the ratio)')}`);
  const rate = (compared / cmpMs) * 1000;
  echo(`  normalize+compare   ${fmt(rate)} messages/s  (${compared} messages in ${fmt(cmpMs)} ms)  ${rate >= 100_000 ? chalk.green('(target ≥ 100,000: met)') : chalk.red('(target ≥ 100,000: missed)')}`);
} finally {
  await stop();
}

/** Each side starts on a clean heap: neither pays for the other's garbage. */
function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  vm.runInNewContext('gc')();
}

function fmt(n) {
  return Math.round(n).toLocaleString('en-US');
}

/** The same exchange as bare as it gets: write a line, read lines, match ids, wait for stream:done. */
function rawClient(socketPath, token, trace) {
  return new Promise((resolve, reject) => {
    const s = net.connect(socketPath);
    const steps = trace.lines.filter((l) => l.type === 'request' || (l.type === 'control' && l.op === 'wait'));
    let i = 0;
    let pending;
    let waitingFor;
    let sessionId;
    let events = 0;
    let buf = '';
    // As the harness counts a wait: events since the last request, so one that came first still counts.
    const seen = new Set();
    const limit = setTimeout(() => {
      s.destroy();
      reject(new Error(`the raw client timed out after 120000 ms at step ${i} of ${steps.length}`));
    }, 120_000);
    const next = () => {
      if (i >= steps.length) {
        clearTimeout(limit);
        s.end();
        return resolve({ events });
      }
      const step = steps[i++];
      if (step.type === 'control') {
        if (seen.has(step.event)) return next();
        waitingFor = step.event;
        return;
      }
      seen.clear();
      const params = step.params && sessionId ? JSON.parse(JSON.stringify(step.params).replace(/s-[0-9a-f-]{36}/g, sessionId)) : step.params;
      pending = step.id;
      s.write(`${JSON.stringify({ id: step.id, command: step.command, params, authToken: token })}\n`);
    };
    s.on('connect', next);
    s.on('error', reject);
    s.on('data', (d) => {
      buf += d.toString('utf8');
      let nl;
      while ((nl = buf.indexOf('\n')) !== -1) {
        const msg = JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
        if ('success' in msg) {
          if (msg.id === pending) {
            pending = undefined;
            if (!sessionId && msg.result?.id) sessionId = msg.result.id;
            next();
          }
        } else {
          events++;
          seen.add(msg.type);
          if (waitingFor && msg.type === waitingFor) {
            waitingFor = undefined;
            next();
          }
        }
      }
    });
  });
}
