import type { HarnessSettings } from '../settings.js';
import type { JsonObject } from '../profiles/profile.js';
import type { Builtins } from './builtin.js';

export function resolveBuiltins(s: HarnessSettings): Builtins {
  const b = s.builtins;
  const cmd = (c: { command: string; params?: object } | undefined) => (c ? { command: c.command, ...(c.params ? { params: c.params as JsonObject } : {}) } : undefined);
  return {
    roundTrip: (b.roundTrip ?? []).map((c) => cmd(c)!),
    ...(b.createSession ? { createSession: { ...cmd(b.createSession)!, path: b.createSession.path ?? 'result.id' } } : {}),
    ...(b.sendMessage ? { sendMessage: cmd(b.sendMessage)! } : {}),
    ...(b.health ? { health: cmd(b.health)! } : {}),
    ...(b.emit ? { emit: { ...cmd(b.emit)!, ...(b.emit.event ? { event: b.emit.event } : {}) } } : {}),
    ...(b.eventsSince
      ? {
          eventsSince: {
            command: b.eventsSince.command,
            cursorParam: b.eventsSince.cursorParam ?? 'sinceSeq',
            eventsPath: b.eventsSince.eventsPath ?? 'result.events',
            latestSeqPath: b.eventsSince.latestSeqPath ?? 'result.latestSeq',
            stalePath: b.eventsSince.stalePath ?? 'result.stale',
          },
        }
      : {}),
    ...(b.bootstrap
      ? {
          bootstrap: {
            command: b.bootstrap.command,
            latestSeqPath: b.bootstrap.latestSeqPath ?? 'result.latestSeq',
            sessionsPath: b.bootstrap.sessionsPath ?? 'result.sessions',
            pendingPermissionsPath: b.bootstrap.pendingPermissionsPath ?? 'result.pendingPermissions',
          },
        }
      : {}),
    streamContent: b.streamContent ?? 'chunks:{n}',
    streamLength: b.streamLength ?? 200,
    staleAfter: b.staleAfter ?? 1100,
    ...(b.permissionContent ? { permissionContent: b.permissionContent } : {}),
    ...(b.permissionEvent ? { permissionEvent: { type: b.permissionEvent.type, path: b.permissionEvent.path ?? 'data.permissionId' } } : {}),
    doneEvent: b.doneEvent ?? 'stream:done',
  };
}

/**
 * "needs harness.builtins.health, harness.builtins.eventsSince" or undefined. A key may be a list
 * of alternatives (any one will do): ['sendMessage', 'emit'].
 */
export function needs(b: Builtins, keys: readonly (keyof Builtins | readonly (keyof Builtins)[])[], extra: string[] = []): string | undefined {
  const absent = (k: keyof Builtins) => b[k] === undefined || (Array.isArray(b[k]) && (b[k] as unknown[]).length === 0);
  const missing: string[] = [];
  for (const k of keys) {
    const any: readonly (keyof Builtins)[] = typeof k === 'string' ? [k] : k;
    if (any.every(absent)) missing.push(any.map((x) => `harness.builtins.${x}`).join(' or '));
  }
  missing.push(...extra);
  return missing.length ? `needs ${missing.join(', ')}` : undefined;
}

