import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../../manifests/src/model.js';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

const keys = (s: JsonSchema | undefined): string[] => Object.keys((s?.properties ?? {}) as object);

describe('serde field attributes', () => {
  it('reads params as serde deserializes them', async () => {
    const out = await extractFixture('rust-serde-fields');
    const param = command(out, 'save_task').params[0]!.schema!;
    // skip and skip_deserializing drop a field; rename(deserialize) and rename_all rename it; flatten merges.
    expect(keys(param)).toEqual(['desc', 'due', 'labels', 'owner', 'password', 'priority', 'revision', 'source', 'taskTitle', 'type', 'updated']);
    // default and Option make a field optional.
    expect(param.required).toEqual(['owner', 'password', 'source', 'taskTitle', 'type', 'updated']);
    // A flattened map accepts any other key; a custom (de)serializer leaves the field open.
    expect(param.additionalProperties).toEqual({});
    expect((param.properties as Record<string, JsonSchema>).updated).toEqual({});
    expect(out).toEqual(expectedOutput('rust-serde-fields'));
  });

  it('reads the result as serde serializes it', async () => {
    const out = await extractFixture('rust-serde-fields');
    const result = command(out, 'save_task').result!;
    expect(keys(result)).toEqual(['createdBy', 'desc', 'due', 'labels', 'ownerName', 'priority', 'revision', 'source', 'taskTitle', 'type', 'updated']);
    // skip_serializing_if may leave a key out; default has no say on output.
    expect(result.required).toEqual(['createdBy', 'ownerName', 'priority', 'source', 'taskTitle', 'type', 'updated']);
    expect((result.properties as Record<string, JsonSchema>).desc).toEqual({ type: ['string', 'null'] });
  });
});
