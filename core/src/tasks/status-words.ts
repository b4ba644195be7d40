import type { TaskStatus } from './types.js';

/**
 * Status words and emoji as teams write them in status legends, status tables and checklist
 * bullets without a checkbox. Markdown task lists do not read a status from these (the checkbox
 * is the status); they tell a legend entry from a task, and a line that looks like a task from
 * prose.
 */
const WORDS: Readonly<Record<string, TaskStatus>> = {
  'not started': 'not_started',
  todo: 'not_started',
  'to do': 'not_started',
  pending: 'not_started',
  'in progress': 'in_progress',
  wip: 'in_progress',
  doing: 'in_progress',
  started: 'in_progress',
  ongoing: 'in_progress',
  blocked: 'blocked',
  'on hold': 'blocked',
  'in review': 'in_review',
  review: 'in_review',
  done: 'done',
  complete: 'done',
  completed: 'done',
  finished: 'done',
  closed: 'done',
};

/** Words that also start an instruction ("Review the …", "Complete the …"): a status only when emphasised (DONE, **Done**, Done:). */
const ALSO_VERBS = new Set(['review', 'started', 'pending', 'doing', 'ongoing', 'closed', 'complete']);

/** ✅ ✔️ ☑️ ⏳ ⌛ 🔄 🚧 ⬜ 🔲 ❌ ⛔ 🛑 🚫 🟢 🟡 🟠 🔴 ⚪ ⚫ ⭕ */
const EMOJI = '[\\u2705\\u2714\\u2611\\u23F3\\u231B\\u{1F504}\\u{1F6A7}\\u2B1C\\u{1F532}\\u274C\\u26D4\\u{1F6D1}\\u{1F6AB}\\u{1F7E2}\\u{1F7E1}\\u{1F7E0}\\u{1F534}\\u26AA\\u26AB\\u2B55]\\uFE0F?';
const STATUS_EMOJI = new RegExp(`^${EMOJI}`, 'u');
const LEADING_EMOJI = new RegExp(`^(?:${EMOJI}\\s*)+`, 'u');
const LEADING_WORDS = Object.keys(WORDS).map((word) => ({
  word,
  re: new RegExp(`^(\\*\\*|__|\\[)?(${word.replace(/ /g, '[\\s_-]+')})(\\*\\*|__|\\])?\\s*(:\\s*|[-–—]\\s+|\\s+)`, 'i'),
}));

/** "In progress", "**Done**", "not_started", "Done." → the status the words name; undefined for other text. */
export function statusOfWords(text: string): TaskStatus | undefined {
  const words = text
    .replace(/[*_`~]+/g, ' ')
    .replace(/[.:!]+\s*$/, '')
    .replace(/[\s_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return Object.hasOwn(WORDS, words) ? WORDS[words] : undefined;
}

/** Whether a table cell or a bullet's first token is a status: a status word, or one of the status emoji. */
export function isStatusToken(text: string): boolean {
  const t = text.trim();
  return STATUS_EMOJI.test(t) || statusOfWords(t) !== undefined;
}

/**
 * The status token a bullet starts with, and what follows it: `✅ \`PAY-70\` …`, `DONE PAY-75 …`,
 * `**Done:** PAY-75`, `[DONE] PAY-75`. Undefined when the bullet does not start with one.
 */
export function leadingStatus(text: string): { rest: string } | undefined {
  const emoji = LEADING_EMOJI.exec(text);
  if (emoji) return { rest: text.slice(emoji[0].length) };
  for (const { word, re } of LEADING_WORDS) {
    const m = re.exec(text);
    if (!m) continue;
    const emphasised = m[1] !== undefined || m[2] === m[2]!.toUpperCase() || m[4]!.trim() !== '';
    if (ALSO_VERBS.has(word) && !emphasised) continue;
    return { rest: text.slice(m[0].length).replace(/^(?:\*\*|__)\s*/, '') };
  }
  return undefined;
}
