/**
 * A source group that contributes nothing is said out loud, so a check never passes on a layer
 * it did not read: a configured group whose globs match no file (and the frontend's default
 * globs when they match none while the Rust gave commands or events), any group whose files gave
 * no fact at all (no command, invoke, listen, emit, handler or registration), and a configured
 * control plane whose daemon dispatch was not found.
 */
import type { Finding } from '../../../core/src/findings.js';
import type { FactIndex } from '../build/index-facts.js';
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
  frontend: 'Check manifests.root and manifests.frontend.include (e.g. "src/**/*.{ts,tsx,js,jsx,svelte,vue}"; `cutover init` finds the folders), and list wrappers the sources do not define in invokeFunctions/listenFunctions, or other Tauri modules in tauriModules.',
};

export function groupFindings(options: ManifestOptions, stats: ExtractionStats): Finding[] {
  const out: Finding[] = [];
  for (const g of ['rust', 'sidecar', 'frontend'] as const) {
    const spec = options.groups[g];
    // `include: []` says the app has no such layer (a daemon has no frontend): nothing to report.
    if (spec.configured && spec.include.length === 0) continue;
    const globs = spec.include.join(', ');
    if (stats.files[g] === 0) {
      // Most apps have no sidecar, but a Tauri app (the Rust gave commands or events) has a frontend.
      const expected = spec.configured || (g === 'frontend' && stats.facts.rust > 0 && !options.rust.controlPlane);
      const which = spec.configured ? globs : `${globs}, the default`;
      if (expected) out.push(finding('nothing-extracted', `found nothing in manifests.${g}.include (${which}): no file matched, so the ${g} layer is not checked`, { data: { group: g, files: 0 }, hint: HINT[g] }));
      continue;
    }
    // A daemon's sources hold no Tauri facts: whether its control plane was found is said below.
    if (stats.facts[g] === 0 && !(g === 'rust' && options.rust.controlPlane)) {
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

/** `manifests.rust.controlPlane` is set, but no dispatch of the daemon (nor a request enum) was found. */
export function controlPlaneFindings(options: ManifestOptions, facts: FactIndex): Finding[] {
  const cp = options.rust.controlPlane;
  if (!cp || facts.controlHandlers.length > 0) return [];
  const globs = (cp.include ?? options.groups.rust.include).join(', ');
  const names = cp.discriminants.map((d) => `"${d}"`).join(', ');
  const clients = facts.controlRequests.length ? ` (${facts.controlRequests.length} client request(s) were found, and are not checked)` : '';
  return [
    finding('nothing-extracted', `manifests.rust.controlPlane found no dispatch of a daemon in ${globs}: no match or if on the command name (${names}) with string arms, and no #[serde(tag = …)] request enum tagged by it, so the control plane is not checked${clients}`, {
      data: { group: 'controlPlane', requests: facts.controlRequests.length },
      hint: "Point manifests.rust.controlPlane.include at the daemon's sources, and name the request field that holds the command in controlPlane.discriminants.",
    }),
  ];
}
