import { AppException, appError } from '@shared/contract/errors';
import { SAMPLE_TIME, sampleDeleteJob, sampleLifecycleJob, sampleOutputLine } from '@shared/contract/fixtures';
import type { JobInfo, JobOutputLine } from '@shared/contract/jobs';
import { describe, expect, it } from 'vitest';
import { createFakeApi, type FakeHandlers } from '../test-support/fake-api';
import { connectJobsEvents, createJobsStore, type JobsStoreOptions, selectRunningCount } from './jobs-store';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function makeLines(from: number, count: number): JobOutputLine[] {
  return Array.from({ length: count }, (_, i) => sampleOutputLine(from + i));
}

/** A job's stored log as main would serve it page by page. */
function outputHandler(log: JobOutputLine[]): NonNullable<FakeHandlers['jobs.getOutput']> {
  return ({ jobId, from, limit }) => {
    const lines = log.slice(from, from + limit);
    return { jobId, from, nextSeq: from + lines.length, total: log.length, lines };
  };
}

function setup(handlers: FakeHandlers = {}, jobs: JobInfo[] = [], options: JobsStoreOptions = {}) {
  const fake = createFakeApi({
    'jobs.list': () => ({ jobs, total: jobs.length, offset: 0 }),
    ...handlers,
  });
  const store = createJobsStore(fake.api, options);
  const disconnect = connectJobsEvents(fake.api, store);
  return { fake, store, disconnect };
}

const older = sampleDeleteJob({ id: 'j-1', status: 'succeeded', createdAt: '2025-01-02T09:00:00.000Z' });
const newer = sampleDeleteJob({ id: 'j-2', status: 'running', createdAt: '2025-01-02T10:00:00.000Z' });

describe('jobs store: the list', () => {
  it('reads the newest page of the history on connect, newest first', async () => {
    const { fake, store } = setup({}, [older, newer]);
    await settle();
    expect(fake.calls.find((c) => c.channel === 'jobs.list')?.args).toEqual({ offset: 0, limit: 500 });
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().jobs.map((j) => j.id)).toEqual(['j-2', 'j-1']);
    expect(selectRunningCount(store.getState())).toBe(1);
  });

  it('follows job.created and job.updated, keeping newest first and counting running jobs', async () => {
    const { fake, store } = setup({}, [older]);
    await settle();
    fake.emit('job.created', { job: sampleLifecycleJob({ id: 'j-3', status: 'queued', createdAt: SAMPLE_TIME }) });
    await settle();
    expect(store.getState().jobs.map((j) => j.id)).toEqual(['j-3', 'j-1']);
    expect(selectRunningCount(store.getState())).toBe(0);
    fake.emit('job.updated', { job: sampleLifecycleJob({ id: 'j-3', status: 'running', createdAt: SAMPLE_TIME }) });
    expect(selectRunningCount(store.getState())).toBe(1);
    expect(store.getState().jobs).toHaveLength(2);
  });

  it("keeps an event's copy of a job over the copy of a list page that was in flight", async () => {
    let answer: (() => void) | undefined;
    const { fake, store } = setup({
      'jobs.list': () =>
        new Promise((resolve) => {
          answer = () => resolve({ jobs: [{ ...newer, status: 'running' }], total: 1, offset: 0 });
        }),
    });
    await settle();
    fake.emit('job.updated', { job: { ...newer, status: 'succeeded' } });
    answer?.();
    await settle();
    expect(store.getState().jobs.map((j) => j.status)).toEqual(['succeeded']);
  });

  it('reports a failed list read', async () => {
    const { store } = setup({
      'jobs.list': () => {
        throw new AppException(appError('store_failed', 'disk full'));
      },
    });
    await settle();
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().loadError?.code).toBe('store_failed');
  });

  it('groups the jobs created in one batch (a multi-select delete) as submitted together', async () => {
    const { fake, store } = setup();
    await settle();
    fake.emit('job.created', { job: sampleDeleteJob({ id: 'j-10', status: 'queued' }) });
    fake.emit('job.created', { job: sampleDeleteJob({ id: 'j-11', status: 'queued' }) });
    fake.emit('job.updated', { job: sampleDeleteJob({ id: 'j-10', status: 'running' }) });
    fake.emit('job.created', { job: sampleDeleteJob({ id: 'j-12', status: 'queued' }) });
    await settle();
    expect(store.getState().submittedTogether).toEqual(['j-10', 'j-11', 'j-12']);
    expect(store.getState().jobs.find((j) => j.id === 'j-10')?.status).toBe('running');

    fake.emit('job.created', { job: sampleDeleteJob({ id: 'j-13', status: 'queued' }) });
    await settle();
    expect(store.getState().submittedTogether).toEqual(['j-10', 'j-11', 'j-12']); // a single job is no group
  });

  it('cancels and retries through their channels and applies the answer', async () => {
    const failed = sampleDeleteJob({ id: 'j-5', status: 'failed' });
    const { fake, store } = setup(
      {
        'jobs.cancel': ({ jobId }) => sampleDeleteJob({ id: jobId, status: 'cancelled' }),
        'jobs.retry': ({ jobId }) => sampleDeleteJob({ id: 'j-6', status: 'queued', retryOf: jobId }),
      },
      [failed, newer],
    );
    await settle();
    const cancelled = await store.getState().cancel('j-2');
    expect(cancelled.ok).toBe(true);
    expect(store.getState().jobs.find((j) => j.id === 'j-2')?.status).toBe('cancelled');
    const retried = await store.getState().retry('j-5');
    expect(retried.ok && retried.value.retryOf).toBe('j-5');
    expect(store.getState().jobs.some((j) => j.id === 'j-6')).toBe(true);
    expect(fake.calls.map((c) => c.channel)).toEqual(['jobs.list', 'jobs.cancel', 'jobs.retry']);
  });
});

