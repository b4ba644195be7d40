import { fileModeCheck } from './file-mode.js';
import { harnessCheck } from './harness.js';
import { latencyCheck } from './latency.js';
import { lifecycleCheck } from './lifecycle.js';
import { serviceDefinitionCheck } from './service-definition.js';
import { shellCheck } from './shell.js';
import type { CheckKind } from './types.js';

/** Every check kind, by `kind`. Adding one: a file here, an entry below, a fixture under test/fixtures/matrix/checks/<kind>/. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each kind narrows its own spec; the matrix schema ties spec to kind
export const CHECK_KINDS: readonly CheckKind<any>[] = [shellCheck, latencyCheck, fileModeCheck, serviceDefinitionCheck, harnessCheck, lifecycleCheck];

export function checkKind(kind: string): CheckKind | undefined {
  return CHECK_KINDS.find((k) => k.kind === kind);
}
