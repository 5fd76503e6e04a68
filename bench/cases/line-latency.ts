// Line latency (issue 3): a pwsh script writes a line every ~5 ms for a few seconds, each stamped with the system
// clock just before its Write-Host; the latency of a line is the time from that stamp to the moment its batch is
// handed on by the output pipeline (runner with its paced pipe, decoder, parser, OutputBatcher with its defaults,
// the batch appended to an OutputLogStore as a job's output is). Targets: p50 under 50 ms, p99 under 250 ms.
// Baseline: the same script read through a bare child_process pipe, each line timed when its chunk arrives.
// Same machine, same clock: the stamp is DateTime.UtcNow in pwsh, the arrival performance.timeOrigin + now().
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommandSpec } from '../../electron/core/powershell/command-spec';
import { OutputBatcher } from '../../electron/core/powershell/output-batcher';
import { PowerShellRunner } from '../../electron/core/powershell/powershell-runner';
import { type OutputLineInput, OutputLogStore } from '../../electron/core/store/output-log';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';
import { fixtureSpec } from '../lib/pwsh';
import { runRounds, type Variant } from '../lib/rounds';
import { median, percentile } from '../lib/stats';

const DURATION_MS = 3000;
const INTERVAL_MS = 5;
const TICK = /^tick \d+ (\d+\.\d+)$/;

/** Epoch milliseconds with a fraction, comparable with the script's stamps. */
const nowEpochMs = () => performance.timeOrigin + performance.now();

interface Latencies {
  p50: number;
  p99: number;
  min: number;
  lines: number;
}

function summarise(latencies: readonly number[]): Latencies {
  if (latencies.length < 100) throw new Error(`only ${latencies.length} timed lines arrived`);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    min: Math.min(...latencies),
    lines: latencies.length,
  };
}

function latencyOf(text: string, at: number): number | null {
  const stamp = TICK.exec(text)?.[1];
  return stamp === undefined ? null : at - Number(stamp);
}

/** The measured path: lines are timed when the batcher hands their batch on (as the job engine emits it). */
async function throughPipeline(spec: CommandSpec, dir: string, jobId: string): Promise<Latencies> {
  const store = new OutputLogStore({ dir });
  const appends: Promise<unknown>[] = [];
  const latencies: number[] = [];
  const batcher = new OutputBatcher<OutputLineInput>({
    onFlush: (batch) => {
      const at = nowEpochMs();
      appends.push(store.append(jobId, batch.lines));
      for (const line of batch.lines) {
        const latency = latencyOf(line.text, at);
        if (latency !== null) latencies.push(latency);
      }
    },
  });
  await new PowerShellRunner().run(spec, {
    onLine: (line) => batcher.push({ ts: line.receivedAt, stream: line.stream, text: line.text }),
  });
  batcher.end();
  await Promise.all(appends);
  await store.close(jobId);
  return summarise(latencies);
}

/** The baseline: Node's ordinary child pipe, each line timed when the chunk holding it arrives. */
function bareNodePipe(spec: CommandSpec): Promise<Latencies> {
  return new Promise((resolve, reject) => {
    const child = spawn(spec.executable, [...spec.args], { env: spec.env, stdio: ['pipe', 'pipe', 'ignore'] });
    const latencies: number[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const at = nowEpochMs();
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const latency = latencyOf(line.trimEnd(), at);
        if (latency !== null) latencies.push(latency);
      }
    });
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(summarise(latencies));
      } catch (error) {
        reject(error);
      }
    });
    child.stdin.end(spec.stdinPayload, 'utf8');
  });
}

const lineLatency: BenchCase = {
  name: 'line-latency',
  description: `a line every ${INTERVAL_MS} ms for ${DURATION_MS / 1000} s: script's write to the batch handed on`,
  async run(context: BenchContext): Promise<BenchResult[]> {
    const spec = fixtureSpec(context.pwsh, 'Write-TimedLines.ps1', {
      duration_ms: DURATION_MS,
      interval_ms: INTERVAL_MS,
    });
    const dir = await mkdtemp(join(tmpdir(), 'hvd-bench-latency-'));
    const variants: Variant<Latencies>[] = [
      { name: 'bare-pipe', run: () => bareNodePipe(spec) },
      { name: 'pipeline', run: (round) => throughPipeline(spec, dir, `latency-${round}`) },
    ];
    let runs: Map<string, Latencies[]>;
    try {
      runs = await runRounds(
        variants,
        context.runs,
        context.log,
        (l) => `p50 ${l.p50.toFixed(1)} / p99 ${l.p99.toFixed(1)} ms over ${l.lines} lines`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const of = (name: string, pick: (l: Latencies) => number) => median((runs.get(name) ?? []).map(pick));
    const minBare = Math.min(...(runs.get('bare-pipe') ?? []).map((l) => l.min));
    const result = (label: string, pick: (l: Latencies) => number, limit: number, note: string): BenchResult => ({
      name: label,
      unit: 'ms',
      measured: of('pipeline', pick),
      baseline: of('bare-pipe', pick),
      baselineLabel: 'bare child_process pipe',
      target: { kind: 'below', limit },
      runs: context.runs,
      note,
    });
    return [
      result('line latency p50', (l) => l.p50, 50, 'batcher flushes at 500 lines or 16 ms; pipe paced at 2 ms'),
      result('line latency p99', (l) => l.p99, 250, `clock check: smallest bare-pipe latency ${minBare.toFixed(2)} ms`),
    ];
  },
};

export default lineLatency;
