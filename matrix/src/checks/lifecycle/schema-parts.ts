/** Schema pieces several steps share. */
export const TARGET = { type: 'string', description: 'The target it acts on (default: the one started last).' } as const;

export const WITHIN = { type: 'integer', minimum: 1, description: "Its bound, in ms (default: the check's stepTimeoutMs, else 10000)." } as const;

export const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGKILL', 'SIGHUP', 'SIGQUIT', 'SIGUSR1', 'SIGUSR2'] as const;

export const SIGNAL = { enum: [...SIGNALS, ...SIGNALS.map((s) => s.slice(3))], description: 'A signal, with or without SIG (TERM, SIGTERM, INT, KILL, HUP, QUIT, USR1, USR2).' } as const;

/** `TERM` → `SIGTERM`. */
export function signalName(s: string): NodeJS.Signals {
  return (s.startsWith('SIG') ? s : `SIG${s}`) as NodeJS.Signals;
}

/** A step written as a bare string (`start: daemon`) or as an object. */
export function stringOr(description: string, object: Record<string, unknown>): Record<string, unknown> {
  return { description, anyOf: [{ type: 'string', minLength: 1 }, { type: 'object', additionalProperties: false, ...object }] };
}

export const COMMAND = {
  description: 'A shell command line (placeholders quoted for the shell), or an argv run without a shell.',
  anyOf: [
    { type: 'string', minLength: 1 },
    { type: 'array', items: { type: 'string' }, minItems: 1 },
  ],
} as const;
