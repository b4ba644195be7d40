import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type HandlebarsNs from 'handlebars';
import { ConfigError } from '../../core/src/errors.js';
import { packageRoot } from '../../core/src/paths.js';
import type { EvidenceSettings } from './config.js';

export type TemplateName = 'task.hbs' | 'run-commands.hbs' | 'run-output.hbs';

// Loaded on the first render: linting evidence, which the gate does, never renders a template.
let hb: typeof HandlebarsNs | undefined;
const handlebars = () => (hb ??= (createRequire(import.meta.url)('handlebars') as typeof HandlebarsNs).create());
const cache = new Map<string, HandlebarsNs.TemplateDelegate>();

export function builtinTemplatesDir(): string {
  return path.join(packageRoot(), 'evidence', 'templates');
}

/** The configured template of that name when `evidence.templates` has one, else the built-in one. */
export function templateFile(settings: EvidenceSettings, name: TemplateName): string {
  const own = settings.templates ? path.join(settings.templates, name) : undefined;
  return own && fs.existsSync(own) ? own : path.join(builtinTemplatesDir(), name);
}

/** Markdown, not HTML: nothing is escaped, so values must already be safe markdown. */
export function render(settings: EvidenceSettings, name: TemplateName, context: object): string {
  const file = templateFile(settings, name);
  let template = cache.get(file);
  if (!template) {
    const compiled = handlebars().compile(fs.readFileSync(file, 'utf8'), { noEscape: true });
    template = compiled;
    cache.set(file, template);
  }
  try {
    return template(context);
  } catch (e) {
    const msg = (e as Error).message;
    const line = /line (\d+)/.exec(msg)?.[1];
    throw new ConfigError(`evidence template ${name} is not valid handlebars: ${msg.split('\n')[0]}`, {
      location: { file, ...(line ? { line: Number(line) } : {}) },
      hint: 'Fix the template, or remove it from evidence.templates to use the built-in one.',
    });
  }
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
