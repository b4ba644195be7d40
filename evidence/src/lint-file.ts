import type { Finding } from '../../core/src/findings.js';
import type { EvidenceSettings } from './config.js';
import { findSection, parseEvidence, type EvidenceDocument } from './document.js';
import { evidenceFinding } from './evidence-finding.js';
import { listedPaths, type ListedPath } from './files-changed.js';
import { listedPathCheck, type ListedPathCheck } from './listed-path-check.js';
import { isEmptyBody } from './placeholders.js';

const TOKEN = /[A-Za-z0-9][A-Za-z0-9._-]*/g;

/** The id a document names: its front matter's, else the title's word that is the id. */
function idCheck(doc: EvidenceDocument, file: string, id: string): Finding | undefined {
  const hint = `Name the task in the first heading, e.g. "# ${id}: <title>" (or set "task: ${id}" in front matter).`;
  if (doc.frontMatterId !== undefined) {
    return doc.frontMatterId === id
      ? undefined
      : evidenceFinding('evidence-id-mismatch', file, 1, `front matter names task ${doc.frontMatterId}, but this is the evidence of ${id}`, hint, { taskId: id, found: doc.frontMatterId });
  }
  if (!doc.title) return evidenceFinding('evidence-id-mismatch', file, 1, `has no heading naming its task ${id}`, hint, { taskId: id });
  const words = (doc.title.text.match(TOKEN) ?? []).map((w) => w.replace(/\.+$/, ''));
  if (words.includes(id)) return undefined;
  return evidenceFinding('evidence-id-mismatch', file, doc.title.line, `title "${doc.title.text}" does not name task ${id}`, hint, { taskId: id, found: doc.title.text });
}

/** What an evidence file's text says, whatever else is on disk: the findings of its content, and the paths it lists. */
export interface EvidenceAnalysis {
  findings: Finding[];
  listed: ListedPath[];
}

/** The checks of one evidence file's text against its task id that read nothing else (and so can be cached by content). */
export function analyzeEvidenceText(file: string, text: string, id: string, settings: EvidenceSettings): EvidenceAnalysis {
  const doc = parseEvidence(text, settings.sections);
  const findings: Finding[] = [];
  const listed: ListedPath[] = [];
  const idFinding = idCheck(doc, file, id);
  if (idFinding) findings.push(idFinding);
  for (const section of settings.sections) {
    const found = findSection(doc, section);
    if (!found) {
      if (section.required) {
        const also = section.aliases.length ? ` (or ${section.aliases.map((a) => `"${a}"`).join(', ')})` : '';
        findings.push(evidenceFinding('evidence-section-missing', file, undefined, `no "${section.name}" section`, `Add a "## ${section.name}" heading${also} with its content.`, { taskId: id, section: section.name }));
      }
      continue;
    }
    if (section.required && isEmptyBody(found.body, settings.placeholders)) {
      findings.push(
        evidenceFinding('evidence-section-empty', file, found.line, `section "${found.heading}" is empty or only placeholder text`, `Write what the section asks for; TODO, TBD and template text count as empty.`, { taskId: id, section: section.name }),
      );
    }
    if (section.role === 'files-changed') listed.push(...listedPaths(found.body));
  }
  return { findings, listed };
}

/** The paths under Files Changed checked against the tree as it is now. */
export function listedPathFindings(file: string, id: string, listed: readonly ListedPath[], checkPath: ListedPathCheck): Finding[] {
  const findings: Finding[] = [];
  for (const p of listed) {
    const c = checkPath(p.path);
    if (c.state === 'missing') {
      findings.push(
        evidenceFinding('evidence-path-missing', file, p.line, `listed path ${c.shown} does not exist`, 'Paths are relative to evidence.root (default: the config file\'s folder); fix the path, or mark a removed file "(deleted)".', { taskId: id, path: c.shown }),
      );
    } else if (c.state === 'outside') {
      findings.push(
        evidenceFinding('evidence-path-outside', file, p.line, `listed path ${c.shown} is outside the repository`, 'List paths relative to evidence.root; for paths written on another machine\'s checkout, set evidence.stripPrefixes to its folder.', { taskId: id, path: c.shown }),
      );
    }
  }
  return findings;
}

/** Every check of one evidence file's text against the task id it belongs to. */
export function lintEvidenceText(file: string, text: string, id: string, settings: EvidenceSettings, checkPath: ListedPathCheck = listedPathCheck(settings)): Finding[] {
  const { findings, listed } = analyzeEvidenceText(file, text, id, settings);
  return [...findings, ...listedPathFindings(file, id, listed, checkPath)];
}
