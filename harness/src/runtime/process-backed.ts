import type { TransportError } from '../../../core/src/errors.js';
import type { TargetSettings, TargetVars } from '../settings.js';
import type { TransportEnv } from '../transports/transport.js';
import type { Supervised } from '../../../core/src/process/supervisor.js';
import { ProcessTarget } from './process-target.js';

/**
 * What every transport that starts its target has in common: the process, its data dir,
 * its stderr tail, a sibling instance (for single-instance checks) and how it failed.
 */
export abstract class ProcessBackedTransport {
  protected readonly target: ProcessTarget;

  constructor(
    readonly settings: TargetSettings,
    protected readonly env: TransportEnv,
    /** A stdio target needs a stdin pipe to keep running; a daemon needs none. */
    private readonly siblingStdin: 'pipe' | 'ignore',
  ) {
    this.target = new ProcessTarget(settings, env);
  }

  get process(): Supervised | undefined {
    return this.target.process;
  }

  get dataDir(): string | undefined {
    return this.target.dataDir;
  }

  vars(): TargetVars {
    return this.target.vars();
  }

  stderrTail(): string | undefined {
    return this.target.process?.stderrTail();
  }

  spawnSibling(): Supervised | undefined {
    if (!this.settings.command) return undefined;
    const p = this.target.spawn(this.siblingStdin, false);
    // Nobody speaks to the sibling: its stdout is only kept for messages.
    if (this.siblingStdin === 'pipe') p.child.stdout!.on('data', (d: Buffer) => p.stdout.append(d));
    return p;
  }

  failure(): TransportError | undefined {
    const p = this.target.process;
    return p && !p.alive ? p.exitedError('the harness was talking to it') : undefined;
  }
}
