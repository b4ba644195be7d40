import { parse as parseYaml } from 'yaml';
import { classifyLines, type MarkdownLine } from '../../core/src/tasks/markdown-lines.js';
import { normalizeHeading, type ResolvedSection } from './config.js';
import { withSetextHeadings, type DocHeading } from './headings.js';

export interface DocSection {
  heading: string;
  level: number;
  /** 1-based line where the heading starts. */
  line: number;
  /** 1-based line where the heading ends (a setext heading's underline); the body starts after it. */
  endLine: number;
  /** 1-based line after the body: the next heading that ends the section, or one past the last line. */
  end: number;
  /**
   * The body: every line after the heading up to the next heading of the same or a higher level,
   * or the next heading of another section, whatever its level.
   */
  body: MarkdownLine[];
}

export interface EvidenceDocument {
  lines: MarkdownLine[];
  /** `norm`: the heading as section names are compared (see normalizeHeading), computed once. */
  headings: (DocHeading & { norm: string })[];
  /** `task:` or `id:` from YAML front matter, when the file has it. */
  frontMatterId: string | undefined;
  /** The document's title: its first level-1 heading, else its first heading. */
  title: { text: string; line: number; level: number } | undefined;
  /** The sections the document was read against: a heading that is one of them ends the section above it. */
  sections: readonly ResolvedSection[];
}

/** Front matter is blanked out (not removed) so every line keeps its number. */
function splitFrontMatter(text: string): { body: string; id: string | undefined } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { body: text, id: undefined };
  let id: string | undefined;
  try {
    const data = parseYaml(m[1]!) as Record<string, unknown> | null;
    const v = data?.task ?? data?.id;
    if (typeof v === 'string' || typeof v === 'number') id = String(v);
  } catch {
    // Front matter that is not YAML names no id; the title still can.
  }
  return { body: '\n'.repeat(m[0].split('\n').length - 1) + text.slice(m[0].length), id };
}

/**
 * Reads an evidence file's structure: the one notion of where a section is, shared by the linter
 * and the writer of machine-written blocks (so `matrix run` fills the section lint found, and never
 * adds a second one). `sections` are the configured sections: they decide which `---`-underlined
 * lines are headings, and which sub-headings end the section above them.
 */
export function parseEvidence(text: string, sections: readonly ResolvedSection[] = []): EvidenceDocument {
  const { body, id } = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  const names = (norm: string) => sections.some((s) => namesSection(norm, s));
  const found = withSetextHeadings(classifyLines(body), body.split(/\r?\n/), (t) => names(normalizeHeading(t)));
  const headings = found.headings.map((h) => ({ ...h, norm: normalizeHeading(h.text) }));
  const title = headings.find((h) => h.level === 1) ?? headings[0];
  return { lines: found.lines, headings, frontMatterId: id, title: title ? { text: title.text, line: title.line, level: title.level } : undefined, sections };
}

const sectionKeys = new WeakMap<ResolvedSection, Set<string>>();

/** Whether a normalized heading names the section (its name or an alias). */
function namesSection(norm: string, section: ResolvedSection): boolean {
  let keys = sectionKeys.get(section);
  if (!keys) sectionKeys.set(section, (keys = new Set([section.name, ...section.aliases].map(normalizeHeading))));
  return keys.has(norm);
}

export function matchesSection(heading: string, section: ResolvedSection): boolean {
  return namesSection(normalizeHeading(heading), section);
}

/**
 * The index of the section's heading: of the headings naming it (a level-1 title never does), the
 * shallowest, the first of those. A "### Output" under Behavior Proof is then not taken for the
 * Verification Output section when the file has a "## Verification Output".
 */
function headingIndex(doc: EvidenceDocument, section: ResolvedSection): number {
  let best = -1;
  doc.headings.forEach((h, i) => {
    if (h.level === 1 && h.line === doc.title?.line) return;
    if (namesSection(h.norm, section) && (best < 0 || h.level < doc.headings[best]!.level)) best = i;
  });
  return best;
}

/** The index of the heading that ends the section whose heading is `idx`, or -1 when it runs to the end. */
function endIndex(doc: EvidenceDocument, idx: number): number {
  const h = doc.headings[idx]!;
  const others = new Set(doc.sections.map((s) => headingIndex(doc, s)));
  return doc.headings.findIndex((n, i) => i > idx && (n.level <= h.level || others.has(i)));
}

/** The section's heading and its body (see DocSection), or undefined when no heading names it. */
export function findSection(doc: EvidenceDocument, section: ResolvedSection): DocSection | undefined {
  const idx = headingIndex(doc, section);
  if (idx < 0) return undefined;
  const h = doc.headings[idx]!;
  const next = doc.headings[endIndex(doc, idx)];
  const end = next?.line ?? doc.lines.length + 1;
  const body = doc.lines.filter((l) => l.line > h.endLine && l.line < end);
  return { heading: h.text, level: h.level, line: h.line, endLine: h.endLine, end, body };
}

/** 1-based line after the section that holds line `at` (under the last heading before it), or one past the last line. */
export function sectionEndAfter(doc: EvidenceDocument, at: number): number {
  let idx = -1;
  doc.headings.forEach((h, i) => {
    if (h.line <= at) idx = i;
  });
  if (idx < 0) return doc.headings.find((h) => h.line > at)?.line ?? doc.lines.length + 1;
  const next = doc.headings[endIndex(doc, idx)];
  return next?.line ?? doc.lines.length + 1;
}
