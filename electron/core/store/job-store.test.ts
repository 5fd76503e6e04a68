import { appendFile, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AtomicFileWriter, writeFileAtomic } from './atomic-file';
import { JobStore, type JobStoreOptions } from './job-store';
import { StoreError } from './store-error';
import { makeTempDir, removeTempDir, type TestJob, TestJobSchema, testJob } from './test-support/test-job';

let dir: string;
const open: JobStore<TestJob>[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await removeTempDir(dir);
});

async function openStore(options: Partial<JobStoreOptions<TestJob>> = {}) {
  const store = new JobStore<TestJob>({ dir, schema: TestJobSchema, ...options });
  open.push(store);
  const report = await store.load();
  return { store, report };
}

async function reopen(store: JobStore<TestJob>, options: Partial<JobStoreOptions<TestJob>> = {}) {
  await store.close();
  return openStore(options);
}

const journalPath = () => join(dir, 'jobs.v1.journal');
const snapshotPath = () => join(dir, 'jobs.v1.snapshot.json');
const byId = (store: JobStore<TestJob>) => Object.fromEntries(store.list().map((job) => [job.id, job]));

describe('JobStore', () => {
  it('round-trips puts, patches and deletes through close and load', async () => {
    const { store } = await openStore();
    await store.put(testJob('a'));
    await store.put(testJob('b', { updatedAt: '2024-05-01T11:00:00.000Z' }));
    await store.patch('a', { status: 'running', counter: 1, updatedAt: '2024-05-01T12:00:00.000Z' });
    await store.put(testJob('c'));
    expect(await store.remove(['c', 'missing'])).toBe(1);
    const before = store.list();

    const { store: again, report } = await reopen(store);
    expect(again.list()).toEqual(before);
    expect(again.get('a')).toMatchObject({ status: 'running', counter: 1 });
    expect(again.get('c')).toBeUndefined();
    expect(report).toMatchObject({ records: 2, skippedEntries: 0, invalidRecordIds: [] });
    expect(report.journal).toEqual({ entries: 5, corruptLines: 0, truncatedTailBytes: 0 });
  });

  it('lists newest updatedAt first, filters and limits', async () => {
    const { store } = await openStore();
    await store.put(testJob('old', { updatedAt: '2024-01-01T00:00:00.000Z' }));
    await store.put(testJob('new', { updatedAt: '2024-03-01T00:00:00.000Z', status: 'failed' }));
    await store.put(testJob('mid', { updatedAt: '2024-02-01T00:00:00.000Z' }));
    expect(store.list().map((job) => job.id)).toEqual(['new', 'mid', 'old']);
    expect(store.list((job) => job.status === 'queued').map((job) => job.id)).toEqual(['mid', 'old']);
    expect(store.list(undefined, 1).map((job) => job.id)).toEqual(['new']);
  });

  it('stamps updatedAt on a patch from the clock and keeps the id', async () => {
    const { store } = await openStore({ clock: () => new Date('2030-01-02T03:04:05.000Z') });
    await store.put(testJob('a'));
    const patched = await store.patch('a', { note: 'x', id: 'other' } as Partial<TestJob>);
    expect(patched).toMatchObject({ id: 'a', note: 'x', updatedAt: '2030-01-02T03:04:05.000Z' });
    expect(store.get('other')).toBeUndefined();
  });

  it('rejects invalid records and unknown ids without changing anything, in memory or on disk', async () => {
    const { store } = await openStore();
    await store.put(testJob('a', { counter: 3 }));
    const bad = { ...testJob('a'), counter: -1 };
    await expect(store.put(bad)).rejects.toMatchObject({ code: 'invalid-value' });
    await expect(store.patch('a', { status: 'exploded' as TestJob['status'] })).rejects.toBeInstanceOf(StoreError);
    await expect(store.patch('nope', { counter: 1 })).rejects.toMatchObject({ code: 'not-found' });
    expect(store.get('a')?.counter).toBe(3);
    const { store: again } = await reopen(store);
    expect(again.get('a')).toMatchObject({ counter: 3, status: 'queued' });
  });

  it('hands out frozen copies that the caller cannot change', async () => {
    const { store } = await openStore();
    const input = testJob('a');
    const stored = await store.put(input);
    input.steps.push({ name: 'sneaky', state: 'x' });
    expect(Object.isFrozen(stored) && Object.isFrozen(stored.steps[0])).toBe(true);
    expect(() => {
      (stored as { counter: number }).counter = 9;
    }).toThrow(TypeError);
    expect(store.get('a')?.steps).toHaveLength(1);
  });

  it('refuses calls before load and after close', async () => {
    const store = new JobStore<TestJob>({ dir, schema: TestJobSchema });
    expect(() => store.list()).toThrow(expect.objectContaining({ code: 'not-open' }));
    await store.load();
    await store.close();
    await expect(store.put(testJob('a'))).rejects.toMatchObject({ code: 'not-open' });
  });

  it('group-commits concurrent writes and keeps all of them', async () => {
    const { store } = await openStore();
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.put(testJob(`j${i}`, { counter: i }))));
    await Promise.all(Array.from({ length: 200 }, (_, i) => store.patch(`j${i}`, { counter: i + 1 })));
    const { store: again } = await reopen(store);
    expect(again.size).toBe(200);
    expect(again.list().every((job) => job.counter === Number(job.id.slice(1)) + 1)).toBe(true);
  });
});

