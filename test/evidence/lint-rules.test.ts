import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../core/src/config/index.js';
import { evidenceSettings, lintEvidenceText } from '../../evidence/src/index.js';
import { FIXTURES } from './fixture.js';

const CONFIG = path.join(FIXTURES, 'lint-valid', 'cutover.config.json');
const settings = evidenceSettings(validateConfig({}, CONFIG));
const FILE = '/evidence/A-1.md';

const SECTIONS = ['Change Summary', 'Files Changed', 'Verification Commands', 'Verification Output', 'Behavior Proof', 'Risk Notes', 'Rollback Path'];

/** A complete evidence file for A-1, with one section's body replaced. */
function doc(body: Record<string, string> = {}, head = '# A-1: Title'): string {
  return [head, '', ...SECTIONS.flatMap((s) => [`## ${s}`, '', body[s] ?? `Real ${s.toLowerCase()} text.`, ''])].join('\n');
}

const ids = (text: string) => lintEvidenceText(FILE, text, 'A-1', settings).map((f) => f.id);

describe('evidence lint rules', () => {
  it('passes a complete file', () => {
    expect(ids(doc())).toEqual([]);
  });

  it.each([
    ['TODO: write this'],
    ['TBD'],
    ['- TODO'],
    ['*TBD*'],
    ['<describe the risk>'],
    ['…'],
    ['<!-- nothing here yet -->'],
    ['```text\n```'],
    ['Placeholder.'],
    ['To be written.'],
    [''],
  ])('counts %j as an empty section', (body) => {
    expect(ids(doc({ 'Risk Notes': body }))).toEqual(['evidence-section-empty']);
  });

  it.each([['Removed the TODO comment in main.rs.'], ['None known.'], ['```text\nok\n```'], ['| risk | mitigation |\n|---|---|\n| stale socket | removed on start |']])(
    'counts %j as content',
    (body) => {
      expect(ids(doc({ 'Risk Notes': body }))).toEqual([]);
    },
  );

  it('accepts the built-in aliases, numbering, emphasis, case and a trailing colon', () => {
    const text = doc().replace('## Risk Notes', '## 6. **Residual risks:**').replace('## Rollback Path', '### Rollback');
    expect(ids(text)).toEqual([]);
  });

  it('keeps a sub-heading inside its section', () => {
    expect(ids(doc({ 'Behavior Proof': '### Logs\n\nThe daemon restarted and kept session s1.' }))).toEqual([]);
    expect(ids(doc({ 'Behavior Proof': '### Logs' }))).toEqual(['evidence-section-empty']);
  });

  it.each([['---'], ['***'], ['___'], ['- - -'], ['* * *'], ['---\n\n***'], ['<!-- none -->\n\n---']])('counts a thematic break (%j) as an empty section', (body) => {
    expect(ids(doc({ 'Risk Notes': body }))).toEqual(['evidence-section-empty']);
  });

  it('reads setext headings: a title underlined with ===, sections underlined with --- or ===', () => {
    const setext = (text: string) => text.replace(/^(#+) (.*)$/gm, (_m, hashes: string, t: string) => `${t}\n${(hashes.length === 1 ? '=' : '-').repeat(Math.max(3, t.length))}`);
    expect(ids(setext(doc()))).toEqual([]);
    expect(ids(doc().replace('## Change Summary', 'Change Summary\n===='))).toEqual([]);
    // A multi-line paragraph is one heading: "Intro Change Summary" names no section.
    expect(ids(doc().replace('## Change Summary', 'Intro\nChange Summary\n---'))).toEqual(['evidence-section-missing']);
  });

  it('reads --- after a blank line, after a list item, or under prose as a rule, not an underline', () => {
    expect(ids(doc().replace('## Change Summary', 'Change Summary\n\n---'))).toEqual(['evidence-section-missing']);
    expect(ids(doc().replace('## Change Summary', '- Change Summary\n---'))).toEqual(['evidence-section-missing']);
    expect(ids(doc({ 'Risk Notes': 'None known.\n---' }))).toEqual([]);
    expect(ids(doc({ 'Risk Notes': '> Change Summary\n> ---\n\nQuoted.' }))).toEqual([]);
  });

  it('does not take front matter for a setext underline', () => {
    expect(ids(`---\ntask: A-1\n---\nSome title\n---\n\n${doc().split('\n').slice(1).join('\n')}`)).toEqual([]);
  });

  it('matches headings with emoji or symbols before or after the name', () => {
    const text = doc()
      .replace('## Change Summary', '## ✅ Change Summary')
      .replace('## Files Changed', '## 📁 Files Changed:')
      .replace('## Behavior Proof', '## Behavior Proof 🔍')
      .replace('## Rollback Path', '## Rollback Path 🔙')
      .replace('## Risk Notes', '## ⚠️ Risk Notes ⚠️')
      .replace('## Verification Output', '## 1️⃣ Verification Output');
    expect(ids(text)).toEqual([]);
  });

  it('matches numbered headings: 1.1, Step 2:, Section 3 -, 4)', () => {
    const text = doc()
      .replace('## Change Summary', '## 1.1 Change Summary')
      .replace('## Files Changed', '## Step 2: Files Changed')
      .replace('## Risk Notes', '## Section 6 - Risk Notes')
      .replace('## Rollback Path', '## 7) Rollback Path');
    expect(ids(text)).toEqual([]);
    expect(ids(doc().replace('## Risk Notes', '## 2FA Risk Notes'))).toEqual(['evidence-section-missing']);
  });

  it('ends a section at the heading of another section, whatever its level', () => {
    const text = doc().replace('Real verification commands text.\n\n## Verification Output', '### Verification Output');
    expect(lintEvidenceText(FILE, text, 'A-1', settings).map((f) => [f.id, f.data?.section])).toEqual([['evidence-section-empty', 'Verification Commands']]);
    // A sub-heading that is no section stays inside, and so does one naming a section the file has at a shallower level.
    expect(ids(doc({ 'Behavior Proof': '### Output\n\nThe daemon restarted and kept session s1.' }))).toEqual([]);
  });

  it('reads Windows paths under Files Changed: backslashes as separators, a drive or share as absolute', () => {
    const files = (list: string) => lintEvidenceText(FILE, doc({ 'Files Changed': list }), 'A-1', settings).map((f) => [f.id, f.data?.path]);
    expect(files('- src\\contract.ts\n- `src\\`')).toEqual([]);
    expect(files('- C:/Users/bob/app/src/client.ts\n- `D:\\work\\app\\src`')).toEqual([
      ['evidence-path-outside', 'C:/Users/bob/app/src/client.ts'],
      ['evidence-path-outside', 'D:\\work\\app\\src'],
    ]);
    expect(files('- src\\gone.ts')).toEqual([['evidence-path-missing', 'src/gone.ts']]);
  });

  it('takes the id from front matter before the title', () => {
    expect(ids(`---\ntask: A-1\n---\n${doc({}, '# Some title')}`)).toEqual([]);
    expect(ids(`---\ntask: A-2\n---\n${doc()}`)).toEqual(['evidence-id-mismatch']);
  });

  it('needs the id as a whole word of the title', () => {
    expect(ids(doc({}, '# Evidence for A-1.'))).toEqual([]);
    expect(ids(doc({}, '# A-10: Title'))).toEqual(['evidence-id-mismatch']);
    expect(ids(doc({}, ''))).toEqual(['evidence-id-mismatch']);
  });

  it('does not take a heading inside a code fence as a section', () => {
    const text = doc().replace('## Rollback Path\n\nReal rollback path text.\n', '```md\n## Rollback Path\nRevert.\n```\n');
    expect(ids(text)).toEqual(['evidence-section-missing']);
  });

  it('honours configured sections: an optional one may be absent, an alias names another', () => {
    const custom = evidenceSettings(
      validateConfig({ evidence: { sections: [{ name: 'Summary' }, { name: 'Proof', aliases: ['Behaviour'] }, { name: 'Screenshots', required: false }] } }, CONFIG),
    );
    expect(lintEvidenceText(FILE, '# A-1\n\n## Summary\n\nDone.\n\n## Behaviour\n\nShown.\n', 'A-1', custom)).toEqual([]);
    expect(lintEvidenceText(FILE, '# A-1\n\n## Summary\n\nDone.\n', 'A-1', custom).map((f) => f.message)).toEqual(['no "Proof" section']);
  });

  it('takes configured placeholder patterns instead of the default ones', () => {
    const custom = evidenceSettings(validateConfig({ evidence: { placeholders: ['^pending$'] } }, CONFIG));
    expect(lintEvidenceText(FILE, doc({ 'Risk Notes': 'Pending' }), 'A-1', custom).map((f) => f.id)).toEqual(['evidence-section-empty']);
    expect(lintEvidenceText(FILE, doc({ 'Risk Notes': 'TODO' }), 'A-1', custom)).toEqual([]);
  });
});