describe('jobs store: the viewed job output', () => {
  it('reads the tail of the viewed job, then appends live batches', async () => {
    const log = makeLines(0, 3);
    const job = sampleDeleteJob({ id: 'j-7', outputLineCount: 3 });
    const { fake, store } = setup({ 'jobs.getOutput': outputHandler(log) }, [job]);
    await settle();
    store.getState().viewOutput('j-7');
    await settle();
    expect(fake.calls.filter((c) => c.channel === 'jobs.getOutput').map((c) => c.args)).toEqual([
      { jobId: 'j-7', from: 0, limit: 1024 },
    ]);
    log.push(...makeLines(3, 2));
    fake.emit('job.output', { jobId: 'j-7', fromSeq: 3, lines: makeLines(3, 2) });
    const output = store.getState().output;
    expect(output?.total).toBe(5);
    expect(output?.buffer.line(4)?.text).toBe('line 4');
    // Another job's output is not held.
    fake.emit('job.output', { jobId: 'j-1', fromSeq: 0, lines: makeLines(0, 9) });
    expect(store.getState().output?.total).toBe(5);
  });

  it('dedupes overlapping batches by seq and re-reads a gap', async () => {
    const log = makeLines(0, 10);
    const job = sampleDeleteJob({ id: 'j-7', status: 'running', outputLineCount: 0 });
    const { fake, store } = setup({ 'jobs.getOutput': outputHandler(log) }, [job]);
    await settle();
    store.getState().viewOutput('j-7');
    await settle();
    fake.calls.length = 0;

    fake.emit('job.output', { jobId: 'j-7', fromSeq: 0, lines: makeLines(0, 3) });
    fake.emit('job.output', { jobId: 'j-7', fromSeq: 2, lines: makeLines(2, 3) }); // seq 2 again
    expect(store.getState().output?.buffer.storedLines).toBe(10); // the first read held all 10 already
    expect(fake.calls).toEqual([]);
  });

  it('re-reads exactly the missing range when a batch starts after the last line received', async () => {
    const log = makeLines(0, 10);
    const job = sampleDeleteJob({ id: 'j-7', status: 'running', outputLineCount: 0 });
    const { fake, store } = setup(
      { 'jobs.getOutput': () => ({ jobId: 'j-7', from: 0, nextSeq: 0, total: 0, lines: [] }) },
      [job],
    );
    await settle();
    store.getState().viewOutput('j-7');
    await settle();
    fake.handle({ 'jobs.getOutput': outputHandler(log) });
    fake.calls.length = 0;

    fake.emit('job.output', { jobId: 'j-7', fromSeq: 0, lines: makeLines(0, 3) });
    fake.emit('job.output', { jobId: 'j-7', fromSeq: 2, lines: makeLines(2, 3) });
    expect(store.getState().output?.buffer.storedLines).toBe(5); // 0..4, seq 2 once
    expect(fake.calls).toEqual([]);

    fake.emit('job.output', { jobId: 'j-7', fromSeq: 8, lines: makeLines(8, 2) }); // 5..7 never came
    expect(fake.calls).toEqual([{ channel: 'jobs.getOutput', args: { jobId: 'j-7', from: 5, limit: 3 } }]);
    await settle();
    const output = store.getState().output;
    expect(output?.total).toBe(10);
    expect(output?.buffer.storedLines).toBe(10);
    expect([5, 6, 7].map((seq) => output?.buffer.line(seq)?.text)).toEqual(['line 5', 'line 6', 'line 7']);
  });

  it('reads what is on screen and not held, once per range', async () => {
    const log = makeLines(0, 5000);
    const job = sampleDeleteJob({ id: 'j-7', status: 'succeeded', outputLineCount: 5000 });
    const { fake, store } = setup({ 'jobs.getOutput': outputHandler(log) }, [job]);
    await settle();
    store.getState().viewOutput('j-7');
    await settle();
    expect(store.getState().output?.buffer.line(100)).toBeUndefined(); // only the tail was read
    fake.calls.length = 0;
    store.getState().ensureOutput(100, 150);
    store.getState().ensureOutput(100, 150); // in flight: not asked twice
    await settle();
    expect(fake.calls.map((c) => c.args)).toEqual([{ jobId: 'j-7', from: 100, limit: 50 }]);
    expect(store.getState().output?.buffer.line(120)?.text).toBe('line 120');
  });

  it('reads rows on screen that an earlier read held back once that read answered', async () => {
    const log = makeLines(0, 5000);
    const job = sampleDeleteJob({ id: 'j-7', status: 'succeeded', outputLineCount: 5000 });
    const { store } = setup({ 'jobs.getOutput': outputHandler(log) }, [job]);
    await settle();
    store.getState().viewOutput('j-7'); // reads 3976..4999: chunk 3 (3072..4095) is in flight
    store.getState().ensureOutput(3900, 3990); // skipped for now: its chunk is in flight
    await settle();
    await settle();
    expect(store.getState().output?.buffer.line(3950)?.text).toBe('line 3950');
  });

  it('drops the output of a job no longer viewed', async () => {
    const job = sampleDeleteJob({ id: 'j-7', outputLineCount: 2 });
    const { fake, store } = setup({ 'jobs.getOutput': outputHandler(makeLines(0, 2)) }, [job]);
    await settle();
    store.getState().viewOutput('j-7');
    await settle();
    expect(store.getState().output?.buffer.storedLines).toBe(2);
    store.getState().viewOutput('j-1');
    expect(store.getState().output?.jobId).toBe('j-1');
    fake.emit('job.output', { jobId: 'j-7', fromSeq: 2, lines: makeLines(2, 1) });
    expect(store.getState().output?.buffer.storedLines).toBe(0);
    store.getState().releaseOutput('j-7'); // not the viewed one: nothing happens
    expect(store.getState().output?.jobId).toBe('j-1');
    store.getState().releaseOutput('j-1');
    expect(store.getState().output).toBeNull();
  });

  it('holds a 200,000-line live log in a bounded number of chunks, without copying per batch', async () => {
    const job = sampleDeleteJob({ id: 'j-9', status: 'running', outputLineCount: 0 });
    const { fake, store } = setup(
      { 'jobs.getOutput': ({ jobId, from }) => ({ jobId, from, nextSeq: from, total: 0, lines: [] }) },
      [job],
      { buffer: { chunkSize: 1024, maxChunks: 64 } },
    );
    await settle();
    store.getState().viewOutput('j-9');
    await settle();
    const buffer = store.getState().output?.buffer;
    let versions = 0;
    const unsubscribe = store.subscribe(() => versions++);
    const chunksAfterFirstBatch: unknown[] = [];
    for (let from = 0; from < 200_000; from += 5_000) {
      fake.emit('job.output', { jobId: 'j-9', fromSeq: from, lines: makeLines(from, 5_000) });
      store.getState().ensureOutput(Math.max(0, from + 5_000 - 50), from + 5_000); // following the end
      if (from === 0) chunksAfterFirstBatch.push(...[0, 1, 2, 3, 4].map((i) => buffer?.chunkAt(i)?.texts));
      if (from === 5_000) {
        // The second batch filled chunk 4 (seq 4096..5119) in place; chunks 0..3 were not touched or copied.
        expect([0, 1, 2, 3, 4].map((i) => buffer?.chunkAt(i)?.texts)).toEqual(chunksAfterFirstBatch);
        for (const [i, texts] of chunksAfterFirstBatch.entries()) expect(buffer?.chunkAt(i)?.texts).toBe(texts);
      }
    }
    unsubscribe();
    const output = store.getState().output;
    expect(output?.buffer).toBe(buffer); // one buffer, mutated in place, for the whole stream
    expect(output?.total).toBe(200_000);
    expect(versions).toBe(40); // one state change per batch
    expect(buffer?.chunkCount).toBeLessThanOrEqual(64);
    expect(buffer?.storedLines).toBeLessThanOrEqual(64 * 1024);
    expect(buffer?.line(199_999)?.text).toBe('line 199999');
    expect(buffer?.chunkAt(0)).toBeUndefined(); // the oldest chunks were dropped, not kept forever
    expect(buffer?.chunkAt(195)?.texts).toHaveLength(1024); // chunks have a fixed size: never grown by copying
  });
});
