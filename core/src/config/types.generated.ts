/* Generated from the config JSON Schema by `pnpm gen:config`. Do not edit by hand; edit <pillar>/config/*.schema.json. */

/**
 * Top-level keys of a cutover config. Each pillar adds one section from its own <pillar>/config/<section>.schema.json.
 */
export interface CutoverConfig {
  /**
   * Path or URL of this JSON Schema, for editors.
   */
  $schema?: string;
  /**
   * Name of the app being migrated, shown in reports.
   */
  name?: string;
}
