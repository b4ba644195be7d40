import type { Finding } from '../findings.js';
import { classifyLines, type MarkdownLine } from './markdown-lines.js';
import { headingTask, settleHeadingTask, type HeadingTask } from './markdown-heading-task.js';
import { bareIdRule, leadingId } from './markdown-id.js';
import { DEFAULT_ID_PATTERN, parseChecklistItem } from './markdown-item.js';
import { idlessDone, unreadTaskLike } from './markdown-unread.js';
import { taskLikeLine, type TaskLikeLine } from './markdown-task-like.js';
import { sourceOptions } from './options.js';
import { MARKDOWN_STATUSES, UNKNOWN_STATUS_FALLBACK, vocabulary } from './statuses.js';
import { statusOfWords } from './status-words.js';
import { taskFinding } from './task-finding.js';
import type { SkippedLine, Task, TaskSource, TaskSourceResult } from './types.js';

/** Bullets under a task that are neither a "Label:" nor under one (e.g. "Unix socket on macOS/Linux."). */
export const UNLABELLED_DETAILS = 'Items';

const LABEL = /^([A-Za-z][\w /&-]{0,40}):\s*(.*)$/;

/**
 * Markdown checklists as the Cowork runbooks write them: `- [ ] \`ID\` (\`OWNER\`) title`, with
 * phase headings and nested "Files:" / "Verification:" bullets. A checklist item nested inside a
 * task is a sub-task, and one inside a blockquote is a task like any other.
 */
export const markdownSource: TaskSource = {
  id: 'markdown',
  description: 'Markdown checklists: - [ ] `ID` (`OWNER`) title, under phase headings, with nested detail bullets',
  matches: (file, format) => (format ? format === 'markdown' : /\.(md|markdown)$/i.test(file)),
  parse(file, text, options) {
    const opts = sourceOptions(options);
    const statuses = vocabulary(opts.statuses, MARKDOWN_STATUSES);
    let idPattern: RegExp;
    try {
      idPattern = new RegExp(opts.idPattern ?? DEFAULT_ID_PATTERN);
    } catch (e) {
      return { tasks: [], findings: [taskFinding('task-source-unreadable', file, undefined, `idPattern is not a valid regular expression: ${(e as Error).message}`, 'Fix tasks.sources[].idPattern in the config.')] };
    }
    return parseMarkdown(file, classifyLines(text), { statuses, idPattern, phaseLevel: opts.phaseLevel });
  },
};

interface Open {
  task: Task;
  indent: number;
  quote: number;
  label: { name: string; indent: number } | undefined;
  sawDetail: boolean;
  children: Task[];
}

const quoteOf = (l: MarkdownLine) => ('quote' in l && l.quote) || 0;

