import { randomUUID } from 'node:crypto';

// Prefixed ids make traces readable and let tests normalize them by pattern.
export type IdPrefix = 's' | 't' | 'perm' | 'q' | 'tool' | 'job' | 'run';

export function newId(prefix: IdPrefix): string {
  return `${prefix}-${randomUUID()}`;
}

export function now(): string {
  return new Date().toISOString();
}
