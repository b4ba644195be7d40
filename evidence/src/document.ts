import { parse as parseYaml } from 'yaml';
import { classifyLines, type MarkdownLine } from '../../core/src/tasks/markdown-lines.js';
import { normalizeHeading, type ResolvedSection } from './config.js';

export interface DocSection {
  heading: string;
  level: number;
  /** 1-based line of the heading. */
  line: number;
  /** The body: every line after the heading up to the next heading of the same or a higher level. */
  body: MarkdownLine[];
}

export interface EvidenceDocument {
  lines: MarkdownLine[];
  /** `norm`: the heading as section names are compared (see normalizeHeading), computed once. */
  headings: { level: number; text: string; line: number; norm: string }[];
  /** `task:` or `id:` from YAML front matter, when the file has it. */
  frontMatterId: string | undefined;
  /** The document's title: its first level-1 heading, else its first heading. */
  title: { text: string; line: number; level: number } | undefined;
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

export function parseEvidence(text: string): EvidenceDocument {
  const { body, id } = splitFrontMatter(text.replace(/^\uFEFF/, ''));
  const lines = classifyLines(body);
  const headings = lines.filter((l): l is Extract<MarkdownLine, { kind: 'heading' }> => l.kind === 'heading').map((h) => ({ level: h.level, text: h.text, line: h.line, norm: normalizeHeading(h.text) }));
  const title = headings.find((h) => h.level === 1) ?? headings[0];
  return { lines, headings, frontMatterId: id, title: title ? { text: title.text, line: title.line, level: title.level } : undefined };
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

/** The first heading that names the section (a level-1 title never does), with its body. */
export function findSection(doc: EvidenceDocument, section: ResolvedSection): DocSection | undefined {
  const isTitle = (h: { line: number; level: number }) => h.level === 1 && h.line === doc.title?.line;
  const idx = doc.headings.findIndex((h) => !isTitle(h) && namesSection(h.norm, section));
  if (idx < 0) return undefined;
  const h = doc.headings[idx]!;
  const next = doc.headings.slice(idx + 1).find((n) => n.level <= h.level);
  const body = doc.lines.filter((l) => l.line > h.line && (next === undefined || l.line < next.line));
  return { heading: h.text, level: h.level, line: h.line, body };
}
