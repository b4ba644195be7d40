/** Entry points of the TypeScript extractors, loaded on demand (this module pulls in the TypeScript compiler). */
import type { IncrementalContext, IncrementalResult } from '../extract/incremental.js';
import { runPerFile } from './driver.js';
import { scanFrontendFile, type Scanned } from './frontend.js';
import { scanSidecarFile, type SidecarScan } from './sidecar.js';

export async function extractSidecar(ctx: IncrementalContext, part: keyof SidecarScan): Promise<IncrementalResult> {
  const schemas = ctx.schemas !== false;
  return runPerFile(ctx, (ws, file, rel) => scanSidecarFile(ws, file, rel, ctx.ts, schemas)[part], { usesTypes: schemas });
}

export async function extractFrontend(ctx: IncrementalContext, role: keyof Scanned): Promise<IncrementalResult> {
  return runPerFile(ctx, (ws, file, rel) => scanFrontendFile(ws, file, rel, ctx.ts)[role], { usesTypes: false });
}
