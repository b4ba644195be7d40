/**
 * cutover's public API. Pillars have their own entry points:
 * `cutover/manifests`, `cutover/harness`, `cutover/matrix`, `cutover/evidence`.
 */
export { defineConfig, loadConfig, validateConfig, type CutoverConfig, type LoadedConfig } from './core/src/config/index.js';
export { UsageError, ConfigError, TransportError, InternalError, CutoverError, EXIT } from './core/src/errors.js';
export type { Finding, Severity, FindingDefinition } from './core/src/findings.js';
export { sortFindings, countBySeverity } from './core/src/findings.js';
export { createRedactor, REDACTED, type Redactor } from './core/src/redact.js';
export { FINDING_CATALOG } from './catalog.js';
export { runCli } from './cli.js';
