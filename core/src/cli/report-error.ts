import path from 'node:path';
import { formatLocation, isCutoverError, type CutoverError } from '../errors.js';
import type { Output } from '../output.js';

/** Prints an error the way a person can act on it: what, where, what to do; the stack only with --debug. */
export function reportError(out: Output, e: unknown): number {
  if (isCutoverError(e)) {
    printCoded(out, e);
    return e.exitCode;
  }
  const err = e instanceof Error ? e : new Error(String(e));
  if (out.json) out.printJson({ ok: false, error: { code: 'internal', message: err.message } });
  out.info(`${out.style.red('cutover: internal error:')} ${err.message}`);
  out.info(out.debug ? (err.stack ?? '') : 'This is a bug in cutover. Run again with --debug for the stack trace and report it.');
  return 3;
}

function printCoded(out: Output, e: CutoverError): void {
  if (out.json) {
    out.printJson({
      ok: false,
      error: { code: e.code, message: e.message, location: e.location, details: e.details, hint: e.hint },
    });
  }
  const label = e.code === 'usage' ? 'usage error' : e.code === 'config' ? 'error' : e.code === 'transport' ? 'target failed' : e.code === 'cancelled' ? 'stopped' : 'internal error';
  const loc = e.location ? `${formatLocation({ ...e.location, file: path.relative(process.cwd(), e.location.file) || e.location.file })}: ` : '';
  out.info(`${out.style.red(`cutover: ${label}:`)} ${loc}${e.message}`);
  for (const d of e.details) out.info(`  ${d}`);
  const tail = (e as { stderrTail?: string }).stderrTail;
  if (tail) {
    out.info(out.style.dim('  last lines of the target\'s stderr:'));
    for (const l of tail.split('\n')) out.info(out.style.dim(`  | ${l}`));
  }
  if (e.hint) out.info(`  ${out.style.cyan('→')} ${e.hint}`);
  if (out.debug && e.stack) out.info(e.stack);
}
