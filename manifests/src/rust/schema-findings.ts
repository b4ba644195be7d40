import type { Finding } from '../../../core/src/findings.js';
import { finding } from './findings.js';
import type { SchemaNote } from './serde-schema.js';

/** Turns schema notes into findings: one wide-integer per command field, one unknown-type per place. */
export class NoteSink {
  readonly findings: Finding[] = [];
  private readonly seen = new Set<string>();

  add(command: string, where: string, notes: readonly SchemaNote[]): void {
    for (const n of notes) {
      const field = `${where}${n.path}`;
      if (n.kind === 'wide-integer') {
        const key = `w\0${command}\0${field}`;
        if (this.seen.has(key)) continue;
        this.seen.add(key);
        this.findings.push(
          finding(
            'wide-integer',
            n,
            `command \`${command}\`: ${field} is \`${n.typeText}\`, wider than 53 bits; JavaScript numbers lose precision above 2^53`,
            'Use a 32-bit integer, or carry the value as a string (a String field, or #[serde(with = …)] converting to one).',
            { command, field, type: n.typeText },
          ),
        );
      } else {
        const key = `u\0${n.file}\0${n.line}\0${n.typeText}`;
        if (this.seen.has(key)) continue;
        this.seen.add(key);
        const message = n.opaque
          ? `type \`${n.typeText}\` does not say what it serializes to; its schema is left open`
          : `type \`${n.typeText}\` is not declared in the parsed Rust sources; its schema is left open`;
        const hint = n.opaque
          ? 'Return a concrete type (a struct deriving Serialize) so the contract can be checked.'
          : 'If it is the crate’s own type, add its file to manifests.rust.include; types from other crates stay open.';
        this.findings.push(finding('unknown-type', n, message, hint, { command, field, type: n.typeText }));
      }
    }
  }
}
