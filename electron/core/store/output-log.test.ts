import { appendFile, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type OutputLineInput, OutputLogStore } from './output-log';
import { makeTempDir, removeTempDir } from './test-support/test-job';

let dir: string;
const stores: OutputLogStore[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.closeAll()));
  await removeTempDir(dir);
});

function openStore(indexEvery = 10) {
  const store = new OutputLogStore({ dir, indexEvery, syncOnClose: false });
  stores.push(store);
  return store;
}

const line = (n: number, stream = 'stdout'): OutputLineInput => ({
  ts: 1_700_000_000_000 + n,
  stream,
  text: `line ${n}`,
});
const lines = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => line(from + i));
const texts = (read: { text: string }[]) => read.map((l) => l.text);
const logPath = (jobId: string) => join(dir, `${jobId}.log`);
const idxPath = (jobId: string) => join(dir, `${jobId}.idx`);

async function appendInBatches(store: OutputLogStore, jobId: string, total: number) {
  let seed = 7;
  for (let n = 0; n < total; ) {
    seed = (seed * 48271) % 2147483647;
    const size = Math.min(1 + (seed % 37), total - n);
    await store.append(jobId, lines(n, n + size));
    n += size;
  }
}

describe('OutputLogStore', () => {
  it('round-trips lines with their seq, stream, timestamp and any text', async () => {
    const store = openStore();
    const odd = { ts: 5, stream: 'stderr', text: 'naïve "quotes"\nnewline \u2028 $(rm -rf) `tick` \u{1F600}' };
    expect(await store.append('job-1', [line(0), odd])).toEqual({ firstSeq: 0, count: 2 });
    expect(await store.append('job-1', [line(2)])).toEqual({ firstSeq: 2, count: 1 });
    expect(await store.read('job-1', 0, 10)).toEqual([
      { seq: 0, ...line(0) },
      { seq: 1, ...odd },
      { seq: 2, ...line(2) },
    ]);
    expect(await store.count('job-1')).toBe(3);
  });

  it('returns exactly the requested range, across index checkpoints, live and after reopening', async () => {
    const store = openStore();
    await appendInBatches(store, 'job', 1_000);
    const check = async (reader: OutputLogStore) => {
      for (const [from, to] of [
        [0, 1],
        [0, 10],
        [9, 11],
        [10, 20],
        [123, 457],
        [990, 1_000],
        [995, 1_200],
        [1_000, 1_005],
        [5_000, 6_000],
        [400, 400],
      ] as const) {
        const read = await reader.read('job', from, to);
        const end = Math.min(to, 1_000);
        expect(read.map((l) => l.seq)).toEqual(Array.from({ length: Math.max(0, end - from) }, (_, i) => from + i));
        expect(texts(read)).toEqual(texts(lines(from, Math.max(from, end))));
      }
      expect(await reader.count('job')).toBe(1_000);
    };
    await check(store);
    expect((await stat(idxPath('job'))).size).toBe(100 * 8);
    await store.close('job');
    await check(openStore());
  });

  it('indexes the exact byte offsets of lines with multi-byte text, each line stored as its JSON object', async () => {
    const store = openStore();
    const wide = (n: number): OutputLineInput => ({
      ts: 1_700_000_000_000.25 + n,
      stream: n % 3 === 0 ? 'stderr' : 'stdout',
      text: `Zeile ${n} \u00fc \u4e2d\u6587 \u{1F600} "q" \\ \t ${'\u00e9'.repeat(n)}`,
    });
    const all = Array.from({ length: 95 }, (_, n) => wide(n));
    for (let n = 0; n < all.length; n += 7) await store.append('job', all.slice(n, n + 7));
    await store.close('job');

    const content = await readFile(logPath('job'));
    const starts = [0];
    for (let at = content.indexOf(10); at !== -1 && at + 1 < content.length; at = content.indexOf(10, at + 1)) {
      starts.push(at + 1);
    }
    const index = await readFile(idxPath('job'));
    const offsets = Array.from({ length: index.length / 8 }, (_, k) => Number(index.readBigUInt64LE(k * 8)));
    expect(offsets).toEqual(Array.from({ length: 10 }, (_, k) => starts[k * 10]));
    const stored = content.toString('utf8').split('\n');
    expect(stored[41]).toBe(JSON.stringify({ seq: 41, ...wide(41) }));
    expect(await openStore().read('job', 41, 63)).toEqual(all.slice(41, 63).map((l, i) => ({ seq: 41 + i, ...l })));
  });

  it('continues the sequence when a closed log is appended to again', async () => {
    await openStore().append('job', lines(0, 25));
    const again = openStore();
    expect(await again.append('job', lines(25, 40))).toEqual({ firstSeq: 25, count: 15 });
    expect(texts(await again.read('job', 0, 100))).toEqual(texts(lines(0, 40)));
  });

  it('ignores a torn last line and cuts it off before the next append', async () => {
    const store = openStore();
    await store.append('job', lines(0, 15));
    await store.close('job');
    await appendFile(logPath('job'), '{"seq":15,"ts":1,"stream":"stdout","te');

    const reader = openStore();
    expect(await reader.count('job')).toBe(15);
    expect(texts(await reader.read('job', 10, 20))).toEqual(texts(lines(10, 15)));
    await reader.append('job', lines(15, 22));
    expect(texts(await reader.read('job', 0, 30))).toEqual(texts(lines(0, 22)));
    expect((await readFile(logPath('job'), 'utf8')).split('\n')).toHaveLength(23); // 22 lines + final ''
  });

  it('rebuilds a lost, torn or wrong index from the last good checkpoint', async () => {
    const store = openStore();
    await store.append('job', lines(0, 95));
    await store.close('job');
    const goodIndex = await readFile(idxPath('job'));

    // Torn: the last entry half written and two whole entries missing.
    await writeFile(idxPath('job'), goodIndex.subarray(0, 6 * 8 + 3));
    expect(await openStore().count('job')).toBe(95);
    expect(texts(await openStore().read('job', 75, 85))).toEqual(texts(lines(75, 85)));
    const repaired = openStore();
    await repaired.append('job', lines(95, 101));
    await repaired.close('job');
    expect(await readFile(idxPath('job'))).toEqual(
      Buffer.concat([goodIndex, (await readFile(idxPath('job'))).subarray(goodIndex.length)]),
    );
    expect((await stat(idxPath('job'))).size).toBe(11 * 8);

    // Wrong: entries pointing into the middle of lines are distrusted by readers and dropped by the writer.
    const wrong = Buffer.from(await readFile(idxPath('job')));
    wrong.writeBigUInt64LE(BigInt(Number(wrong.readBigUInt64LE(5 * 8)) + 3), 5 * 8);
    wrong.writeBigUInt64LE(BigInt(Number(wrong.readBigUInt64LE(10 * 8)) + 1), 10 * 8);
    await writeFile(idxPath('job'), wrong);
    expect(texts(await openStore().read('job', 50, 60))).toEqual(texts(lines(50, 60)));
    expect(texts(await openStore().read('job', 98, 101))).toEqual(texts(lines(98, 101)));

    // Lost entirely.
    await rm(idxPath('job'));
    expect(texts(await openStore().read('job', 60, 62))).toEqual(texts(lines(60, 62)));
    const rebuilt = openStore();
    await rebuilt.append('job', [line(101)]);
    await rebuilt.close('job');
    expect((await stat(idxPath('job'))).size).toBe(11 * 8);
  });

  it('copes with an index that points past the data (lines lost in a power cut)', async () => {
    const store = openStore();
    await store.append('job', lines(0, 50));
    await store.close('job');
    const content = await readFile(logPath('job'), 'utf8');
    const keep = content.split('\n').slice(0, 33).join('\n').length + 1;
    await truncate(logPath('job'), keep);
    const reader = openStore();
    expect(await reader.count('job')).toBe(33);
    expect(texts(await reader.read('job', 30, 50))).toEqual(texts(lines(30, 33)));
    await reader.append('job', lines(33, 45));
    expect(texts(await reader.read('job', 0, 50))).toEqual(texts(lines(0, 45)));
  });

  it('never shows a half-written batch to a concurrent reader', async () => {
    const store = openStore();
    const writes = Array.from({ length: 40 }, (_, b) => store.append('job', lines(b * 25, b * 25 + 25)));
    const reads: number[] = [];
    for (let i = 0; i < 40; i++) {
      const read = await store.read('job', 0, 10_000);
      expect(read.map((l) => l.seq)).toEqual(read.map((_, n) => n));
      reads.push(read.length);
    }
    await Promise.all(writes);
    expect(reads.every((n) => n % 25 === 0)).toBe(true);
    expect(await store.count('job')).toBe(1_000);
  });

  it('treats a missing log as empty, removes logs, and rejects unsafe ids and bad ranges', async () => {
    const store = openStore();
    expect(await store.read('nothing', 0, 10)).toEqual([]);
    expect(await store.count('nothing')).toBe(0);
    await store.append('gone', lines(0, 3));
    await store.remove('gone');
    expect(await readdir(dir)).toEqual([]);
    expect(await store.count('gone')).toBe(0);
    for (const bad of ['../x', 'a/b', '', '.hidden', 'a\\b', 'x'.repeat(200)]) {
      expect(() => store.append(bad, [line(0)])).toThrow(expect.objectContaining({ code: 'invalid-argument' }));
    }
    await expect(store.read('job', 5, 2)).rejects.toMatchObject({ code: 'invalid-argument' });
    await expect(store.read('job', -1, 2)).rejects.toMatchObject({ code: 'invalid-argument' });
  });
});
