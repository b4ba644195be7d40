/**
 * A source group that contributes nothing is said out loud, so a check never passes on a layer
 * it did not read: a configured group whose globs match no file, and any group whose files gave
 * no fact at all (no command, invoke, listen, emit, handler or registration).
 */
import type { Finding } from '../../../core/src/findings.js';
import type { ExtractionStats } from '../extract/run.js';
import { finding } from '../finding.js';
import type { Group, ManifestOptions } from '../options.js';

const WHAT: Record<Group, string> = {
  rust: 'no #[tauri::command], generate_handler![…], forward or emit',
  sidecar: 'no handler or emit',
  frontend: 'no invoke, listen or emit of Tauri',
};

const HINT: Record<Group, string> = {
  rust: 'Check manifests.root and manifests.rust.include (the globs are relative to root), and manifests.rust.forwardCalls.',
  sidecar: 'Check manifests.root and manifests.sidecar.include, and name the router: handlerRegistrars, handlerMaps, switchDiscriminants, emitters.',
  frontend: 'Check manifests.root and manifests.frontend.include (e.g. "src/**/*.{ts,tsx,js,jsx}"), and list wrappers the sources do not define in invokeFunctions/listenFunctions, or other Tauri modules in tauriModules.',
};

export function groupFindings(options: ManifestOptions, stats: ExtractionStats): Finding[] {
  const out: Finding[] = [];
  for (const g of ['rust', 'sidecar', 'frontend'] as const) {
    const spec = options.groups[g];
    const globs = spec.include.join(', ');
    if (stats.files[g] === 0) {
      if (spec.configured) out.push(finding('nothing-extracted', `found nothing in manifests.${g}.include (${globs}): no file matched, so the ${g} layer is not checked`, { data: { group: g, files: 0 }, hint: HINT[g] }));
      continue;
    }
    if (stats.facts[g] === 0) {
      out.push(
        finding('nothing-extracted', `manifests.${g}.include (${globs}) matched ${stats.files[g]} file(s), but nothing was extracted from them: ${WHAT[g]}`, {
          data: { group: g, files: stats.files[g] },
          hint: HINT[g],
        }),
      );
    }
  }
  return out;
}
