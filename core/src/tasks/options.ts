import type { TaskSourceConfig } from '../config/types.generated.js';

/** What a source's `parse` reads from its options: the source's config entry, minus its path. */
export type SourceOptions = Omit<TaskSourceConfig, 'path'>;

export function sourceOptions(options: Record<string, unknown>): SourceOptions {
  return options as SourceOptions;
}
