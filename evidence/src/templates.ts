/**
 * Evidence templates are mustache (logic-less: `{{name}}`, sections `{{#runs}}…{{/runs}}` that
 * also serve as conditions, `{{^x}}` for their absence). Markdown, not HTML: nothing is escaped,
 * so values must already be safe markdown.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type MustacheNs from 'mustache';
import { ConfigError } from '../../core/src/errors.js';
import { packageRoot } from '../../core/src/paths.js';
import type { EvidenceSettings } from './config.js';

export type TemplateName = 'task.mustache' | 'run-commands.mustache' | 'run-output.mustache';

// Loaded on the first render: linting evidence, which the gate does, never renders a template.
let engine: typeof MustacheNs | undefined;
const mustache = () => (engine ??= createRequire(import.meta.url)('mustache') as typeof MustacheNs);
const cache = new Map<string, string>();
const asIs = (value: unknown) => String(value);

export function builtinTemplatesDir(): string {
  return path.join(packageRoot(), 'evidence', 'templates');
}

/** The configured template of that name when `evidence.templates` has one, else the built-in one. */
export function templateFile(settings: EvidenceSettings, name: TemplateName): string {
  const own = settings.templates ? path.join(settings.templates, name) : undefined;
  return own && fs.existsSync(own) ? own : path.join(builtinTemplatesDir(), name);
}

/** Renders a template (the project's own when `evidence.templates` has one) with `context`. */
export function render(settings: EvidenceSettings, name: TemplateName, context: object): string {
  const file = templateFile(settings, name);
  let text = cache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8');
    try {
      mustache().parse(text);
    } catch (e) {
      const msg = (e as Error).message;
      // mustache says where by character offset: "Unclosed section "runs" at 120".
      const at = /\bat (\d+)\s*$/.exec(msg)?.[1];
      const line = at === undefined ? undefined : text.slice(0, Number(at)).split('\n').length;
      throw new ConfigError(`evidence template ${name} is not a valid mustache template: ${msg.split('\n')[0]}`, {
        location: { file, ...(line ? { line } : {}) },
        hint: 'Fix the template, or remove it from evidence.templates to use the built-in one.',
      });
    }
    cache.set(file, text);
  }
  return mustache().render(text, context, {}, { escape: asIs });
}

/**
 * No trailing spaces, at most one blank line in a row outside code fences, no blank lines at
 * either end: the same input renders the same bytes, and fenced output stays as captured.
 */
export function tidy(markdown: string): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const raw of markdown.split('\n')) {
    const line = raw.trimEnd();
    const mark = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (mark && mark[0] === fence[0] && mark.length >= fence.length && line.slice(mark.length).trim() === '') fence = undefined;
    } else if (mark) {
      fence = mark;
    } else if (line === '' && (out.length === 0 || out[out.length - 1] === '')) {
      continue;
    }
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
