/**
 * Single-file components (`.svelte`, `.vue`): the code of their `<script>` blocks (`<script>`,
 * `<script setup>`, `<script context="module">` / `<script module>`), as one script the compiler's
 * parser reads. Everything outside the blocks is blanked (each character but line breaks becomes
 * a space), so a node's offset, line and column are those of the component file itself. The
 * markup left outside is kept as ranges: calls written in template expressions are not parsed,
 * and `sfc-markup.ts` says where they are.
 */
import { ts } from './syntax.js';

export const SFC_EXTENSIONS = ['.svelte', '.vue'] as const;

export function isSfc(rel: string): boolean {
  return SFC_EXTENSIONS.some((e) => rel.endsWith(e));
}

export interface Range {
  start: number;
  end: number;
}

export interface SfcScript {
  /** The component's text with everything outside its script blocks blanked. */
  text: string;
  kind: ts.ScriptKind;
  /** The markup: what is neither a script block, a style block nor an HTML comment. */
  markup: Range[];
}

// An HTML comment, or a script/style element (attribute values may hold `>`: `generic="T extends A<B>"`).
const BLOCKS = /<!--[\s\S]*?(?:-->|$)|<(script|style)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)(?:<\/\1\s*>|$)/gi;

function attribute(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/** Whether a script element holds code (not `type="application/ld+json"`, a template, …). */
function isCode(attrs: string): boolean {
  const type = attribute(attrs, 'type')?.toLowerCase();
  return type === undefined || type === 'module' || /(java|type|ecma)script|^text\/(ts|tsx|jsx)$/.test(type);
}

function kindOf(langs: readonly string[]): ts.ScriptKind {
  const tsx = langs.includes('tsx');
  const typed = langs.some((l) => l === 'ts' || l === 'typescript');
  if (tsx || (typed && langs.includes('jsx'))) return ts.ScriptKind.TSX;
  if (typed) return ts.ScriptKind.TS;
  return langs.includes('jsx') ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

const blank = (s: string): string => s.replace(/[^\r\n]/g, ' ');

export function sfcScript(text: string): SfcScript {
  const kept: Range[] = [];
  const skipped: Range[] = [];
  const langs: string[] = [];
  for (const m of text.matchAll(BLOCKS)) {
    const start = m.index;
    const end = start + m[0].length;
    skipped.push({ start, end });
    if (m[1]?.toLowerCase() !== 'script' || !isCode(m[2] ?? '')) continue;
    const bodyStart = start + 2 + m[1].length + (m[2] ?? '').length;
    kept.push({ start: bodyStart, end: bodyStart + (m[3] ?? '').length });
    langs.push((attribute(m[2] ?? '', 'lang') ?? 'js').toLowerCase());
  }
  let out = '';
  let at = 0;
  for (const k of kept) {
    out += blank(text.slice(at, k.start)) + text.slice(k.start, k.end);
    at = k.end;
    // Ends the block's last statement where its closing tag starts, so two blocks never run together.
    if (at < text.length && text[at] === '<') {
      out += ';';
      at += 1;
    }
  }
  out += blank(text.slice(at));
  const markup: Range[] = [];
  let from = 0;
  for (const s of skipped) {
    if (s.start > from) markup.push({ start: from, end: s.start });
    from = s.end;
  }
  if (from < text.length) markup.push({ start: from, end: text.length });
  return { text: out, kind: kindOf(langs), markup };
}
