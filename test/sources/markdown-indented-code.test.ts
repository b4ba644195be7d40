import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';
import { fixtureInput } from './fixture.js';

const FILE = fixtureInput('markdown-indented-code');
const { tasks, findings } = parseTaskFile(FILE, fs.readFileSync(FILE, 'utf8'));

describe('checkboxes in an indented code block', () => {
  it('are examples, not tasks; list items nested four spaces are still tasks', () => {
    expect(tasks.map((t) => [t.line, t.id ?? t.title, t.parent?.line])).toEqual([
      [5, 'IC-1', undefined],
      [6, 'A sub-task nested four spaces: a list item, not code.', 5],
      [13, 'IC-2', undefined],
      [15, 'A sub-task after a blank line, still in the item.', 13],
    ]);
    expect(tasks.map((t) => t.id)).not.toContain('IC-96');
    expect(findings).toEqual([]);
  });
});
