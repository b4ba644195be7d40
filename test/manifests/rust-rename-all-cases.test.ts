import { describe, expect, it } from 'vitest';
import { command, expectedOutput, extractFixture } from './rust-fixture.js';

describe("serde's rename_all rules", () => {
  it('rename variants and fields exactly as serde does', async () => {
    const out = await extractFixture('rust-rename-all-cases');
    const byKey = Object.fromEntries(command(out, 'all_cases').params.map((p) => [p.key, p.schema!]));
    const variants = (k: string): unknown => byKey[k]!.enum;
    const fields = (k: string): string[] => Object.keys(byKey[k]!.properties as object);
    expect(variants('lowerEnum')).toEqual(['firstvariant', 'httpserver2', 'x']);
    expect(variants('upperEnum')).toEqual(['FIRSTVARIANT', 'HTTPSERVER2', 'X']);
    expect(variants('pascalEnum')).toEqual(['FirstVariant', 'HttpServer2', 'X']);
    expect(variants('camelEnum')).toEqual(['firstVariant', 'httpServer2', 'x']);
    expect(variants('snakeEnum')).toEqual(['first_variant', 'http_server2', 'x']);
    expect(variants('screamingsnakeEnum')).toEqual(['FIRST_VARIANT', 'HTTP_SERVER2', 'X']);
    expect(variants('kebabEnum')).toEqual(['first-variant', 'http-server2', 'x']);
    expect(variants('screamingkebabEnum')).toEqual(['FIRST-VARIANT', 'HTTP-SERVER2', 'X']);
    expect(fields('lowerStruct')).toEqual(['first_field', 'user_id2', 'x']);
    expect(fields('upperStruct')).toEqual(['FIRST_FIELD', 'USER_ID2', 'X']);
    expect(fields('pascalStruct')).toEqual(['FirstField', 'UserId2', 'X']);
    expect(fields('camelStruct')).toEqual(['firstField', 'userId2', 'x']);
    expect(fields('snakeStruct')).toEqual(['first_field', 'user_id2', 'x']);
    expect(fields('screamingsnakeStruct')).toEqual(['FIRST_FIELD', 'USER_ID2', 'X']);
    expect(fields('kebabStruct')).toEqual(['first-field', 'user-id2', 'x']);
    expect(fields('screamingkebabStruct')).toEqual(['FIRST-FIELD', 'USER-ID2', 'X']);
    expect(out).toEqual(expectedOutput('rust-rename-all-cases'));
  });
});
