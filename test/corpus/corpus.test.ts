/**
 * cutover on real apps nobody on the project wrote (../shared/corpus), with the config a new user
 * would write from the README, against expectations derived without cutover: an independent
 * counter (scripts/corpus/count.mjs) and reading the code. test/fixtures/corpus/README.md says
 * how each fixture was made. Apps run one after another in this one process, cold (no cache).
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusPresent } from '../support/corpus-dir.js';
import { APPS, CORPUS, COUNT_KEYS, cutoverCounts, readExpected, runCutover, where, within, type CorpusRun } from './helpers.js';

const present = corpusPresent();
for (const app of APPS) {
  describe.skipIf(!present || !fs.existsSync(path.join(CORPUS, app)))(`corpus: ${app}`, () => {
    const expected = readExpected(app);
    let run: CorpusRun;
    beforeAll(async () => {
      run = await runCutover(app);
    }, 240_000);

    it('reports as errors exactly the real defects (rule, file, line)', () => {
      const errors = run.findings.filter((f) => f.severity === 'error');
      const falseErrors = errors.filter((f) => !expected.defects.some((d) => d.rule === f.id && within(d, f.file, f.line))).map(where);
      const missed = expected.defects.filter((d) => !errors.some((f) => f.id === d.rule && within(d, f.file, f.line))).map((d) => `${d.rule} ${d.file}:${d.line} ${d.name}: ${d.why}`);
      expect({ falseErrors, missed }).toEqual({ falseErrors: [], missed: [] });
    });

    it('extracts the expected number of commands, registrations, invokes, listens and emits', () => {
      const got = cutoverCounts(run.facts);
      const off = COUNT_KEYS.flatMap((k) => {
        const e = expected.counts[k];
        const ok = e.n !== undefined ? got[k] === e.n : got[k] >= (e.min ?? 0) && got[k] <= (e.max ?? Infinity);
        return ok ? [] : [`${k}: cutover ${got[k]}, expected ${e.n ?? `${e.min}..${e.max}`} (${e.why})`];
      });
      expect(off).toEqual([]);
    });

    it('every unresolved-* finding names a construct that cannot be resolved statically', () => {
      const stray = run.findings.filter((f) => f.id.startsWith('unresolved-') && !expected.unresolved.some((u) => within(u, f.file, f.line))).map(where);
      expect(stray).toEqual([]);
    });

    // Nothing to observe on an app whose names are all static: skipped, not passed.
    it.skipIf(!expected.unresolved.some((u) => u.mustReport !== false))('every construct that cannot be resolved statically is reported, or followed to where it is known', () => {
      const facts = [...run.facts.unresolved, ...run.facts.invokes, ...run.facts.listens, ...run.facts.emits, ...run.facts.registrations];
      const reported = (file: string, line: number, lines?: [number, number]) =>
        run.findings.some((f) => f.id.startsWith('unresolved-') && within({ file, line, lines, why: '' }, f.file, f.line)) || facts.some((f) => within({ file, line, lines, why: '' }, f.loc.file, f.loc.line));
      const silent = expected.unresolved
        .filter((u) => u.mustReport !== false)
        .filter((u) => !reported(u.file, u.line, u.lines) && !u.orReportedAt?.some((s) => reported(s.file, s.line)))
        .filter((u) => !(u.orFollowedAt?.length && u.orFollowedAt.every((s) => reported(s.file, s.line))))
        .map((u) => `${u.role} ${u.file}:${u.line}: ${u.why}`);
      expect(silent).toEqual([]);
    });

    it('valid Rust the grammar cannot parse is never an error, and is reported where it was recovered', () => {
      const parseFindings = run.findings.filter((f) => f.id === 'parse-error' || f.id === 'parse-recovered');
      const wrong = parseFindings.filter((f) => f.severity === 'error' || !expected.grammarGaps.some((g) => within(g, f.file, f.line))).map((f) => `${f.severity} ${where(f)}`);
      const unreported = expected.grammarGaps.filter((g) => !parseFindings.some((f) => f.id === 'parse-recovered' && within(g, f.file, f.line))).map((g) => `${g.file}:${g.line}: ${g.why}`);
      expect({ wrong, unreported }).toEqual({ wrong: [], unreported: [] });
    });
  });
}
