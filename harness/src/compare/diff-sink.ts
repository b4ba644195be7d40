import type { Difference } from './compare.js';

/** Groups kept in full; past this, differences are only counted. */
export const MAX_GROUPS = 200;
/** Places listed for a group ("and 3 more like it: …"). */
const MAX_ALSO = 5;
/** New-path messages remembered per group, for the manifest problems a difference explains. */
const MAX_ATS = 50;

/**
 * Collects differences as a person would report them: the same difference in many messages
 * (a field renamed in every answer, every chunk of a stream missing) is one entry with a count
 * and where else it is; past MAX_GROUPS entries the rest is counted, so a trace of a million
 * lines cannot make a report of a million findings.
 */
export class DiffSink {
  private readonly groups = new Map<string, Difference>();
  private readonly omitted = new Map<Difference['kind'], number>();

  /** `group` false: every difference on its own (noise learning needs each varying value). */
  constructor(
    private readonly max = MAX_GROUPS,
    private readonly group = true,
  ) {}

  /** `detail` adds what only the first of a group needs (a unified diff); it runs only then. */
  push(d: Difference, detail?: () => Partial<Difference>): void {
    const key = this.group ? groupKey(d) : String(this.groups.size);
    const g = this.groups.get(key);
    if (g) {
      g.count = (g.count ?? 1) + 1;
      if ((g.also ??= []).length < MAX_ALSO) g.also.push(where(d));
      if (d.at !== undefined && (g.ats ??= []).length < MAX_ATS) g.ats.push(d.at);
      if (d.gapAt !== undefined && (g.gapAts ??= []).length < MAX_ATS) g.gapAts.push(d.gapAt);
      return;
    }
    if (this.groups.size >= this.max) {
      this.omitted.set(d.kind, (this.omitted.get(d.kind) ?? 0) + 1);
      return;
    }
    this.groups.set(key, { ...d, ...(d.at !== undefined ? { ats: [d.at] } : {}), ...(d.gapAt !== undefined ? { gapAts: [d.gapAt] } : {}), ...detail?.() });
  }

  get size(): number {
    return this.groups.size;
  }

  result(): Difference[] {
    const out = [...this.groups.values()];
    const total = [...this.omitted.values()].reduce((a, b) => a + b, 0);
    if (total) {
      const [kind] = [...this.omitted].sort((a, b) => b[1] - a[1])[0]!;
      const parts = [...this.omitted].map(([k, n]) => `${n} ${k}`).join(', ');
      out.push({ kind, subject: 'the rest of this exchange', more: total, hint: `Not shown: ${parts}. Fix the differences above first; the rest often follows from them.` });
    }
    return out;
  }
}

/** Differences alike: the same kind at the same field of the same kind of message (indexes as [*]). */
function groupKey(d: Difference): string {
  if (d.kind === 'refused') return `refused\u0000${d.subject}`;
  if (d.more !== undefined) return `more\u0000${d.subject}\u0000${d.line ?? ''}`;
  if (d.kind === 'renamed') return `renamed\u0000${leaf(d.path)}\u0000${leaf(d.renamedTo)}`;
  const path = (d.path ?? '').replace(/\[\d+\]/g, '[*]');
  return `${d.kind}\u0000${d.scope ?? d.subject.replace(/ #\d+/, '').replace(/\(request [^)]*\)/, '')}\u0000${path}`;
}

function leaf(path: string | undefined): string {
  return (path ?? '').replace(/\[\d+\]/g, '').split('.').pop() ?? '';
}

function where(d: Difference): string {
  return `${d.subject}${d.line === undefined ? '' : ` (line ${d.line})`}`;
}
