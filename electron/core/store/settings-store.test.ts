import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AtomicFileWriter } from './atomic-file';
import { FileKeyValueStore, type KeyValueStore, MemoryKeyValueStore } from './settings-store';
import { makeTempDir, removeTempDir } from './test-support/test-job';

const Hosts = z.array(z.object({ name: z.string().min(1), port: z.number().int().positive() }));
const Retention = z.object({ keepNewest: z.number().int().positive() });

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

async function fileStore(options: { writeFile?: AtomicFileWriter; subdir?: string } = {}) {
  const store = new FileKeyValueStore({
    path: join(dir, options.subdir ?? '', 'settings.json'),
    sync: false,
    ...(options.writeFile ? { writeFile: options.writeFile } : {}),
  });
  await store.load();
  return store;
}

describe.each([
  ['MemoryKeyValueStore', async (): Promise<KeyValueStore> => new MemoryKeyValueStore()],
  ['FileKeyValueStore', async (): Promise<KeyValueStore> => fileStore()],
])('%s', (_name, create) => {
  it('gets what was set, undefined for what was not, and forgets deleted keys', async () => {
    const store = await create();
    expect(store.get('hosts', Hosts)).toBeUndefined();
    await store.set('hosts', Hosts, [{ name: 'hv01', port: 5985 }]);
    await store.set('retention', Retention, { keepNewest: 500 });
    expect(store.get('hosts', Hosts)).toEqual([{ name: 'hv01', port: 5985 }]);
    await store.delete('hosts');
    expect(store.get('hosts', Hosts)).toBeUndefined();
    expect(store.get('retention', Retention)).toEqual({ keepNewest: 500 });
  });

  it('refuses an invalid value and keeps the old one', async () => {
    const store = await create();
    await store.set('retention', Retention, { keepNewest: 500 });
    await expect(store.set('retention', Retention, { keepNewest: -3 })).rejects.toMatchObject({
      code: 'invalid-value',
    });
    expect(store.get('retention', Retention)).toEqual({ keepNewest: 500 });
  });

  it('throws rather than pretend a value that no longer fits its schema is unset', async () => {
    const store = await create();
    await store.set('retention', z.unknown(), { keepNewest: 'lots' });
    expect(() => store.get('retention', Retention)).toThrow(expect.objectContaining({ code: 'invalid-value' }));
  });

  it('stores copies: changing an object after set or get changes nothing stored', async () => {
    const store = await create();
    const hosts = [{ name: 'hv01', port: 5985 }];
    await store.set('hosts', Hosts, hosts);
    hosts[0] = { name: 'changed', port: 1 };
    const read = store.get('hosts', Hosts);
    read?.push({ name: 'extra', port: 2 });
    expect(store.get('hosts', Hosts)).toEqual([{ name: 'hv01', port: 5985 }]);
  });
});

describe('FileKeyValueStore', () => {
  it('persists across instances and keeps every one of many concurrent writes', async () => {
    const store = await fileStore();
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.set(`key${i}`, z.number(), i)));
    const again = await fileStore();
    for (let i = 0; i < 20; i++) expect(again.get(`key${i}`, z.number())).toBe(i);
  });

  it('keeps the old value in memory and on disk when the write fails after the temp file', async () => {
    let fail = false;
    const crashBeforeRename: AtomicFileWriter = async (path, data) => {
      if (!fail) return writeFile(path, data);
      await writeFile(`${path}.tmp-1-cafebabe`, String(data).slice(0, 10));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    };
    const store = await fileStore({ writeFile: crashBeforeRename });
    await store.set('retention', Retention, { keepNewest: 500 });
    fail = true;
    await expect(store.set('retention', Retention, { keepNewest: 10 })).rejects.toThrow('ENOSPC');
    await expect(store.delete('retention')).rejects.toThrow('ENOSPC');
    expect(store.get('retention', Retention)).toEqual({ keepNewest: 500 });

    const again = await fileStore();
    expect(again.get('retention', Retention)).toEqual({ keepNewest: 500 });
    expect(await readdir(dir)).toEqual(['settings.json']); // the stray temp file was cleared on load
  });

  it('keeps the old value when the real file system refuses the write', async () => {
    const store = await fileStore({ subdir: 'profile' });
    await store.set('retention', Retention, { keepNewest: 500 });
    await rm(join(dir, 'profile'), { recursive: true });
    await expect(store.set('retention', Retention, { keepNewest: 10 })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(store.get('retention', Retention)).toEqual({ keepNewest: 500 });
  });

  it('refuses to load a file that is not a JSON object, and leaves it alone', async () => {
    await writeFile(join(dir, 'settings.json'), '{"retention": {"keepNe');
    await expect(fileStore()).rejects.toMatchObject({ code: 'corrupt-file' });
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe('{"retention": {"keepNe');
  });
});
