import { escapeInString } from './norm.js';

/** Marks a hole that is not a generated value after all (a map key no value names): compared as it is. */
export const LITERAL = '\u0002';

interface Name {
  placeholder: string;
  /** The placeholder as it stands inside a JSON string literal. */
  text: string;
  /** How many values were named before it. */
  order: number;
}

/**
 * Phase two of normalization: the placeholders of one side. A generated value is named after
 * the site of its first sighting and how many values that site named before it
 * (`<agent_create_session:result.id#1>`); the same value keeps its name for the rest of the side.
 */
export class Names {
  private readonly byValue = new Map<string, Name>();
  private readonly perSite = new Map<string, number>();

  /** The placeholder of a generated value, assigned on first sight. */
  rename(value: string, site: string): string {
    return this.named(value, site).placeholder;
  }

  /** When a value was first given a placeholder (for ordering), without assigning one. */
  order(value: string): number | undefined {
    return this.byValue.get(value)?.order;
  }

  /**
   * The text each hole of a shape gets, in order (see Shape.refs). A hole with no site is a map
   * key: it takes the placeholder its value already has, or stays as it is.
   */
  holes(refs: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < refs.length; i += 2) {
      const v = refs[i]!;
      const site = refs[i + 1]!;
      if (site === '') out.push(this.byValue.get(v)?.text ?? escapeInString(v));
      else out.push(this.named(v, site).text);
    }
    return out;
  }

  /**
   * The same as `holes`, each as it is (not escaped): a placeholder, or for a map key that names
   * no known value, the key itself marked LITERAL (it is compared as it is, never paired).
   */
  placeholders(refs: readonly string[]): readonly string[] {
    // Runs of messages name the same values (every chunk of a turn: its session and its turn):
    // the same names then, and no new array for them.
    const last = this.last;
    if (last && last.refs.length === refs.length && last.refs.every((r, i) => r === refs[i])) return last.out;
    const out = this.assign(refs);
    this.last = { refs, out };
    return out;
  }

  private last: { refs: readonly string[]; out: readonly string[] } | undefined;

  private assign(refs: readonly string[]): string[] {
    const out: string[] = [];
    for (let i = 0; i < refs.length; i += 2) {
      const v = refs[i]!;
      const site = refs[i + 1]!;
      if (site === '') out.push(this.byValue.get(v)?.placeholder ?? LITERAL + v);
      else out.push(this.named(v, site).placeholder);
    }
    return out;
  }

  private named(value: string, site: string): Name {
    let n = this.byValue.get(value);
    if (n === undefined) {
      const k = (this.perSite.get(site) ?? 0) + 1;
      this.perSite.set(site, k);
      const placeholder = `<${site}#${k}>`;
      n = { placeholder, text: escapeInString(placeholder), order: this.byValue.size };
      this.byValue.set(value, n);
      // A map key of this value, seen before as a literal, is named from now on.
      this.last = undefined;
    }
    return n;
  }
}