describe('JobStore recovery', () => {
  it('ignores a torn last line, keeps every earlier record and appends cleanly after it', async () => {
    const { store } = await openStore();
    await store.put(testJob('a'));
    await store.put(testJob('b'));
    await store.close();
    const fullLine = (await readFile(journalPath(), 'utf8')).split('\n')[1] ?? '';
    await appendFile(journalPath(), fullLine.slice(0, 25)); // a write cut short by a crash

    const { store: again, report } = await openStore();
    expect(report.journal).toMatchObject({ entries: 2, truncatedTailBytes: 25 });
    expect(Object.keys(byId(again)).sort()).toEqual(['a', 'b']);
    await again.put(testJob('c'));
    const { store: third, report: thirdReport } = await reopen(again);
    expect(thirdReport.journal).toEqual({ entries: 3, corruptLines: 0, truncatedTailBytes: 0 });
    expect(Object.keys(byId(third)).sort()).toEqual(['a', 'b', 'c']);
  });

  it('ignores lines whose checksum does not match and keeps the others', async () => {
    const { store } = await openStore();
    for (const id of ['a', 'b', 'c', 'd']) await store.put(testJob(id));
    await store.close();
    const lines = (await readFile(journalPath(), 'utf8')).split('\n');
    // Damage one line in the middle and the last one: same length, different bytes.
    lines[1] = (lines[1] ?? '').replace('"b"', '"X"');
    lines[3] = (lines[3] ?? '').replace('queued', 'qveued');
    await writeFile(journalPath(), lines.join('\n'));

    const { store: again, report } = await openStore();
    expect(report.journal).toMatchObject({ entries: 2, corruptLines: 2 });
    expect(Object.keys(byId(again)).sort()).toEqual(['a', 'c']);
  });

  it('compaction keeps everything and restarts the journal', async () => {
    const { store } = await openStore({ compactAtBytes: 2_000 });
    for (let i = 0; i < 60; i++) {
      await store.put(testJob(`j${i}`, { counter: i }));
      if (i % 3 === 0) await store.patch(`j${i}`, { status: 'running' });
      if (i % 10 === 9) await store.remove([`j${i - 5}`]);
    }
    await store.compact();
    expect((await stat(journalPath())).size).toBe(0);
    const expected = store.list();
    expect(expected).toHaveLength(54);

    const { store: again, report } = await reopen(store, { compactAtBytes: 2_000 });
    expect(again.list()).toEqual(expected);
    expect(report.journal.entries).toBe(0);
    await again.put(testJob('after'));
    const { store: third } = await reopen(again);
    expect(third.size).toBe(55);
  });

  it('loses nothing when a crash leaves the snapshot temp file unrenamed', async () => {
    const crashBeforeRename: AtomicFileWriter = async (path, data) => {
      await writeFile(`${path}.tmp-4242-deadbeef`, data);
      throw new Error('simulated crash between temp write and rename');
    };
    const { store } = await openStore({ writeFile: crashBeforeRename });
    for (let i = 0; i < 10; i++) await store.put(testJob(`j${i}`));
    await expect(store.compact()).rejects.toThrow('simulated crash');
    await store.put(testJob('later')); // the journal is still intact and writable
    const expected = store.list();

    const { store: again, report } = await reopen(store);
    expect(report.staleTempFiles).toBe(1);
    expect(again.list()).toEqual(expected);
    expect((await readdir(dir)).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('replays correctly when a crash came after the snapshot rename but before the journal reset', async () => {
    const { store } = await openStore();
    for (let i = 0; i < 5; i++) await store.put(testJob(`j${i}`));
    await store.patch('j1', { counter: 7 });
    const oldJournal = await readFile(journalPath());
    await store.compact();
    await store.remove(['j2']);
    await store.close();
    // Put back the pre-compaction entries in front, as if the reset never happened.
    const newJournal = await readFile(journalPath());
    await writeFile(journalPath(), Buffer.concat([oldJournal, newJournal]));

    const { store: again } = await openStore();
    expect(Object.keys(byId(again)).sort()).toEqual(['j0', 'j1', 'j3', 'j4']);
    expect(again.get('j1')?.counter).toBe(7);
  });

  it('refuses to load a damaged snapshot instead of silently starting empty', async () => {
    const { store } = await openStore();
    await store.put(testJob('a'));
    await store.compact();
    await store.close();
    const content = await readFile(snapshotPath(), 'utf8');
    await writeFileAtomic(snapshotPath(), content.replace('queued', 'qveued'), { sync: false });
    await expect(new JobStore({ dir, schema: TestJobSchema }).load()).rejects.toMatchObject({ code: 'corrupt-file' });
  });

  it('trusts stored records under the same schema version and revalidates them all under a new one', async () => {
    const { store } = await openStore();
    await store.put(testJob('good', { note: 'short' }));
    await store.put(testJob('bad', { note: 'this note is far too long for the stricter schema' }));
    await store.compact();
    await store.put(testJob('bad-in-journal', { note: 'also far too long for the stricter schema' }));
    await store.close();
    const stricter = TestJobSchema.extend({ note: TestJobSchema.shape.note.unwrap().max(10).optional() });

    // Same version: every record was validated when written and is checksummed, so none is validated again.
    const sameVersion = new JobStore({ dir, schema: stricter });
    expect((await sameVersion.load()).invalidRecordIds).toEqual([]);
    expect(sameVersion.size).toBe(3);
    await sameVersion.close();

    // New version: every record is validated, failures dropped, and the snapshot rewritten before load returns.
    const newVersion = new JobStore({ dir, schema: stricter, schemaVersion: 2 });
    expect([...(await newVersion.load()).invalidRecordIds].sort()).toEqual(['bad', 'bad-in-journal']);
    expect(newVersion.list().map((job) => job.id)).toEqual(['good']);
    expect((await stat(journalPath())).size).toBe(0);
    await newVersion.close();
    const { store: after, report } = await openStore({ schemaVersion: 2 });
    expect(report).toMatchObject({ records: 1, invalidRecordIds: [] });
    expect(Object.isFrozen(after.get('good')?.steps)).toBe(true);
  });

  it('matches an in-memory model over random operations, reloads and compactions', async () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const model = new Map<string, TestJob>();
    let { store } = await openStore({ compactAtBytes: 1_500 });
    for (let step = 0; step < 400; step++) {
      const id = `j${random(30)}`;
      const action = random(10);
      if (action < 4) {
        const job = testJob(id, { counter: step, updatedAt: new Date(step * 1000).toISOString() });
        model.set(id, job);
        await store.put(job);
      } else if (action < 7 && model.has(id)) {
        const changes = { counter: step, updatedAt: new Date(step * 1000).toISOString() };
        model.set(id, { ...(model.get(id) as TestJob), ...changes });
        await store.patch(id, changes);
      } else if (action < 8) {
        model.delete(id);
        await store.remove([id]);
      } else if (action < 9) {
        ({ store } = await reopen(store, { compactAtBytes: 1_500 }));
      }
      expect(store.size).toBe(model.size);
    }
    ({ store } = await reopen(store));
    expect(byId(store)).toEqual(Object.fromEntries(model));
  });
});

describe('JobStore retention', () => {
  it('keeps the newest N, drops older than D days, never drops protected records, and persists it', async () => {
    const now = new Date('2024-06-30T00:00:00.000Z');
    const { store } = await openStore({ clock: () => now });
    const day = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    await store.put(testJob('d1', { updatedAt: day(1) }));
    await store.put(testJob('d2', { updatedAt: day(2) }));
    await store.put(testJob('d5', { updatedAt: day(5) }));
    await store.put(testJob('d40', { updatedAt: day(40) }));
    await store.put(testJob('d50-running', { updatedAt: day(50), status: 'running' }));

    expect(await store.prune({ maxAgeDays: 30 }, (job) => job.status === 'running')).toEqual(['d40']);
    expect(await store.prune({ keepNewest: 2 }, (job) => job.status === 'running')).toEqual(['d5']);
    const { store: again } = await reopen(store);
    expect(again.list().map((job) => job.id)).toEqual(['d1', 'd2', 'd50-running']);
  });
});
