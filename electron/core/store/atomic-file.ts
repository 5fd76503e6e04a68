// Replace a whole file so that a crash at any instant leaves either the old content or the new, never a mix:
// write a temp file beside it, fsync it, rename it over the target, fsync the directory (so the rename itself
// survives a power cut). A crash before the rename leaves a stray temp file, which removeStaleTemps() clears.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface AtomicWriteOptions {
  /** fsync the file and its directory (default true). Tests and benchmarks may turn it off. */
  readonly sync?: boolean;
}

/** The signature the stores accept, so tests can inject a writer that fails at a chosen step. */
export type AtomicFileWriter = (path: string, data: string | Uint8Array, options?: AtomicWriteOptions) => Promise<void>;

const TEMP_MARKER = '.tmp-';

export const writeFileAtomic: AtomicFileWriter = async (path, data, options = {}) => {
  const sync = options.sync ?? true;
  const temp = `${path}${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(data);
      if (sync) await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  if (sync) await syncDirectory(dirname(path));
};

/** Makes a rename or a newly created file in `dir` durable. Windows cannot open a directory; NTFS journals it. */
export async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Deletes temp files that a crash left beside `path` (they never hold the only copy of anything). */
export async function removeStaleTemps(path: string): Promise<number> {
  const prefix = `${basename(path)}${TEMP_MARKER}`;
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  const stale = names.filter((name) => name.startsWith(prefix));
  await Promise.all(stale.map((name) => rm(join(dirname(path), name), { force: true })));
  return stale.length;
}

// On Windows a rename over a file that an antivirus or indexer holds open fails briefly with EPERM/EBUSY.
const TRANSIENT_RENAME_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (process.platform !== 'win32' || !TRANSIENT_RENAME_CODES.has(code) || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 20));
    }
  }
}
