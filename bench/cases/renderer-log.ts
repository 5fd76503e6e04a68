// A job log of 200,000 lines with 5,000 new lines a second arriving (issue 4), in Chromium through the browser
// harness with a fake backend: the job view is open on a running job whose output already holds 200,000 lines
// (served page by page by jobs.getOutput), then job.output events bring 250 lines every 50 ms. Measured in the
// page: frame durations while the lines stream (p95 target < 20 ms; baseline: the same page idle for as long),
// and the JS heap after a forced GC at the end (target < 150 MB; baseline: the heap before streaming).

import { fakeFleet, fakeOutputLines, fleetBackend } from '../../harness/fake-fleet';
import type { ChannelArgs } from '../../shared/contract/api';
import { sampleDeleteJob } from '../../shared/contract/fixtures';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';
import { frameTimesDuring, heapUsedBytes, openHarnessBrowser } from '../lib/browser';
import { median, percentile } from '../lib/stats';

const JOB_ID = 'j-bench';
const INITIAL_LINES = 200_000;
const LINES_PER_TICK = 250;
const TICK_MS = 50;
const STREAM_MS = 5_000;
const MB = 1024 * 1024;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const rendererLog: BenchCase = {
  name: 'renderer-log',
  description: 'job log: 200,000 lines, 5,000 more a second: frame time p95, heap',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const fleet = fakeFleet(1, 5);
    let total = INITIAL_LINES;
    const job = () => sampleDeleteJob({ id: JOB_ID, hostId: 'hv01', status: 'running', outputLineCount: total });
    const page = ({ from, limit }: { from: number; limit: number }) => {
      const lines = fakeOutputLines(from, Math.max(0, Math.min(limit, total - from)));
      return { jobId: JOB_ID, from, nextSeq: from + lines.length, total, lines };
    };
    const backend = fleetBackend(fleet, {
      'jobs.list': ({ offset }: ChannelArgs<'jobs.list'>) => ({ jobs: [job()], total: 1, offset }),
      'jobs.get': ({ output }: ChannelArgs<'jobs.get'>) => ({ job: job(), output: output ? page(output) : null }),
      'jobs.getOutput': (range: ChannelArgs<'jobs.getOutput'>) => page(range),
    });
    const session = await openHarnessBrowser({ backend: backend.factory });
    try {
      const sink = await backend.events;
      await session.page.click('[data-testid="nav-jobs"]', { timeout: 30_000 });
      await session.page.click(`[data-testid="job-row-${JOB_ID}"]`, { timeout: 30_000 });
      await session.page.waitForSelector('[data-testid="job-output-line"]', { timeout: 30_000 });
      const heapBefore = await heapUsedBytes(session.cdp);

      const idle: number[][] = [];
      const streaming: number[][] = [];
      for (let round = 0; round < context.runs; round++) {
        idle.push(await frameTimesDuring(session.page, STREAM_MS, () => sleep(STREAM_MS)));
        streaming.push(
          await frameTimesDuring(session.page, STREAM_MS, async () => {
            for (let elapsed = 0; elapsed < STREAM_MS; elapsed += TICK_MS) {
              sink.emit('job.output', { jobId: JOB_ID, fromSeq: total, lines: fakeOutputLines(total, LINES_PER_TICK) });
              total += LINES_PER_TICK;
              await sleep(TICK_MS);
            }
          }),
        );
        const last = streaming.at(-1) ?? [];
        context.log(
          `round ${round + 1}/${context.runs}: streaming p95 ${percentile(last, 95).toFixed(1)} ms over ${last.length} frames; ${total} lines`,
        );
      }
      const heapAfter = await heapUsedBytes(session.cdp);
      const rendered = await session.page.locator('[data-testid="job-output-line"]').count();
      context.log(`heap ${(heapBefore / MB).toFixed(1)} MB before streaming, ${(heapAfter / MB).toFixed(1)} MB after`);
      context.log(`${rendered} line elements in the DOM at the end (virtualized)`);
      return [
        {
          name: 'log frame time p95, 5,000 lines/s',
          unit: 'ms',
          measured: median(streaming.map((frames) => percentile(frames, 95))),
          baseline: median(idle.map((frames) => percentile(frames, 95))),
          baselineLabel: 'the same page idle',
          target: { kind: 'below', limit: 20 },
          runs: context.runs,
          note: `p95 of ${STREAM_MS / 1000} s of frames per run; ${INITIAL_LINES.toLocaleString('en-US')} lines to start`,
        },
        {
          name: 'renderer heap after streaming',
          unit: 'MB',
          measured: heapAfter / MB,
          baseline: heapBefore / MB,
          baselineLabel: 'before streaming',
          target: { kind: 'below', limit: 150 },
          runs: 1,
          note: `after a forced GC; ${total.toLocaleString('en-US')} lines in the job at the end`,
        },
      ];
    } finally {
      await session.close();
    }
  },
};

export default rendererLog;
