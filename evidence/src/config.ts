import path from 'node:path';
import { repositoryRoot } from '../../core/src/git.js';
import type { LoadedConfig } from '../../core/src/config/index.js';
import type { EvidenceSection } from '../../core/src/config/types.generated.js';
import { ConfigError } from '../../core/src/errors.js';
import type { TaskStatus } from '../../core/src/tasks/types.js';

export type SectionRole = NonNullable<EvidenceSection['role']>;

export interface ResolvedSection {
  name: string;
  aliases: string[];
  required: boolean;
  role: SectionRole | undefined;
}

export interface EvidenceSettings {
  dir: string;
  root: string;
  sections: ResolvedSection[];
  placeholders: RegExp[];
  templates: string | undefined;
  requireFor: TaskStatus[];
  excerptLines: number;
  /** Write run-varying facts of outputs as placeholders (normalize.ts). */
  normalize: boolean;
  /** The repository holding the config: evidence files must resolve inside it (or inside `dir`). */
  repository: string;
  /** Absolute prefixes taken off paths under Files Changed (another machine's checkout). */
  stripPrefixes: string[];
  /** Default sections a configured `sections` list leaves out (it replaces the default seven). */
  droppedDefaults: string[];
}

/** The seven sections the Cowork runbook requires of every task's evidence file. */
export const DEFAULT_SECTIONS: readonly ResolvedSection[] = [
  { name: 'Change Summary', aliases: ['Summary', 'Summary of Changes'], required: true, role: 'change-summary' },
  { name: 'Files Changed', aliases: ['Changed Files', 'Files Touched'], required: true, role: 'files-changed' },
  { name: 'Verification Commands', aliases: ['Commands Run', 'Commands'], required: true, role: 'verification-commands' },
  { name: 'Verification Output', aliases: ['Command Output', 'Output'], required: true, role: 'verification-output' },
  { name: 'Behavior Proof', aliases: ['Behaviour Proof', 'Proof'], required: true, role: 'behavior-proof' },
  { name: 'Risk Notes', aliases: ['Residual Risks', 'Risks', 'Known Risks'], required: true, role: 'risk-notes' },
  { name: 'Rollback Path', aliases: ['Rollback', 'Rollback Plan'], required: true, role: 'rollback-path' },
];

/** A line that only holds the place of content: a TODO left by the scaffold, "TBD", "<describe it>", "…". */
export const DEFAULT_PLACEHOLDERS: readonly string[] = [
  '^(TODO|TBD|FIXME|XXX)\\b',
  '^placeholder\\b',
  '^to be (written|filled( in)?|determined|done|added|completed)\\b',
  '^<[^>]*>$',
  '^(\\.\\.\\.|…)$',
];

export const DEFAULT_EVIDENCE_DIR = 'docs/migration-evidence';

/** Emoji, symbols and punctuation around a heading's words: "✅", "📁", "🔍", "—", "#", a trailing colon. */
const DECORATION = /^[\s\p{S}\p{P}\p{Extended_Pictographic}]+|[\s\p{S}\p{P}\p{Extended_Pictographic}]+$/gu;
/** Joiners and presentation marks of emoji ("1️⃣", "👩‍💻"): never part of a word. */
const EMOJI_MARKS = /[\u200d\ufe0e\ufe0f\u20e3]/gu;
/** "3.", "4)", "1.1", "2.3.", "Step 2:", "Section 4 -": numbering before the words. */
const NUMBERING = /^(?:(?:step|section|part)\s*)?\d+(?:\.\d+)*[.):]?\s*(?:[-\u2013\u2014:.)]\s*)?(?=\S)/iu;

/**
 * Heading text compared without case, emphasis or code marks, numbering ("3.", "4)", "1.1",
 * "Step 2:"), and the emoji, symbols and punctuation before or after the words ("✅ …", "… 🔍",
 * a trailing colon).
 */
export function normalizeHeading(text: string): string {
  const words = (s: string) => s.replace(DECORATION, '');
  let t = words(text.replace(/[*_`]/g, '').replace(EMOJI_MARKS, ''));
  const numbered = NUMBERING.exec(t);
  // Numbering is taken off only when words follow it: a heading that is only "2" stays "2".
  if (numbered && /\s|[.):\u2013\u2014-]\s*$/u.test(numbered[0]) && words(t.slice(numbered[0].length)) !== '') t = words(t.slice(numbered[0].length));
  return t.replace(/\s+/g, ' ').trim().toLowerCase();
}

function roleOf(s: EvidenceSection): SectionRole | undefined {
  if (s.role) return s.role;
  const names = [s.name, ...(s.aliases ?? [])].map(normalizeHeading);
  return DEFAULT_SECTIONS.find((d) => [d.name, ...d.aliases].some((n) => names.includes(normalizeHeading(n))))?.role;
}

export function evidenceSettings(loaded: LoadedConfig): EvidenceSettings {
  const cfg = loaded.config.evidence ?? {};
  const placeholders = (cfg.placeholders ?? DEFAULT_PLACEHOLDERS).map((p, i) => {
    try {
      return new RegExp(p, 'i');
    } catch (e) {
      throw new ConfigError(`evidence.placeholders[${i}] is not a valid regular expression: ${(e as Error).message}`, {
        location: { file: loaded.file },
        hint: 'Write each placeholder as a JavaScript regular expression without slashes, e.g. "^TODO\\\\b".',
      });
    }
  });
  const sections = cfg.sections
    ? cfg.sections.map((s) => ({ name: s.name, aliases: s.aliases ?? [], required: s.required ?? true, role: roleOf(s) }))
    : DEFAULT_SECTIONS.map((s) => ({ ...s, aliases: [...s.aliases] }));
  return {
    dir: cfg.dir ?? path.join(loaded.dir, DEFAULT_EVIDENCE_DIR),
    root: cfg.root ?? loaded.dir,
    sections,
    placeholders,
    templates: cfg.templates,
    requireFor: cfg.requireFor ?? ['done'],
    excerptLines: cfg.excerptLines ?? 20,
    normalize: cfg.normalize ?? true,
    repository: repositoryRoot(loaded.dir),
    stripPrefixes: (cfg.stripPrefixes ?? []).map((p) => p.replace(/\\/g, '/').replace(/\/*$/, '/')),
    droppedDefaults: DEFAULT_SECTIONS.filter((d) => !sections.some((s) => s.role === d.role)).map((d) => d.name),
  };
}

export function sectionForRole(settings: EvidenceSettings, role: SectionRole): ResolvedSection | undefined {
  return settings.sections.find((s) => s.role === role);
}
