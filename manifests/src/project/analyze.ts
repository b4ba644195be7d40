/** Sources → facts → manifests: the part every verb shares. */
import { ConfigError } from '../../../core/src/errors.js';
import type { Finding } from '../../../core/src/findings.js';
import { indexFacts, type FactIndex } from '../build/index-facts.js';
import { buildManifests } from '../build/manifest.js';
import type { Manifests } from '../build/types.js';
import { EXTRACTORS } from '../extractors/registry.js';
import { runExtraction, type Extraction } from '../extract/run.js';
import type { Extractor } from '../model.js';
import type { ManifestOptions } from '../options.js';
import { groupFindings } from './groups.js';

export interface Analysis {
  options: ManifestOptions;
  extraction: Extraction;
  facts: FactIndex;
  /** The manifests as committed (with or without locations, per the options). */
  readonly manifests: Manifests;
  /** The same with every location, for annotations. */
  readonly located: Manifests;
  /** Findings of extraction itself (files that do not parse, a group that gave nothing…). */
  findings: Finding[];
}

export interface AnalyzeOptions {
  extractors?: readonly Extractor[];
  onProgress?: (line: string) => void;
}

export async function analyze(options: ManifestOptions, opts: AnalyzeOptions = {}): Promise<Analysis> {
  const extraction = await runExtraction(options, opts.extractors ?? EXTRACTORS, opts.onProgress);
  const { files } = extraction.stats;
  if (files.rust + files.sidecar + files.frontend === 0) {
    // Nothing to read is a misconfiguration, never a clean contract.
    throw new ConfigError(`no source file matched the manifests globs under ${options.root}`, {
      details: (['rust', 'sidecar', 'frontend'] as const).map((g) => `manifests.${g}.include: ${options.groups[g].include.join(', ')}`),
      hint: 'Set manifests.root (or run from the app) and the include globs in the config.',
    });
  }
  const facts = indexFacts(extraction.facts);
  const findings = [...extraction.findings, ...groupFindings(options, extraction.stats)];
  // Built on first use: `check` needs neither, and large apps have thousands of entries.
  let located: Manifests | undefined;
  let plain: Manifests | undefined;
  const locatedOnce = (): Manifests => (located ??= buildManifests(facts, { locations: true }));
  const analysis: Analysis = {
    options,
    extraction,
    facts,
    findings,
    get located() {
      return locatedOnce();
    },
    get manifests() {
      return options.locations ? locatedOnce() : (plain ??= buildManifests(facts, { locations: false }));
    },
  };
  return analysis;
}
