import { commandNotRegistered } from './command-not-registered.js';
import { conflictingPayload } from './conflicting-payload.js';
import { controlKeyMismatch } from './control-key-mismatch.js';
import { controlUnhandled } from './control-unhandled.js';
import { controlUnused } from './control-unused.js';
import { eventNotEmitted } from './event-not-emitted.js';
import { eventNotListened } from './event-not-listened.js';
import { forwardKeyMismatch } from './forward-key-mismatch.js';
import { invokeKeyMismatch } from './invoke-key-mismatch.js';
import { missingHandler } from './missing-handler.js';
import { registeredNotDefined } from './registered-not-defined.js';
import type { Rule } from './rule.js';
import { severalApps } from './several-apps.js';
import { unforwardedHandler } from './unforwarded-handler.js';
import { unregisteredInvoke } from './unregistered-invoke.js';
import { unresolvedKeys } from './unresolved-keys.js';
import { unresolvedName } from './unresolved-name.js';

/** Every `cutover check` rule. Adding one is one file and one line here. */
export const RULES: Rule[] = [
  unregisteredInvoke,
  commandNotRegistered,
  registeredNotDefined,
  missingHandler,
  unforwardedHandler,
  eventNotEmitted,
  eventNotListened,
  conflictingPayload,
  forwardKeyMismatch,
  invokeKeyMismatch,
  unresolvedName,
  unresolvedKeys,
  severalApps,
  controlUnhandled,
  controlUnused,
  controlKeyMismatch,
];
