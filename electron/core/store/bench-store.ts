// Benchmark of the persistence layer against the targets: with 10,000 stored jobs and 1,000,000 output
// lines, the job store is listable in under 300 ms (output logs are never read at load), and the first 1,000
// lines of a 200,000-line log read in under 100 ms. Also prints what durability costs per write. The timed figures
// come with a baseline measured the same way on the same files: the bare reads and JSON.parse any store must pay.
// Run: node --import jiti/register electron/core/store/bench-store.ts   (`npm run bench` runs it: bench/cases/store.ts)
import { execFile } from 'node:child_process';
import { mkdtemp, open, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { JobStore } from './job-store';
import { type OutputLineInput, OutputLogStore } from './output-log';

export interface BenchFigure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The limit, where it sets one. */
  readonly target?: number;
  /** The same figure for the bare work underneath, measured alike (a fresh process where this one used one). */
  readonly baseline?: { readonly value: number; readonly label: string };
}

const BARE_PARSE_LABEL = 'bare readFile + JSON.parse of snapshot and journal';

const BenchJobSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  type: z.enum(['delete', 'start', 'stop']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled', 'timed_out', 'interrupted']),
  hostId: z.string(),
  vm: z.object({ id: z.string(), name: z.string() }),
  requester: z.string(),
  parameters: z.object({ force: z.boolean(), planOnly: z.boolean() }),
  plan: z.object({ files: z.array(z.object({ path: z.string(), bytes: z.number(), action: z.string() })) }),
  steps: z.array(z.object({ name: z.string(), state: z.string(), startedAt: z.string().nullable() })),
  result: z.object({ deletedFiles: z.number(), keptFiles: z.number() }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  outputLines: z.number(),
});
type BenchJob = z.infer<typeof BenchJobSchema>;

const STEPS = ['validate', 'lock', 'cluster', 'power', 'checkpoints', 'disks', 'folders'];

function benchJob(n: number, outputLines: number): BenchJob {
  const time = new Date(Date.UTC(2024, 0, 1) + n * 60_000).toISOString();
  const vmName = `vm-${String(n).padStart(5, '0')}`;
  return {
    id: `job-${String(n).padStart(8, '0')}`,
    createdAt: time,
    updatedAt: time,
    type: 'delete',
    status: n % 10 === 0 ? 'failed' : 'succeeded',
    hostId: `host-${n % 8}`,
    vm: { id: `4f3c${String(n).padStart(4, '0')}-1b2a-4c5d-9e8f-0a1b2c3d4e5f`, name: vmName },
    requester: 'CORP\\admin',
    parameters: { force: n % 3 === 0, planOnly: false },
    plan: {
      files: Array.from({ length: 6 }, (_, f) => ({
        path: `C:\\ClusterStorage\\Volume1\\${vmName}\\Virtual Hard Disks\\${vmName}-disk${f}.vhdx`,
        bytes: 40_000_000_000 + f,
        action: f === 5 ? 'keep' : 'delete',
      })),
    },
    steps: STEPS.map((name) => ({ name, state: 'done', startedAt: time })),
    result: { deletedFiles: 5, keptFiles: 1 },
    error: n % 10 === 0 ? { code: 'file-locked', message: `The file ${vmName}.vhdx is in use.` } : null,
    outputLines,
  };
}

const outputLine = (n: number): OutputLineInput => ({
  ts: 1_704_067_200_000 + n,
  stream: 'stdout',
  text: `VERBOSE: Removing file C:\\ClusterStorage\\Volume1\\vm\\disk-${n}.vhdx (step ${n % 7})`,
});

