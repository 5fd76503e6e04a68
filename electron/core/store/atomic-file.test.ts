import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { removeStaleTemps, writeFileAtomic } from './atomic-file';
import { makeTempDir, removeTempDir } from './test-support/test-job';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

describe('writeFileAtomic', () => {
  it('replaces the content whole and leaves no temp file', async () => {
    const path = join(dir, 'settings.json');
    await writeFileAtomic(path, 'old');
    await writeFileAtomic(path, 'new content');
    expect(await readFile(path, 'utf8')).toBe('new content');
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('leaves the old file and no temp file when the replace fails', async () => {
    const path = join(dir, 'target');
    await mkdir(path); // renaming a file over a directory fails
    await expect(writeFileAtomic(path, 'data')).rejects.toMatchObject({ code: expect.stringMatching(/EISDIR|EPERM/) });
    expect(await readdir(dir)).toEqual(['target']);
  });
});

describe('removeStaleTemps', () => {
  it('removes only the temp files of the named file', async () => {
    const path = join(dir, 'jobs.snapshot.json');
    await writeFile(path, 'keep');
    await writeFile(`${path}.tmp-1-abcd`, 'stale');
    await writeFile(join(dir, 'other.json.tmp-1-abcd'), 'not ours');
    expect(await removeStaleTemps(path)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['jobs.snapshot.json', 'other.json.tmp-1-abcd']);
  });
});
