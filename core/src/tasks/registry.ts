import { csvSource } from './csv.js';
import { jsonSource } from './json.js';
import { markdownSource } from './markdown.js';
import type { TaskSource } from './types.js';

/** Every task-list format. Adding one is one file implementing `TaskSource` and one line here. */
export const TASK_SOURCES: readonly TaskSource[] = [markdownSource, csvSource, jsonSource];

export function sourceFor(file: string, format?: string): TaskSource | undefined {
  return TASK_SOURCES.find((s) => s.matches(file, format));
}
