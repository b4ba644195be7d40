/**
 * A Rust file's module path from where it sits under the crate's `src/`, the way rustc maps
 * files to modules: `src/commands/agent.rs` → `commands::agent`, `src/commands/mod.rs` →
 * `commands`, `src/main.rs` and `src/lib.rs` → the crate root. Inline `mod x { … }` blocks add
 * segments on top of this while the tree is walked.
 */
export function moduleSegments(rel: string): string[] {
  const parts = rel.split('/');
  const src = parts.lastIndexOf('src');
  const under = src >= 0 ? parts.slice(src + 1) : parts;
  const last = under.pop();
  if (last === undefined) return [];
  const stem = last.replace(/\.rs$/, '');
  // `src/bin/tool.rs` is its own crate root, like main.rs.
  if (under.length === 1 && under[0] === 'bin') return [];
  if (under.length === 0 && (stem === 'main' || stem === 'lib')) return [];
  if (stem === 'mod') return under;
  return [...under, stem];
}

export function joinPath(segments: readonly string[], name?: string): string {
  return (name === undefined ? segments : [...segments, name]).join('::');
}
