import type { Extractor } from '../model.js';
import { rustCommands } from './rust-commands.js';
import { rustEvents } from './rust-events.js';
import { rustForwards } from './rust-forwards.js';
import { rustRegistrations } from './rust-registrations.js';
import { rustSyntax } from './rust-syntax.js';
import { tsFrontendEmit } from './ts-frontend-emit.js';
import { tsFrontendInvoke } from './ts-frontend-invoke.js';
import { tsFrontendListen } from './ts-frontend-listen.js';
import { tsSidecarEmit } from './ts-sidecar-emit.js';
import { tsSidecarHandlerMap } from './ts-sidecar-handler-map.js';
import { tsSidecarRegistrar } from './ts-sidecar-registrar.js';
import { tsSidecarSwitch } from './ts-sidecar-switch.js';

/** Every extractor, in the order facts are gathered. Adding one is one file and one line here. */
export const EXTRACTORS: Extractor[] = [
  rustSyntax,
  rustCommands,
  rustRegistrations,
  rustForwards,
  rustEvents,
  tsSidecarRegistrar,
  tsSidecarSwitch,
  tsSidecarHandlerMap,
  tsSidecarEmit,
  tsFrontendInvoke,
  tsFrontendListen,
  tsFrontendEmit,
];
