import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes through a temp file in the same folder and a rename, so a reader never sees half a file.
 * With `exclusive`, an existing file is never replaced (the rename becomes a hard link, which fails
 * with EEXIST when another writer got there first).
 */
export async function writeFileAtomic(file: string, data: string | Buffer, opts: { exclusive?: boolean } = {}): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  await fs.writeFile(tmp, data);
  try {
    if (opts.exclusive) await fs.link(tmp, file);
    else await fs.rename(tmp, file);
  } finally {
    await fs.rm(tmp, { force: true });
  }
}
