// Output pipeline throughput (issue 3): 200,000 Write-Host lines from real pwsh through the PowerShellRunner (its
// stream decoder and event parser), the OutputBatcher and OutputLogStore appends to a real temp folder, against the
// same pwsh script writing to /dev/null. Target: at least 0.9 of the baseline's lines per second.
// Both are timed from spawn to the end (pwsh's own start included, as a job pays it): for the pipeline, until the
// last line is stored and the log closed (fsynced). Three context lines show what plain readers cost, with no
// processing at all: Node's ordinary child pipe (what the runner used before its paced pipe), the runner's paced
// pipe alone, and `| cat`.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CommandSpec } from '../../electron/core/powershell/command-spec';
import { OutputBatcher } from '../../electron/core/powershell/output-batcher';
import { PacedOutputPipe } from '../../electron/core/powershell/paced-output-pipe';
import { PowerShellRunner } from '../../electron/core/powershell/powershell-runner';
import { type OutputLineInput, OutputLogStore } from '../../electron/core/store/output-log';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';
import { fixtureSpec, runDiscarded } from '../lib/pwsh';
import { runRounds, type Variant } from '../lib/rounds';
import { median, spread } from '../lib/stats';

const LINE_COUNT = 200_000;
const SCRIPT = 'Write-ManyLines.ps1';

interface Timing {
  ms: number;
  /** CPU this Node process used meanwhile (the reader's share of the machine). */
  cpuMs: number;
}

async function timed(run: () => Promise<void>): Promise<Timing> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await run();
  const used = process.cpuUsage(cpu);
  return { ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

/** The measured path: runner (decode + parse) -> batcher -> store, as a job's output takes it. */
async function throughPipeline(spec: CommandSpec, dir: string, jobId: string): Promise<Timing> {
  const store = new OutputLogStore({ dir });
  const appends: Promise<unknown>[] = [];
  const timing = await timed(async () => {
    const batcher = new OutputBatcher<OutputLineInput>({
      onFlush: (batch) => appends.push(store.append(jobId, batch.lines)),
    });
    await new PowerShellRunner().run(spec, {
      onLine: (line) =>
        batcher.push({ ts: line.receivedAt, stream: line.kind === 'event' ? 'event' : line.stream, text: line.text }),
    });
    batcher.end();
    await Promise.all(appends);
    await store.close(jobId);
  });
  const stored = await store.count(jobId);
  if (stored !== LINE_COUNT) throw new Error(`the pipeline stored ${stored} of ${LINE_COUNT} lines`);
  return timing;
}

/** Node's ordinary child pipe, read with no processing at all. */
function bareNodePipe(spec: CommandSpec): Promise<Timing> {
  return timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn(spec.executable, [...spec.args], {
          env: spec.env,
          stdio: ['pipe', 'pipe', 'ignore'],
          detached: true,
        });
        let newlines = 0;
        child.stdout.on('data', (chunk: Buffer) => {
          for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) newlines++;
        });
        child.on('error', reject);
        child.on('close', () =>
          newlines === LINE_COUNT ? resolve() : reject(new Error(`read ${newlines} of ${LINE_COUNT} lines`)),
        );
        child.stdin.end(spec.stdinPayload, 'utf8');
      }),
  );
}

/** The runner's paced pipe read with no processing: the floor of the reading mechanism alone. */
function bareNodePacedPipe(spec: CommandSpec): Promise<Timing> {
  return timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const pipe = PacedOutputPipe.open();
        if (pipe === null) throw new Error('no paced pipe on this platform');
        let newlines = 0;
        let exited = false;
        let closed = false;
        const settle = () => {
          if (!exited || !closed) return;
          if (newlines === LINE_COUNT) resolve();
          else reject(new Error(`read ${newlines} of ${LINE_COUNT} lines`));
        };
        pipe.start(
          (chunk) => {
            for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) newlines++;
          },
          () => {
            closed = true;
            settle();
          },
        );
        const child = spawn(spec.executable, [...spec.args], {
          env: spec.env,
          stdio: ['pipe', pipe.childEnd, 'ignore'],
          detached: true,
        });
        pipe.releaseChildEnd();
        child.on('error', reject);
        child.on('close', () => {
          exited = true;
          settle();
        });
        child.stdin?.end(spec.stdinPayload, 'utf8');
      }),
  );
}

/** The same script piped into cat (a real pipe, read by a minimal C reader), as a shell would run it. */
function pipedToCat(spec: CommandSpec): Promise<Timing> {
  return timed(
    () =>
      new Promise<void>((resolve, reject) => {
        const child = spawn('sh', ['-c', '"$0" "$@" | cat > /dev/null', spec.executable, ...spec.args], {
          env: spec.env,
          stdio: ['pipe', 'ignore', 'ignore'],
          detached: true,
        });
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`sh exited with ${code}`))));
        child.stdin.end(spec.stdinPayload, 'utf8');
      }),
  );
}

const outputPipeline: BenchCase = {
  name: 'output-pipeline',
  description: `${LINE_COUNT.toLocaleString('en-US')} Write-Host lines: runner + decoder + parser + batcher + store`,
  async run(context: BenchContext): Promise<BenchResult[]> {
    const spec = fixtureSpec(context.pwsh, SCRIPT, { line_count: LINE_COUNT });
    const dir = await mkdtemp(join(tmpdir(), 'hvd-bench-pipeline-'));
    const posix = process.platform !== 'win32';
    const variants: Variant<Timing>[] = [
      { name: 'devnull', run: async () => ({ ms: await runDiscarded(spec), cpuMs: 0 }) },
      { name: 'pipeline', run: (round) => throughPipeline(spec, dir, `pipeline-${round}`) },
      ...(posix
        ? [
            { name: 'node-pipe', run: () => bareNodePipe(spec) },
            { name: 'paced-pipe', run: () => bareNodePacedPipe(spec) },
            { name: 'cat', run: () => pipedToCat(spec) },
          ]
        : []),
    ];
    let timings: Map<string, Timing[]>;
    try {
      // One untimed run first: pwsh's files into the page cache.
      await runDiscarded(fixtureSpec(context.pwsh, SCRIPT, { line_count: 1000 }));
      timings = await runRounds(variants, context.runs, context.log, (t) => `${t.ms.toFixed(0)} ms`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const linesPerSecond = (name: string) => (timings.get(name) ?? []).map((t) => LINE_COUNT / (t.ms / 1000));
    const baseline = median(linesPerSecond('devnull'));
    const result = (name: string, label: string, note: string): BenchResult => ({
      name: label,
      unit: 'lines/s',
      measured: median(linesPerSecond(name)),
      baseline,
      baselineLabel: 'same pwsh script > /dev/null',
      target: name === 'pipeline' ? { kind: 'ratio-at-least', limit: 0.9 } : { kind: 'none' },
      runs: context.runs,
      note: `${note}; range ${spread(linesPerSecond(name))}, /dev/null ${spread(linesPerSecond('devnull'))}`,
    });
    const pipelineCpu = median((timings.get('pipeline') ?? []).map((t) => t.cpuMs));
    return [
      result(
        'pipeline',
        'output pipeline, 200k lines',
        `spawn to last line stored, Node CPU ${pipelineCpu.toFixed(0)} ms`,
      ),
      ...(posix
        ? [
            result('node-pipe', '  context: bare Node child pipe', 'no processing, reads as data arrives'),
            result('paced-pipe', '  context: bare paced pipe', "the runner's pipe, no processing"),
            result('cat', '  context: pwsh | cat', 'a real pipe, a minimal reader'),
          ]
        : []),
    ];
  },
};

export default outputPipeline;