function parseMarkdown(
  file: string,
  lines: MarkdownLine[],
  opts: { statuses: Map<string, Task['status']>; idPattern: RegExp; phaseLevel: number | undefined },
): TaskSourceResult {
  const tasks: Task[] = [];
  const findings: Finding[] = [];
  const skipped: SkippedLine[] = [];
  const isBareId = bareIdRule(idCandidates(lines, opts.idPattern));
  const isTaskHeading = (text: string) => headingTask(file, 0, 0, text, opts.idPattern, isBareId, undefined) !== undefined;
  const phaseLevel = opts.phaseLevel ?? guessPhaseLevel(lines, isTaskHeading);
  const headings: (string | undefined)[] = [];
  // The task being read and the tasks it is nested in, innermost last.
  const stack: Open[] = [];
  const children = new Map<Task, Task[]>();
  // The heading each task sits under (its line; 0 above the first); the headings that name a task;
  // lines that look like tasks but are not checklist items.
  const section = new Map<Task, number>();
  let sectionLine = 0;
  const headingTasks: HeadingTask[] = [];
  let headingNow: HeadingTask | undefined;
  const taskLike: TaskLikeLine[] = [];
  const unconfirmed = new Map<Task, string>();

  const phaseNow = () => (phaseLevel !== undefined && headings[phaseLevel] !== undefined ? headings[phaseLevel] : headings.findLast((h) => h !== undefined));

  for (const l of lines) {
    if (l.kind === 'heading') {
      stack.length = 0;
      sectionLine = l.line;
      if (headingNow && l.level <= headingNow.level) headingNow = undefined;
      headings.length = l.level + 1;
      headings[l.level] = undefined;
      // A heading that names a task (its phase is the one above it) may have checkboxes for steps.
      const named = headingTask(file, l.line, l.level, l.text, opts.idPattern, isBareId, phaseNow());
      if (named) headingTasks.push((headingNow = named));
      headings[l.level] = l.text;
      continue;
    }
    if (l.kind === 'blank') continue;
    // A line belongs to the innermost open task it is indented under, in the same blockquote.
    while (stack.length && (l.indent <= stack.at(-1)!.indent || quoteOf(l) !== stack.at(-1)!.quote)) stack.pop();
    const parent = stack.at(-1);
    const item = l.kind === 'item' ? parseChecklistItem(l.content, opts.idPattern, isBareId) : undefined;
    if (!item || item.kind === 'none') {
      const like = taskLikeLine(l, opts.idPattern);
      if (like) taskLike.push(like);
      if (parent) addDetail(parent, l);
      continue;
    }
    if (item.kind === 'malformed') {
      findings.push(taskFinding('task-malformed', file, l.line, item.message, item.hint));
      continue;
    }
    let status = opts.statuses.get(item.marker);
    // A status legend written with real checkboxes ("- [x] Done"): the box shows what its mark means.
    if (!parent && item.id === undefined && status !== undefined && statusOfWords(item.title) === status) {
      skipped.push({ line: l.line, what: `status legend entry ${item.marker} ${item.title}` });
      continue;
    }
    if (status === undefined) {
      const known = [...opts.statuses.keys()].join(' ');
      findings.push(
        taskFinding('task-unknown-status', file, l.line, `status ${item.marker} of ${item.id ?? `"${item.title}"`} is not one of ${known}`, `Use one of ${known}, or map ${item.marker} under tasks.sources[].statuses.`, { rawStatus: item.marker }),
      );
      status = UNKNOWN_STATUS_FALLBACK;
    }
    const phase = phaseNow();
    // A checkbox without an id right under a heading that names a task is one of its steps.
    const owning = parent ? parent.task : item.id === undefined && headingNow ? headingNow.task : undefined;
    if (!parent && headingNow && item.id !== undefined) headingNow.groups++;
    // A checkbox nested under a task is a sub-task: a task of its own, with its parent's owner unless it names one.
    const owner = item.owner ?? owning?.owner;
    const task: Task = {
      id: item.id,
      title: item.title,
      status,
      rawStatus: item.marker,
      ...(owner !== undefined ? { owner } : {}),
      ...(phase !== undefined ? { phase } : {}),
      ...(owning ? { parent: { id: owning.id, line: owning.line } } : {}),
      file,
      line: l.line,
    };
    tasks.push(task);
    section.set(task, sectionLine);
    if (item.unconfirmed !== undefined) unconfirmed.set(task, item.unconfirmed);
    if (parent) parent.children.push(task);
    else if (owning) headingNow!.steps.push(task);
    stack.push({ task, indent: l.indent, quote: quoteOf(l), label: undefined, sawDetail: false, children: [] });
    children.set(task, stack.at(-1)!.children);
  }
  findings.push(...openSubtasks(file, tasks, children));
  for (const h of headingTasks) {
    if (h.steps.length) {
      settleHeadingTask(h);
      tasks.splice(tasks.findIndex((t) => t.line > h.task.line), 0, h.task);
      section.set(h.task, h.task.line);
    } else if (!h.groups) {
      taskLike.push({ line: h.task.line, id: h.task.id!, what: 'a heading that names a task but has no checkbox under it' });
    }
  }
  findings.push(...idlessDone(file, tasks, section, unconfirmed), ...unreadTaskLike(file, taskLike, tasks));
  return { tasks, findings, ...(skipped.length ? { skipped } : {}) };
}

