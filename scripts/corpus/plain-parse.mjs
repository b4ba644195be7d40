#!/usr/bin/env node
/**
 * The baseline of `pnpm bench:real`: read and parse each listed file once, and nothing else.
 * Rust with web-tree-sitter and tree-sitter-rust, everything else with ts.createSourceFile.
 *
 *   node scripts/corpus/plain-parse.mjs <list.json>   (a JSON array of absolute paths)
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { rustParser } from './rust-scan.mjs';

const files = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const kinds = { '.tsx': ts.ScriptKind.TSX, '.jsx': ts.ScriptKind.JSX, '.js': ts.ScriptKind.JS, '.mjs': ts.ScriptKind.JS, '.cjs': ts.ScriptKind.JS };
// Both parsers are loaded before the clock starts: `loopMs` is the parsing alone, the process's
// whole CPU time (measured by the parent) also counts start-up and loading them.
const parser = files.some((f) => f.endsWith('.rs')) ? await rustParser() : undefined;
const start = process.cpuUsage();
let nodes = 0;
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.rs')) {
    const tree = parser.parse(text);
    nodes += tree.rootNode.descendantCount;
    tree.delete();
  } else {
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kinds[path.extname(file)] ?? ts.ScriptKind.TS);
    nodes += sf.statements.length;
  }
}
const used = process.cpuUsage(start);
process.stdout.write(`${JSON.stringify({ files: files.length, nodes, loopMs: (used.user + used.system) / 1000 })}\n`);
