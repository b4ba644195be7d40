import type { TargetSettings } from '../settings.js';
import { socketTransport } from './socket.js';
import { stdioTransport } from './stdio.js';
import type { Transport, TransportEnv, TransportFactory } from './transport.js';

/** Every transport, by the name a target's `transport` key uses. */
export const TRANSPORTS: Readonly<Record<TargetSettings['transport'], TransportFactory>> = {
  stdio: stdioTransport,
  socket: socketTransport,
};

export function createTransport(settings: TargetSettings, env: TransportEnv): Transport {
  return TRANSPORTS[settings.transport](settings, env);
}
