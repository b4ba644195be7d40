import type { ScenarioBuilder, ScenarioStep } from './types.js';

/** Collects the steps a TS scenario function (or a built-in scenario) describes. */
export function createBuilder(): { builder: ScenarioBuilder; steps: ScenarioStep[] } {
  const steps: ScenarioStep[] = [];
  const builder: ScenarioBuilder = {
    send(command, params, opts = {}) {
      const conn = opts.conn ?? 'main';
      steps.push({ type: 'request', conn, command, ...(params ? { params } : {}), ...(opts.as ? { as: opts.as } : {}), ...(opts.breaksContract ? { breaksContract: true } : {}) });
      if (opts.until) {
        const u = typeof opts.until === 'string' ? { event: opts.until } : opts.until;
        steps.push({ type: 'control', op: 'wait', conn, event: u.event, ...(u.count ? { count: u.count } : {}), ...(u.match ? { match: u.match } : {}) });
      }
    },
    raw(text, opts = {}) {
      steps.push({ type: 'raw', conn: opts.conn ?? 'main', text });
    },
    wait(what) {
      if (typeof what === 'number') steps.push({ type: 'control', op: 'wait', ms: what });
      else steps.push({ type: 'control', op: 'wait', conn: what.conn ?? 'main', event: what.event, ...(what.count ? { count: what.count } : {}), ...(what.match ? { match: what.match } : {}), ...(what.as ? { as: what.as } : {}) });
    },
    connect(conn) {
      steps.push({ type: 'control', op: 'connect', conn });
    },
    disconnect(conn = 'main', opts = {}) {
      steps.push({ type: 'control', op: 'disconnect', conn, ...(opts.abrupt ? { abrupt: true } : {}) });
    },
    reconnect(conn = 'main') {
      steps.push({ type: 'control', op: 'reconnect', conn });
    },
    restart() {
      steps.push({ type: 'control', op: 'restart' });
    },
  };
  return { builder, steps };
}
