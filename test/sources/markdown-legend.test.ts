import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTaskFile } from '../../core/src/tasks/index.js';
import { fixtureInput } from './fixture.js';

const FILE = fixtureInput('markdown-legend');
const { tasks, findings } = parseTaskFile(FILE, fs.readFileSync(FILE, 'utf8'));

describe('a status legend written with real checkboxes', () => {
  it('is not a list of open tasks: a checkbox without an id whose whole text names the status of its own mark', () => {
    expect(tasks.map((t) => [t.line, t.id ?? t.title, t.status])).toEqual([
      [12, 'LG-1', 'not_started'],
      // "[ ] Done" does not show what its mark means: a task, open.
      [14, 'Done', 'not_started'],
    ]);
    expect(findings).toEqual([]);
  });
});