async function time<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  return { ms: performance.now() - start, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export async function runStoreBench(options: { jobs?: number; totalLines?: number; bigLog?: number } = {}) {
  const jobCount = options.jobs ?? 10_000;
  const bigLog = options.bigLog ?? 200_000;
  const smallLog = Math.floor(((options.totalLines ?? 1_000_000) - bigLog) / (jobCount - 1));
  const dir = await mkdtemp(join(tmpdir(), 'hvd-bench-store-'));
  const figures: BenchFigure[] = [];
  try {
    // Set up: every job written as a put and three patches, as the engine would (journal and compactions).
    const writer = new JobStore({ dir: join(dir, 'jobs'), schema: BenchJobSchema, sync: false });
    await writer.load();
    const logs = new OutputLogStore({ dir: join(dir, 'output'), syncOnClose: false });
    const setup = await time(async () => {
      for (let n = 0; n < jobCount; n++) {
        const lines = n === 0 ? bigLog : smallLog;
        const job = benchJob(n, lines);
        await writer.put({ ...job, status: 'queued', result: null, error: null });
        await writer.patch(job.id, { status: 'running' });
        for (let from = 0; from < lines; from += 500) {
          await logs.append(
            job.id,
            Array.from({ length: Math.min(500, lines - from) }, (_, i) => outputLine(from + i)),
          );
        }
        await logs.close(job.id);
        await writer.patch(job.id, { steps: job.steps, result: job.result, error: job.error });
        await writer.patch(job.id, { status: job.status, outputLines: lines });
      }
    });
    await writer.close();
    figures.push({ name: 'setup (write 10k jobs x4 entries, 1M lines)', value: setup.ms, unit: 'ms' });
    const files = join(dir, 'jobs');
    const snapshotBytes = (await stat(join(files, 'jobs.v1.snapshot.json'))).size;
    const journalBytes = (await stat(join(files, 'jobs.v1.journal'))).size;
    figures.push({ name: 'snapshot size', value: snapshotBytes / 1e6, unit: 'MB' });
    figures.push({ name: 'journal size at load', value: journalBytes / 1e6, unit: 'MB' });

    // In fresh processes, as at app start: nothing warmed up by the setup above.
    const coldLoads: number[] = [];
    const bareParses: number[] = [];
    for (let i = 0; i < 5; i++) {
      coldLoads.push(await inFreshProcess(MEASURE_LOAD, files, jobCount));
      bareParses.push(await inFreshProcess(MEASURE_PARSE, files, jobCount));
    }
    figures.push({
      name: 'job store load + list, fresh process (median of 5)',
      value: median(coldLoads),
      unit: 'ms',
      target: 300,
      baseline: { value: median(bareParses), label: BARE_PARSE_LABEL },
    });
    figures.push({
      name: 'job store load + list, fresh process (worst of 5)',
      value: Math.max(...coldLoads),
      unit: 'ms',
    });
    const warm = await measureLoad(files, jobCount);
    figures.push({ name: 'job store load + list, warm process', value: warm, unit: 'ms' });

    // Worst case: the journal just short of triggering compaction, full of patches to replay and validate.
    const journalFull = await fillJournal(files, snapshotBytes / 4, jobCount);
    figures.push({ name: 'journal size, worst case', value: journalFull / 1e6, unit: 'MB' });
    const worst: number[] = [];
    const worstBare: number[] = [];
    for (let i = 0; i < 3; i++) {
      worst.push(await inFreshProcess(MEASURE_LOAD, files, jobCount));
      worstBare.push(await inFreshProcess(MEASURE_PARSE, files, jobCount));
    }
    figures.push({
      name: 'job store load + list, worst-case journal (median)',
      value: median(worst),
      unit: 'ms',
      target: 300,
      baseline: { value: median(worstBare), label: BARE_PARSE_LABEL },
    });

    const reads: number[] = [];
    const bareReads: number[] = [];
    const logPath = join(dir, 'output', `${benchJob(0, 0).id}.log`);
    const firstLinesBytes = await bytesOfFirstLines(logPath, 1000);
    for (let i = 0; i < 5; i++) {
      const reader = new OutputLogStore({ dir: join(dir, 'output') });
      const { ms, value } = await time(() => reader.read(benchJob(0, 0).id, 0, 1000));
      if (value.length !== 1000) throw new Error('short read');
      reads.push(ms);
      bareReads.push((await time(() => readHead(logPath, firstLinesBytes))).ms);
    }
    figures.push({
      name: 'first 1,000 lines of the 200k log (median)',
      value: median(reads),
      unit: 'ms',
      target: 100,
      baseline: { value: median(bareReads), label: `bare open + read of its first ${firstLinesBytes} bytes` },
    });
    const reader = new OutputLogStore({ dir: join(dir, 'output') });
    const id0 = benchJob(0, 0).id;
    figures.push({
      name: 'last 1,000 lines of the 200k log',
      value: (await time(() => reader.read(id0, bigLog - 1000, bigLog))).ms,
      unit: 'ms',
    });
    figures.push({ name: 'count lines of the 200k log', value: (await time(() => reader.count(id0))).ms, unit: 'ms' });

    const append = await time(async () => {
      for (let from = 0; from < bigLog; from += 500) {
        await reader.append(
          'append-bench',
          Array.from({ length: 500 }, (_, i) => outputLine(from + i)),
        );
      }
    });
    await reader.closeAll();
    figures.push({ name: 'output append, batches of 500', value: bigLog / (append.ms / 1000), unit: 'lines/s' });

    figures.push(...(await durabilityCost(join(dir, 'durability'))));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return figures;
}

/** Patches jobs (status, time and steps, as a running job does) until the journal nears `limit` bytes. */
async function fillJournal(dir: string, limit: number, jobCount: number): Promise<number> {
  const store = new JobStore({ dir, schema: BenchJobSchema, sync: false });
  await store.load();
  const journal = join(dir, 'jobs.v1.journal');
  for (let n = 0; ; n++) {
    const job = benchJob(n % jobCount, 0);
    await store.patch(job.id, { status: 'running', updatedAt: new Date().toISOString(), steps: job.steps });
    if (n % 500 === 0 && (await stat(journal)).size > limit * 0.97) break;
  }
  await store.close();
  return (await stat(journal)).size;
}

/** Loads the store and lists its newest 100 jobs; returns the milliseconds taken. */
async function measureLoad(dir: string, expected: number): Promise<number> {
  const store = new JobStore({ dir, schema: BenchJobSchema });
  const { ms, value } = await time(async () => {
    await store.load();
    return store.list(undefined, 100).length;
  });
  if (value !== 100 || store.size !== expected) throw new Error(`load found ${store.size} of ${expected} jobs`);
  await store.close();
  return ms;
}

/**
 * The floor under any load of this data: read the snapshot and the journal and JSON.parse every record and entry,
 * with nothing checked, validated or indexed. Returns the milliseconds taken.
 */
async function measureBareParse(dir: string, expected: number): Promise<number> {
  const { ms, value } = await time(async () => {
    const snapshot = await readFile(join(dir, 'jobs.v1.snapshot.json'), 'utf8');
    const records = JSON.parse(snapshot.slice(snapshot.indexOf('\n') + 1)) as unknown[];
    const journal = await readFile(join(dir, 'jobs.v1.journal'), 'utf8');
    let entries = 0;
    // Each journal line is `<8 hex digits of crc32> <json>`.
    for (const line of journal.split('\n')) {
      if (line.length > 9) {
        JSON.parse(line.slice(9));
        entries++;
      }
    }
    return { records: records.length, entries };
  });
  // The snapshot holds most jobs; the newest are still journal entries (puts and patches) until compaction.
  if (value.records + value.entries < expected) throw new Error(`bare parse found too few of ${expected} jobs`);
  return ms;
}

/** Byte length of the first `lines` lines of a file. */
async function bytesOfFirstLines(path: string, lines: number): Promise<number> {
  const bytes = await readFile(path);
  let end = 0;
  for (let n = 0; n < lines; n++) end = bytes.indexOf(0x0a, end) + 1;
  return end;
}

/** Opens the file, reads its first `bytes` bytes and closes it: what reading a log's first page costs at least. */
async function readHead(path: string, bytes: number): Promise<void> {
  const handle = await open(path, 'r');
  try {
    const { bytesRead } = await handle.read(Buffer.allocUnsafe(bytes), 0, bytes, 0);
    if (bytesRead !== bytes) throw new Error('short read');
  } finally {
    await handle.close();
  }
}

function inFreshProcess(mode: string, dir: string, expected: number): Promise<number> {
  const args = [...process.execArgv, fileURLToPath(import.meta.url), mode, dir, String(expected)];
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, (error, stdout) => {
      if (error) reject(error);
      else resolve(Number(stdout.trim()));
    });
  });
}

