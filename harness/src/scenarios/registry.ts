import { auth } from './auth.js';
import type { BuiltinName, BuiltinScenario } from './builtin.js';
import { catchup } from './catchup.js';
import { clientVanish } from './client-vanish.js';
import { crashRecovery } from './crash-recovery.js';
import { malformedLine } from './malformed-line.js';
import { roundtrip } from './roundtrip.js';
import { singleInstance } from './single-instance.js';
import { staleCursor } from './stale-cursor.js';

/** Every built-in scenario, in the order they run. */
export const BUILTINS: readonly BuiltinScenario[] = [roundtrip, catchup, staleCursor, crashRecovery, singleInstance, auth, malformedLine, clientVanish];

export function getBuiltin(name: string): BuiltinScenario | undefined {
  return BUILTINS.find((s) => s.name === (name as BuiltinName));
}
