// Child process for crash-safety.test.ts: writes jobs and output as fast as it can, in a few concurrent loops,
// and prints an acknowledgement line only after each write's promise resolved. The test kills it with SIGKILL
// at a random moment and checks every acknowledged write survived.
//   argv: <dataDir> <run number>
// Prints: `ready`, `put <id>`, `patch <id> <counter>`, `out <id> <lineCount>`, `deleting <id>`, `del <id>`.
import { join } from 'node:path';
import { JobStore } from '../job-store';
import { OutputLogStore } from '../output-log';
import { SerialQueue } from '../serial-queue';
import { lineText, type TestJob, TestJobSchema, testJob } from './test-job';

const [dataDir, runArg] = process.argv.slice(2);
if (!dataDir || !runArg) throw new Error('usage: crash-child <dataDir> <run>');
const run = Number(runArg);
// Never outlive a test run that lost track of us.
setTimeout(() => process.exit(3), 30_000).unref();

const ack = (line: string) => process.stdout.write(`${line}\n`);

const jobs = new JobStore<TestJob>({ dir: join(dataDir, 'jobs'), schema: TestJobSchema, compactAtBytes: 8_192 });
const logs = new OutputLogStore({ dir: join(dataDir, 'output'), indexEvery: 50 });
const lineCounts = new Map<string, number>();

const outputQueues = new Map<string, SerialQueue>();

/** Appends `size` lines; appends to one job are queued here so each knows the seq its lines will get. */
function appendOutput(jobId: string, size: number): Promise<void> {
  const queue = outputQueues.get(jobId) ?? new SerialQueue();
  outputQueues.set(jobId, queue);
  return queue.run(() => appendNow(jobId, size));
}

async function appendNow(jobId: string, size: number): Promise<void> {
  const first = lineCounts.get(jobId) ?? (await logs.count(jobId));
  lineCounts.set(jobId, first + size);
  const batch = Array.from({ length: size }, (_, i) => ({
    ts: Date.now(),
    stream: 'stdout',
    text: lineText(jobId, first + i),
  }));
  const { firstSeq, count } = await logs.append(jobId, batch);
  if (firstSeq !== first) throw new Error(`seq ${firstSeq} where ${first} was expected`);
  ack(`out ${jobId} ${firstSeq + count}`);
}

async function worker(name: string): Promise<never> {
  for (let i = 0; ; i++) {
    const id = `r${run}-${name}-${i}`;
    await jobs.put(testJob(id, { status: 'running', updatedAt: new Date().toISOString() }));
    ack(`put ${id}`);
    for (let step = 1; step <= 3; step++) {
      // Now and then a batch big enough (~400 KB) that a kill can land in the middle of its write.
      await appendOutput(id, i % 5 === 4 && step === 2 ? 5_000 : 1 + Math.floor(Math.random() * 60));
      await jobs.patch(id, { counter: step });
      ack(`patch ${id} ${step}`);
    }
    // One log every run keeps appending to, so each kill leaves a tail that the next run has to repair.
    await appendOutput('shared', 1 + Math.floor(Math.random() * 30));
    await logs.close(id);
    outputQueues.delete(id);
    if (i % 4 === 3) {
      const old = `r${run}-${name}-${i - 2}`;
      // Announced first: a kill after the delete and before its ack may leave the job deleted.
      ack(`deleting ${old}`);
      await jobs.remove([old]);
      await logs.remove(old);
      ack(`del ${old}`);
    }
  }
}

await jobs.load();
ack('ready');
await Promise.all(['a', 'b', 'c'].map(worker));
