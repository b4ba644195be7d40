import path from 'node:path';

/**
 * Links from the dashboard to the project's files (evidence, stored outputs). Paths in the gate's
 * result are relative to the config folder; the page lives in the dashboard folder, so each link
 * is made relative to it. Without both folders, links stay relative to the config folder.
 */
export function linker(opts: { projectDir?: string; dashboardDir?: string }): (rel: string) => string {
  const { projectDir, dashboardDir } = opts;
  const encode = (p: string) => (/^[\w./-]*$/.test(p) ? p : p.split('/').map(encodeURIComponent).join('/'));
  if (!projectDir || !dashboardDir) return encode;
  // One relative step from the page to the project, then each link joined to it (thousands of tasks link their evidence).
  const up = path.relative(dashboardDir, projectDir).split(path.sep).join('/');
  return (rel) => encode(up ? path.posix.normalize(`${up}/${rel}`) : rel);
}

/** Element ids unique within one page, however alike the names they come from: `x`, `x-2`, `x-3`. */
export function uniqueIds(): (base: string) => string {
  const used = new Map<string, number>();
  return (base) => {
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };
}
