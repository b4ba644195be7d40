import fs from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { ConfigError } from '../errors.js';
import { cacheDir } from './cache-dir.js';
import { jsonErrorPosition } from './json-position.js';
import { packageRoot } from '../paths.js';

export interface RawConfig {
  data: unknown;
  /** Finds the line of a key path (`['harness','timeoutMs']`), when the format has lines to give. */
  lineOf(keyPath: readonly (string | number)[]): number | undefined;
}

const noLines = () => undefined;

export async function readConfigFile(file: string): Promise<RawConfig> {
  const ext = path.extname(file);
  if (ext === '.json' || ext === '.yaml' || ext === '.yml') return readDataFile(file, ext === '.json' ? 'json' : 'yaml');
  return { data: await importModule(file), lineOf: noLines };
}

async function importModule(file: string): Promise<unknown> {
  // jiti loads .ts configs without a build step (as knip and others do) and plain ESM as is. Its
  // transpiled output is cached on disk, checked against the source's hash, so only an edited
  // config is compiled again; `cutover` itself resolves to the running package wherever it is.
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, { moduleCache: false, fsCache: path.join(cacheDir(path.dirname(file)), 'config'), interopDefault: true, alias: selfAliases() });
  try {
    const mod = (await jiti.import(file)) as { default?: unknown } | undefined;
    const value = mod && typeof mod === 'object' && 'default' in mod ? mod.default : mod;
    return typeof value === 'function' ? await (value as () => unknown)() : value;
  } catch (e) {
    const err = e as Error;
    throw new ConfigError(`the config module failed to load: ${err.message.split('\n')[0]}`, {
      location: { file },
      hint: 'Fix the error above; the config must `export default defineConfig({ … })`.',
      cause: e,
    });
  }
}

let aliases: Record<string, string> | undefined;

/**
 * `cutover` and its entry points (`cutover/matrix` …) as the running package exports them, so a
 * config that imports `defineConfig` from 'cutover' loads wherever cutover is installed (globally,
 * through npx, in another project) and always against the version that reads it.
 */
export function selfAliases(): Record<string, string> {
  if (aliases) return aliases;
  const root = packageRoot();
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; exports?: Record<string, string | { default?: string }> };
  aliases = {};
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    const to = typeof target === 'string' ? target : target.default;
    if (!to || key.includes('*') || !to.endsWith('.js')) continue;
    aliases[key === '.' ? pkg.name : `${pkg.name}/${key.slice(2)}`] = path.join(root, to);
  }
  return aliases;
}

/** JSON and YAML both go through the yaml parser, which keeps node positions for error lines. */
export function readDataFile(file: string, kind: 'json' | 'yaml'): RawConfig {
  const text = fs.readFileSync(file, 'utf8');
  if (kind === 'json') {
    try {
      JSON.parse(text);
    } catch (e) {
      const at = jsonErrorPosition(text);
      throw new ConfigError(`not valid JSON${at ? ` at line ${at.line}, column ${at.column}` : ''}: ${(e as Error).message}`, { location: { file, ...(at ?? {}) } });
    }
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const first = doc.errors[0]!;
    const line = first.linePos?.[0].line;
    throw new ConfigError(`not valid ${kind.toUpperCase()}: ${first.message.split('\n')[0]!.replace(/:$/, '')}`, {
      location: { file, line },
      details: doc.errors.slice(1).map((e) => `line ${e.linePos?.[0].line ?? "?"}: ${e.message.split("\n")[0]}`),
    });
  }
  return { data: doc.toJS(), lineOf: (keyPath) => lineOfPath(doc, lineCounter, keyPath) };
}

function lineOfPath(doc: Document, lc: LineCounter, keyPath: readonly (string | number)[]): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined = (node as Node | null)?.range ? lc.linePos((node as Node).range![0]).line : undefined;
  for (const key of keyPath) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return line;
      const keyNode = pair.key as Node;
      if (keyNode.range) line = lc.linePos(keyNode.range[0]).line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      const r = (node as Node | undefined)?.range;
      if (r) line = lc.linePos(r[0]).line;
    } else {
      return line;
    }
  }
  return line;
}
