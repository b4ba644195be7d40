/** `cutover manifest --update`: writes the manifests (and types.d.ts) only where they changed. */
import fs from 'node:fs';
import path from 'node:path';
import { hashInTypes, manifestsHash, renderTypes } from '../build/dts.js';
import { renderJson } from '../build/manifest.js';
import type { Analysis } from './analyze.js';
import { FILES } from './committed.js';

export interface WriteResult {
  written: string[];
  unchanged: string[];
}

export async function writeManifests(a: Analysis): Promise<WriteResult> {
  const { out, types } = a.options;
  fs.mkdirSync(out, { recursive: true });
  const result: WriteResult = { written: [], unchanged: [] };
  const put = (name: string, text: string) => {
    const file = path.join(out, name);
    const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    if (old === text) {
      result.unchanged.push(file);
      return;
    }
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
    result.written.push(file);
  };
  put(FILES.commands, renderJson(a.manifests.commands));
  put(FILES.events, renderJson(a.manifests.events));
  if (types) {
    const file = path.join(out, FILES.types);
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
    // Regenerating is the slow part (json-schema-to-typescript); skip it when the manifests it came from are unchanged.
    if (current !== undefined && hashInTypes(current) === manifestsHash(a.manifests)) result.unchanged.push(file);
    else put(FILES.types, await renderTypes(a.manifests));
  }
  return result;
}
