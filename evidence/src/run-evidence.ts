import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../../core/src/config/index.js';
import { createRedactor, type Redactor } from '../../core/src/redact.js';
import { writeRedactedText } from '../../core/src/redact/write.js';
import type { RunRecord as CheckRun } from '../../core/src/run-record.js';
import { evidenceSettings, sectionForRole, type EvidenceSettings, type ResolvedSection, DEFAULT_SECTIONS } from './config.js';
import { upsertBlock } from './generated-blocks.js';
import { normalizeOutput } from './normalize.js';
import { recordLine } from './run-records.js';
import { outputsDir } from './safe-id.js';
import { safeEvidencePath, scaffoldText } from './scaffold.js';
import { render, tidy } from './templates.js';

/** A run a check made, with which check and cell made it. */
export interface RunRecord extends CheckRun {
  check?: string;
  cell?: string;
  /** The id of the matrix run that made it, written into the evidence so the gate can match it with the report. */
  run?: string;
}

export interface RunEvidenceInput {
  taskId: string;
  title?: string;
  runs: RunRecord[];
  summary?: string;
  /** HEAD when the runs ran (templates may show it; the built-in ones do not, since every commit changes it). */
  commit?: string;
  /** The fingerprint of the files the runs' checks read: what a re-run on the same sources repeats. */
  fingerprint?: string;
}

export interface RunEvidenceOptions {
  /** Scrubs secrets learnt at run time (a daemon's auth token) on top of the built-in rules. */
  redactor?: Redactor;
  /** Literal secret values to scrub wherever they appear. */
  secrets?: readonly string[];
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007]*\u0007/g;

/** A code span that survives backticks inside the text: the fence is one backtick longer than any run in it. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text.replace(/\r?\n/g, ' ')}${pad}${fence}`;
}

function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/^\s*`{3,}/gm) ?? []).map((r) => r.trim().length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function excerptOf(output: string, maxLines: number) {
  const lines = output.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  if (lines.length === 1 && lines[0] === '') return { excerpt: '', totalLines: 0, shownLines: 0, truncated: false };
  const shown = lines.slice(-maxLines);
  return { excerpt: shown.join('\n'), totalLines: lines.length, shownLines: shown.length, truncated: shown.length < lines.length };
}

function section(settings: EvidenceSettings, role: 'verification-commands' | 'verification-output'): ResolvedSection {
  return sectionForRole(settings, role) ?? { ...DEFAULT_SECTIONS.find((s) => s.role === role)!, required: false };
}

/**
 * Writes what the matrix really ran into a task's evidence: each command, its exit code and
 * duration, an excerpt of its output, and the sha256 of the full output stored beside the
 * evidence file (`<ID>.outputs/<n>.log`). Everything passes through redaction before it is
 * written. Only the generated blocks are rewritten; the rest of the file is left as it is.
 */
export async function writeRunEvidence(loaded: LoadedConfig, input: RunEvidenceInput, opts: RunEvidenceOptions = {}): Promise<{ file: string; outputFiles: string[]; changed: boolean }> {
  const settings = evidenceSettings(loaded);
  const file = safeEvidencePath(settings, loaded, input.taskId);
  const redactor = opts.redactor ?? createRedactor();
  for (const s of opts.secrets ?? []) redactor.addSecret(s);
  const clean = (s: string) => redactor.text(s);
  const norm = settings.normalize ? normalizeOutput : (t: string) => t;

  const outDir = outputsDir(file);
  await fs.mkdir(outDir, { recursive: true });
  const outputFiles: string[] = [];
  let changed = false;
  const runs = [];
  for (const [i, run] of input.runs.entries()) {
    const n = i + 1;
    const outFile = path.join(outDir, `${n}.log`);
    // Redacted before the excerpt is cut, and hashed as stored: the sha256 is of the file it names.
    const previous = await fs.readFile(outFile, 'utf8').catch(() => undefined);
    const stored = writeRedactedText(outFile, norm(clean(run.output)));
    if (previous !== stored) changed = true;
    outputFiles.push(outFile);
    const ex = excerptOf(stored, settings.excerptLines);
    const where = [run.check ? `check ${codeSpan(clean(run.check))}` : '', run.cell ? `cell ${codeSpan(clean(run.cell))}` : ''].filter(Boolean).join(', ');
    const command = clean(run.command);
    runs.push({
      n,
      command,
      commandSpan: codeSpan(command),
      check: run.check === undefined ? undefined : clean(run.check),
      cell: run.cell === undefined ? undefined : clean(run.cell),
      where,
      exitCode: run.exitCode,
      exit: run.exitCode === null ? 'none (killed or timed out)' : String(run.exitCode),
      durationMs: Math.round(run.durationMs),
      passed: run.passed,
      result: run.passed ? 'passed' : 'failed',
      outputFile: path.relative(path.dirname(file), outFile).split(path.sep).join('/'),
      bytes: Buffer.byteLength(stored),
      sha256: createHash('sha256').update(stored).digest('hex'),
      fence: fenceFor(ex.excerpt),
      ...ex,
    });
  }
  await removeStaleOutputs(outDir, input.runs.length);

  const context = {
    taskId: input.taskId,
    runs,
    summary: input.summary === undefined ? undefined : clean(input.summary),
    commit: input.commit === undefined ? undefined : clean(input.commit),
    fingerprint: input.fingerprint === undefined ? undefined : clean(input.fingerprint).slice(0, 16),
  };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    text = scaffoldText(settings, input.taskId, input.title === undefined ? {} : { title: clean(input.title) });
  }
  const before = text;
  text = upsertBlock(text, 'verification-commands', tidy(render(settings, 'run-commands.mustache', context)), section(settings, 'verification-commands'), settings);
  // Whatever the template, the block ends with one machine-readable line per run (see run-records.ts).
  const records = runs.map((r, i) => {
    const src = input.runs[i]!;
    return recordLine({
      n: r.n,
      ...(r.check !== undefined ? { check: r.check } : {}),
      ...(r.cell !== undefined ? { cell: r.cell } : {}),
      ...(src.run !== undefined ? { run: clean(src.run) } : {}),
      exitCode: r.exitCode,
      passed: r.passed,
      sha256: r.sha256,
      output: r.outputFile,
    });
  });
  const output = [tidy(render(settings, 'run-output.mustache', context)), ...records].filter(Boolean).join('\n');
  text = upsertBlock(text, 'verification-output', output, section(settings, 'verification-output'), settings);
  if (text !== before) writeRedactedText(file, text);
  return { file, outputFiles, changed: changed || text !== before };
}

/** Output logs of runs a previous, longer run wrote; only `<n>.log` files, which this writer owns. */
async function removeStaleOutputs(dir: string, count: number): Promise<void> {
  for (const name of await fs.readdir(dir)) {
    const m = /^(\d+)\.log$/.exec(name);
    if (m && Number(m[1]) > count) await fs.rm(path.join(dir, name), { force: true });
  }
  if (count === 0) await fs.rmdir(dir).catch(() => undefined);
}
