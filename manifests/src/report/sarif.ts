/**
 * SARIF 2.1.0, so code-scanning tools (GitHub's among them) show findings inline. Paths are
 * relative to a base folder declared as `%SRCROOT%`; each result has a fingerprint that does not
 * move with line numbers, so a finding keeps its identity across commits.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, FindingDefinition } from '../../../core/src/findings.js';
import { sortFindings } from '../../../core/src/findings.js';
import { sha256 } from '../extract/sources.js';
import { DEFAULT_RULE_LEVELS } from '../options.js';
import { RULE_HELP } from './rule-help.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifOptions {
  /** Absolute folder finding paths are made relative to. */
  baseDir: string;
  version: string;
  definitions: readonly FindingDefinition[];
  /** Findings a baseline accepts: written with `baselineState: unchanged` (the others then `new`). */
  baselined?: readonly Finding[];
}

export function toSarif(findings: readonly Finding[], opts: SarifOptions): Record<string, unknown> {
  const rules = [...opts.definitions].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const state = new Map<Finding, string>();
  if (opts.baselined) {
    for (const f of findings) state.set(f, 'new');
    for (const f of opts.baselined) state.set(f, 'unchanged');
  }
  const results = sortFindings([...findings, ...(opts.baselined ?? [])]).map((f) => {
    const uri = f.file === undefined ? undefined : toUri(opts.baseDir, f.file);
    const result: Record<string, unknown> = {
      ruleId: f.id,
      ...(index.has(f.id) ? { ruleIndex: index.get(f.id) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.hint ? `${f.message}\n${f.hint}` : f.message },
      partialFingerprints: { 'cutoverFinding/v1': sha256([f.id, uri ?? '', typeof f.data?.name === 'string' ? f.data.name : '', f.message.replace(/:\d+/g, '')].join('\0')) },
      ...(state.has(f) ? { baselineState: state.get(f) } : {}),
    };
    if (uri !== undefined) {
      const region: Record<string, number> = {};
      if (f.line !== undefined) region.startLine = f.line;
      if (f.column !== undefined && f.line !== undefined) region.startColumn = f.column;
      result.locations = [{ physicalLocation: { artifactLocation: { uri, uriBaseId: '%SRCROOT%' }, ...(Object.keys(region).length ? { region } : {}) } }];
    }
    return result;
  });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cutover',
            version: opts.version,
            rules: rules.map((r) => {
              const help = RULE_HELP[r.id] ?? r.description;
              // What a run does with the rule when the config says nothing: on at its severity, or off.
              const off = DEFAULT_RULE_LEVELS[r.id] === 'off';
              return {
                id: r.id,
                shortDescription: { text: r.description },
                fullDescription: { text: help },
                help: { text: help, markdown: `**${r.id}**: ${help}` },
                defaultConfiguration: off ? { enabled: false, level: LEVEL[r.severity] } : { level: LEVEL[r.severity] },
              };
            }),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: `${pathToFileURL(opts.baseDir).href.replace(/\/?$/, '/')}` } },
        results,
      },
    ],
  };
}

function toUri(baseDir: string, file: string): string {
  const abs = path.isAbsolute(file) ? file : path.resolve(baseDir, file);
  return path.relative(baseDir, abs).split(path.sep).map(encodeURIComponent).join('/');
}