const nameOf = (t: Task) => t.id ?? `line ${t.line}`;

/**
 * A task marked done while a sub-task of it is open is not done: it counts as in progress, and
 * the finding says which sub-task holds it. Children are settled before their parents, so an
 * open grandchild reaches the top.
 */
function openSubtasks(file: string, tasks: readonly Task[], children: Map<Task, Task[]>): Finding[] {
  const findings: Finding[] = [];
  // Walked from the last task up; reported top to bottom.
  for (let i = tasks.length - 1; i >= 0; i--) {
    const t = tasks[i]!;
    if (t.status !== 'done') continue;
    const open = (children.get(t) ?? []).filter((c) => c.status !== 'done');
    if (open.length === 0) continue;
    t.status = 'in_progress';
    t.openSubtasks = open.map(nameOf);
    findings.push(
      taskFinding(
        'task-subtask-open',
        file,
        t.line,
        `${t.id ?? `"${t.title}"`} is marked ${t.rawStatus} but its sub-task${open.length === 1 ? '' : 's'} ${open.map((c) => `${nameOf(c)} (${c.rawStatus})`).join(', ')} ${open.length === 1 ? 'is' : 'are'} not done`,
        'Finish the sub-tasks and tick them, or untick the parent: a task is done only when everything under it is.',
        { taskId: t.id, subtasks: t.openSubtasks },
      ),
    );
  }
  return findings.reverse();
}

function addDetail(open: Open, l: Exclude<MarkdownLine, { kind: 'blank' | 'heading' }>): void {
  const details = (open.task.details ??= {});
  const push = (key: string, value: string) => (details[key] ??= []).push(value);
  if (l.kind === 'item') {
    open.sawDetail = true;
    if (open.label && l.indent > open.label.indent) {
      push(open.label.name, l.content);
      return;
    }
    const label = LABEL.exec(l.content);
    if (label) {
      open.label = { name: label[1]!.trim(), indent: l.indent };
      details[open.label.name] ??= [];
      if (label[2]!.trim()) push(open.label.name, label[2]!.trim());
      return;
    }
    open.label = undefined;
    push(UNLABELLED_DETAILS, l.content);
    return;
  }
  // Text right under the task line wraps its title; after a detail it continues that detail.
  if (!open.sawDetail && l.kind === 'text') {
    open.task.title = `${open.task.title} ${l.text}`;
    return;
  }
  const key = open.label?.name ?? UNLABELLED_DETAILS;
  const values = (details[key] ??= []);
  if (l.kind === 'text' && values.length) values[values.length - 1] = `${values[values.length - 1]} ${l.text}`;
  else values.push(l.text);
}

/** Every id a checklist item or heading starts with, however written: what `bareIdRule` judges bare first words by. */
function idCandidates(lines: MarkdownLine[], idPattern: RegExp): string[] {
  const ids: string[] = [];
  for (const l of lines) {
    const text = l.kind === 'heading' ? l.text : l.kind === 'item' ? l.content.replace(/^\[[^\]]\][ \t]+/, '') : undefined;
    const lead = text !== undefined ? leadingId(text, idPattern) : undefined;
    if (lead?.kind === 'id') ids.push(lead.id);
  }
  return ids;
}

/** The shallowest heading level used more than once: `## Phase N` under a single `# Title`; headings that name a task do not count. */
function guessPhaseLevel(lines: MarkdownLine[], isTaskHeading: (text: string) => boolean): number | undefined {
  const counts = new Map<number, number>();
  for (const l of lines) if (l.kind === 'heading' && !isTaskHeading(l.text)) counts.set(l.level, (counts.get(l.level) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n > 1).map(([level]) => level).sort((a, b) => a - b)[0];
}
