/**
 * The config's TypeScript types from its JSON Schema, for `pnpm gen:config` and the test that
 * keeps them in sync. json-schema-to-typescript (with prettier) is a development dependency:
 * nothing at run time generates config types.
 */
import { compile } from 'json-schema-to-typescript';

export async function generateTypes(schema: Record<string, unknown>): Promise<string> {
  return compile(structuredClone(schema) as Parameters<typeof compile>[0], 'CutoverConfig', {
    bannerComment:
      '/* Generated from the config JSON Schema by `pnpm gen:config`. Do not edit by hand; edit <pillar>/config/*.schema.json. */',
    additionalProperties: false,
    unreachableDefinitions: false,
    strictIndexSignatures: true,
    style: { singleQuote: true, printWidth: 120 },
  });
}
