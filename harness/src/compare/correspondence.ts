import { LITERAL } from './names.js';

/**
 * Which generated value of the golden side is which on the new path. Each side names its values
 * on its own (`<agent_create_session:result.id#1>`); the comparison pairs two names the first
 * time they stand in the same place, and from then on a place where one of them stands without
 * the other is a difference there, and only there: one real path difference never shifts the
 * names of everything after it.
 */
export class Correspondence {
  private readonly e2a = new Map<string, string>();
  private readonly a2e = new Map<string, string>();

  /** Whether the two names stand for the same value, pairing them if neither is paired yet. */
  match(e: string, a: string): boolean {
    const le = e.charCodeAt(0) === 2;
    const la = a.charCodeAt(0) === 2;
    // A literal (a map key no generated value names) is compared as it is.
    if (le || la) return le && la && e === a;
    const pe = this.e2a.get(e);
    if (pe !== undefined) return pe === a;
    if (this.a2e.has(a)) return false;
    this.e2a.set(e, a);
    this.a2e.set(a, e);
    return true;
  }

  /** Whether the two are already known to be the same value (a literal: equal), without pairing anything. */
  known(e: string, a: string): boolean {
    if (e.charCodeAt(0) === 2 || a.charCodeAt(0) === 2) return e === a;
    return this.e2a.get(e) === a;
  }

  /**
   * A name as it counts for aligning events: the golden name of a paired value, the literal of a
   * literal, and nothing for a value not paired yet (it may pair with anything still free).
   */
  alignName(name: string, side: 'expected' | 'actual'): string {
    if (name.charCodeAt(0) === 2) return name;
    if (side === 'expected') return this.e2a.has(name) ? name : '';
    return this.a2e.get(name) ?? '';
  }

  /** The golden name an actual value is known by, if it is paired. */
  golden(a: string): string | undefined {
    return this.a2e.get(a);
  }

  /** Whether an actual name stands for a value the golden side has. */
  pairedActual(a: string): boolean {
    return this.a2e.has(a);
  }

  /** Both names unpaired: pairing them cannot contradict anything seen so far. */
  free(e: string, a: string): boolean {
    return !this.e2a.has(e) && !this.a2e.has(a);
  }

  /** How a name shows in a report: golden names as they are; a new-path value by its golden name, or marked as the new path's own. */
  show(name: string, side: 'expected' | 'actual'): string {
    if (name.charCodeAt(0) === 2) return name.slice(LITERAL.length);
    if (side === 'expected') return name;
    const g = this.a2e.get(name);
    return g ?? `<new ${name.slice(1)}`;
  }
}