const MEASURE_LOAD = '--measure-load';
const MEASURE_PARSE = '--measure-bare-parse';

/** What an fsync per write costs, and what group commit saves when writes arrive together. */
async function durabilityCost(dir: string): Promise<BenchFigure[]> {
  const writes = 300;
  const perWrite = async (sync: boolean, concurrent: boolean, name: string): Promise<BenchFigure> => {
    const store = new JobStore({ dir: join(dir, name), schema: BenchJobSchema, sync });
    await store.load();
    const jobs = Array.from({ length: writes }, (_, n) => benchJob(n, 0));
    const { ms } = await time(async () => {
      if (concurrent) await Promise.all(jobs.map((job) => store.put(job)));
      else for (const job of jobs) await store.put(job);
    });
    await store.close();
    return { name: `put, ${name}`, value: (ms * 1000) / writes, unit: 'us/write' };
  };
  return [
    await perWrite(false, false, 'no fsync, one at a time'),
    await perWrite(true, false, 'fsync, one at a time'),
    await perWrite(true, true, `fsync, ${writes} concurrent (group commit)`),
  ];
}

function format(figure: BenchFigure): string {
  const value = figure.value >= 100 ? figure.value.toFixed(0) : figure.value.toFixed(2);
  const verdict =
    figure.target === undefined
      ? ''
      : `  (target < ${figure.target}: ${figure.value < figure.target ? 'met' : 'MISSED'})`;
  const baseline =
    figure.baseline === undefined ? '' : `  [baseline ${figure.baseline.value.toFixed(2)}: ${figure.baseline.label}]`;
  return `${figure.name.padEnd(52)} ${value.padStart(10)} ${figure.unit}${verdict}${baseline}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode, dir, expected] = process.argv.slice(2);
  if (mode === MEASURE_LOAD && dir) console.log(await measureLoad(dir, Number(expected)));
  else if (mode === MEASURE_PARSE && dir) console.log(await measureBareParse(dir, Number(expected)));
  else for (const figure of await runStoreBench()) console.log(format(figure));
}
