/** JUnit XML, the report format CI systems show test results from; one writer for every verb that emits it. */

export interface JunitCase {
  classname: string;
  name: string;
  timeMs?: number;
  /** A check that ran and did not hold. */
  failure?: { message: string; type: string; body?: string };
  /** A check that could not run (its target did not start, it timed out before it ran). */
  error?: { message: string; type: string; body?: string };
  /** Why it did not run here. */
  skipped?: string;
}

export interface JunitSuite {
  name: string;
  cases: JunitCase[];
}

export const xmlEscape = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

const seconds = (ms: number | undefined) => ((ms ?? 0) / 1000).toFixed(3);

function renderCase(c: JunitCase): string {
  const head = `    <testcase classname="${xmlEscape(c.classname)}" name="${xmlEscape(c.name)}" time="${seconds(c.timeMs)}"`;
  if (c.skipped !== undefined) return `${head}>\n      <skipped message="${xmlEscape(c.skipped)}"/>\n    </testcase>`;
  const bad = c.failure ? ['failure', c.failure] as const : c.error ? ['error', c.error] as const : undefined;
  if (!bad) return `${head}/>`;
  const [tag, d] = bad;
  return `${head}>\n      <${tag} message="${xmlEscape(d.message.slice(0, 500))}" type="${xmlEscape(d.type)}">${xmlEscape(d.body ?? d.message)}</${tag}>\n    </testcase>`;
}

export function junitXml(title: string, suites: readonly JunitSuite[]): string {
  const count = (cs: readonly JunitCase[], k: 'failure' | 'error' | 'skipped') => cs.filter((c) => c[k] !== undefined).length;
  const all = suites.flatMap((s) => s.cases);
  const suite = (s: JunitSuite) =>
    [
      `  <testsuite name="${xmlEscape(s.name)}" tests="${s.cases.length}" failures="${count(s.cases, 'failure')}" errors="${count(s.cases, 'error')}" skipped="${count(s.cases, 'skipped')}" time="${seconds(s.cases.reduce((t, c) => t + (c.timeMs ?? 0), 0))}">`,
      ...s.cases.map(renderCase),
      '  </testsuite>',
    ].join('\n');
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="${xmlEscape(title)}" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}">`, ...suites.map(suite), '</testsuites>', ''].join('\n');
}
