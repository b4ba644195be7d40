import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../manifests/src/model.js';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe('recursive types', () => {
  it('expand once and stop where a type recurs, so every schema is finite and self-contained', async () => {
    const out = await extractFixture('rust-recursive-types');
    const root = command(out, 'tree').params[0]!.schema!;
    const children = (root.properties as Record<string, JsonSchema>).children!;
    expect(children.items).toEqual({ title: 'Node', $comment: 'recursive type, not expanded again' });
    const file = command(out, 'file').result!;
    const parent = (file.properties as Record<string, JsonSchema>).parent!;
    expect(parent.title).toBe('Folder');
    expect(JSON.stringify(file).length).toBeLessThan(2000);
    expect(out).toEqual(expectedOutput('rust-recursive-types'));
  });
});
