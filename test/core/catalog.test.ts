import { describe, expect, it } from 'vitest';
import { FINDING_CATALOG } from '../../catalog.js';

describe('the finding catalog', () => {
  it('holds every id once, across all pillars, in kebab-case with a description', () => {
    const all = Object.values(FINDING_CATALOG).flat();
    const ids = all.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of all) {
      expect(d.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(d.description.length).toBeGreaterThan(10);
      expect(['error', 'warning', 'info']).toContain(d.severity);
    }
  });
});
