// The stores against real crashes: a child process writes jobs and output in a loop and is killed with SIGKILL
// at a random moment, several times over the same folder. After each kill everything the child acknowledged
// must load, and every output log must read back in order with no gap.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JobStore } from './job-store';
import { OutputLogStore } from './output-log';
import { lineText, makeTempDir, removeTempDir, type TestJob, TestJobSchema } from './test-support/test-job';

const CHILD = fileURLToPath(new URL('./test-support/crash-child.ts', import.meta.url));
// The child is TypeScript; jiti (already in node_modules through vite) compiles it on the fly.
const TS_LOADER = import.meta.resolve('jiti/register');
const RUNS = 6;

interface Acks {
  readonly puts: Set<string>;
  readonly patches: Map<string, number>;
  readonly lines: Map<string, number>;
  readonly deletes: Set<string>;
  /** Deletes started (acknowledged or not): these jobs may be gone. */
  readonly deleting: Set<string>;
}

/**
 * Starts the child and kills it with SIGKILL `delayMs` after its `afterAcks`-th acknowledgement (so every run
 * makes progress however slow the machine is, and the kill still lands at an unpredictable point).
 */
function runAndKill(dir: string, run: number, afterAcks: number, delayMs: number, acks: Acks): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TS_LOADER, CHILD, dir, String(run)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    let stderr = '';
    let acked = 0;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, id = '', value = ''] = line.split(' ');
        acked++;
        if (acked === afterAcks) setTimeout(() => child.kill('SIGKILL'), delayMs);
        if (kind === 'put') acks.puts.add(id);
        else if (kind === 'patch') acks.patches.set(id, Math.max(acks.patches.get(id) ?? 0, Number(value)));
        else if (kind === 'out') acks.lines.set(id, Math.max(acks.lines.get(id) ?? 0, Number(value)));
        else if (kind === 'deleting') acks.deleting.add(id);
        else if (kind === 'del') acks.deletes.add(id);
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`child ended without being killed: ${stderr}`));
    });
  });
}

describe('crash safety under SIGKILL', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir();
  });
  afterAll(async () => {
    await removeTempDir(dir);
  });

  it(`keeps every acknowledged job and output line through ${RUNS} kills at random moments`, async () => {
    const acks: Acks = {
      puts: new Set(),
      patches: new Map(),
      lines: new Map(),
      deletes: new Set(),
      deleting: new Set(),
    };
    for (let run = 0; run < RUNS; run++) {
      const afterAcks = 2 + Math.floor(Math.random() * 200);
      const delayMs = Math.floor(Math.random() * 100);
      const acked = await runAndKill(dir, run, afterAcks, delayMs, acks);
      expect(acked).toBeGreaterThanOrEqual(afterAcks);

      const jobs = new JobStore<TestJob>({ dir: join(dir, 'jobs'), schema: TestJobSchema });
      const report = await jobs.load();
      expect(report.invalidRecordIds).toEqual([]);
      try {
        for (const id of acks.puts) {
          if (acks.deletes.has(id)) expect(jobs.get(id), `deleted ${id} came back`).toBeUndefined();
          else if (!acks.deleting.has(id))
            expect(jobs.get(id), `acknowledged ${id} lost after run ${run}`).toBeDefined();
        }
        for (const [id, counter] of acks.patches) {
          if (!acks.deleting.has(id)) expect(jobs.get(id)?.counter ?? -1).toBeGreaterThanOrEqual(counter);
        }
      } finally {
        await jobs.close();
      }

      const logs = new OutputLogStore({ dir: join(dir, 'output'), indexEvery: 50 });
      const files = (await readdir(join(dir, 'output'))).filter((name) => name.endsWith('.log'));
      for (const jobId of files.map((name) => name.slice(0, -'.log'.length))) {
        const count = await logs.count(jobId);
        if (!acks.deleting.has(jobId)) expect(count).toBeGreaterThanOrEqual(acks.lines.get(jobId) ?? 0);
        const lines = await logs.read(jobId, 0, count + 10);
        expect(lines.map((line) => line.seq)).toEqual(lines.map((_, i) => i));
        expect(lines.every((line) => line.text === lineText(jobId, line.seq))).toBe(true);
        // A range in the middle reads exactly the same lines as the full read.
        const from = Math.floor(count / 3);
        expect(await logs.read(jobId, from, from + 75)).toEqual(lines.slice(from, from + 75));
      }
      for (const id of acks.deletes) expect(files).not.toContain(`${id}.log`);
      await logs.closeAll();
    }
    expect(acks.lines.get('shared') ?? 0).toBeGreaterThan(0);
  });
});
