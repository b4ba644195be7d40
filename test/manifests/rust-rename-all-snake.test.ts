import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('argument keys: camelCase by default, snake_case on request', () => {
  it('follows rename_all on the command attribute', async () => {
    const out = await extractFixture('rust-rename-all-snake');
    expect(command(out, 'open_file').params.map((p) => [p.key, p.sourceName])).toEqual([
      ['filePath', 'file_path'],
      ['readOnly', 'read_only'],
      ['type', 'type'],
    ]);
    expect(command(out, 'save_file').params.map((p) => [p.key, p.required])).toEqual([
      ['file_path', true],
      ['create_dirs', false],
    ]);
    expect(command(out, 'close_file').params.map((p) => p.key)).toEqual(['filePath']);
    expect(out).toEqual(expectedOutput('rust-rename-all-snake'));
  });
});
