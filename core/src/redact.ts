/**
 * Secrets never reach a trace, evidence file, report, log or the terminal. One process-wide
 * registry knows every secret value learnt so far (core/src/redact/registry.ts); key names are
 * matched by their words (core/src/redact/keys.ts); free text by rules for headers, flags, URLs
 * and token shapes (core/src/redact/text.ts). Output streams and the file writer
 * (core/src/redact/write.ts) redact again whatever they are given.
 */
import { compileNameRules } from './redact/keys.js';
import { isSecretKey, registerSecret, secretNameRules } from './redact/registry.js';
import { redactText } from './redact/text.js';
import { redactValue } from './redact/value.js';

export { REDACTED, registerSecret, registerSecretNames, isSecretKey } from './redact/registry.js';
export { isSecretName } from './redact/keys.js';
export { redactText, secretsInText } from './redact/text.js';
export { redactValue, isSecretRef } from './redact/value.js';
export { learnSecrets } from './redact/learn.js';
export { writeRedactedText, writeRedactedJson } from './redact/write.js';

export interface RedactorOptions {
  /** Extra key names or /regex/ strings (case-insensitive) whose values are redacted by this redactor. */
  keys?: readonly string[];
  /** Literal secret values to scrub wherever they appear (registered for the whole process). */
  values?: readonly string[];
}

export interface Redactor {
  value<T>(v: T): T;
  /** Free text (logs, command output): known secret values, token shapes, and values under secret key names. */
  text(s: string): string;
  /** Register a secret learnt at run time (a token read from a file); every writer of the process knows it from now on. */
  addSecret(secret: string): void;
}

/** A view on the process-wide registry, with this caller's extra key names. */
export function createRedactor(opts: RedactorOptions = {}): Redactor {
  for (const v of opts.values ?? []) registerSecret(v);
  const keys = opts.keys ?? [];
  const extra = keys.length ? compileNameRules({ extra: keys, keep: secretNameRules().keep }) : undefined;
  const isSecret = extra ? (name: string) => isSecretKey(name) || extra(name) : isSecretKey;
  return {
    value: <T>(v: T) => redactValue(v, isSecret),
    text: (s) => redactText(s, isSecret),
    addSecret: (s) => registerSecret(s),
  };
}
