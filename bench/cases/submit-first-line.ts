// Submit to first output line on the lab host (issue 3): the time from a delete submitted through the composed
// core's handlers (jobs.submitDelete, as the renderer calls it) to the first `job.output` event of that job,
// against a bare `pwsh -NoProfile -File` of a one-line script (Write-Host 'x') from spawn to its first stdout byte,
// measured in the same rounds (alternating order). Target: at most 1.1 x the bare run.
// Steady state, not first use: the core, its lab sandbox, the first inventory read and the bundle deploy all happen
// before the first round (a warm-up delete job deploys the bundle), so no round pays them. Each round deletes
// another Off VM; when none is left the lab is reset, its inventory re-read and the bundle redeployed by a warm-up
// plan, all outside the timed span. The lab uses the integration tests' short simulator delays.
// A delete runs on the host's standby process when there is one (electron/core/hosts/standby-job-process.ts,
// docs/decisions/0010-standby-job-process.md): a succeeded job starts the next one's. That start is PowerShell's
// own, a second of CPU on this 2-core machine, so after each job the round waits for it to go quiet (outside the
// timed span): otherwise it would slow the next round's bare run and flatter the ratio.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAB_HOST_ID } from '../../electron/core/hosts/host-record';
import { disposeTestCore, startTestCore, type TestCore } from '../../electron/core/integration/support/test-core';
import type { BenchCase, BenchContext, BenchResult } from '../lib/bench-case';
import { runRounds, type Variant } from '../lib/rounds';
import { median, spread } from '../lib/stats';

const fixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'Write-OneLine.ps1');

/** Milliseconds from spawn to the first stdout byte of a bare `pwsh -NoProfile -File` (waits for its exit too). */
function bareFirstByte(pwsh: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    let firstByte: number | null = null;
    const child = spawn(pwsh, ['-NoProfile', '-File', fixture], { stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.once('data', () => {
      firstByte = Date.now() - started;
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 && firstByte !== null ? resolve(firstByte) : reject(new Error(`bare pwsh ended with ${code}`)),
    );
  });
}

/** CPU ticks (user + system) of every live process of the process group `group` (Linux /proc). */
function groupCpuTicks(group: number): number {
  let ticks = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // Ended meanwhile.
    }
  }
  return ticks;
}

/** Waits until the lab's standby process (if any) has used no CPU for 300 ms: it is started and waiting. */
async function untilStandbyQuiet(harness: TestCore): Promise<void> {
  const pid = harness.core.services.standbys.pidOf(LAB_HOST_ID);
  if (pid === undefined || process.platform !== 'linux') return;
  const until = Date.now() + 10_000;
  let last = -1;
  while (Date.now() < until) {
    const ticks = groupCpuTicks(pid);
    if (ticks === last) return;
    last = ticks;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/** An Off VM of the lab that no job has touched yet, or null when all are gone. */
function nextOffVm(harness: TestCore): { id: string; name: string } | null {
  const vms = harness.core.services.inventory.list(LAB_HOST_ID)[0]?.vms ?? [];
  return vms.find((vm) => vm.state === 'Off') ?? null;
}

async function submitDelete(harness: TestCore, vm: { id: string; name: string }): Promise<string> {
  const submitted = await harness.call['jobs.submitDelete']({
    targets: [{ hostId: LAB_HOST_ID, vmId: vm.id, vmName: vm.name, force: false }],
  });
  const outcome = submitted.items[0]?.outcome;
  if (!outcome?.ok) throw new Error(`delete of ${vm.name} refused: ${outcome?.error.message ?? 'no item'}`);
  return outcome.value.id;
}

/** Waits for the job to end and fails the benchmark unless it succeeded (a failed job's timing means nothing). */
async function expectSucceeded(harness: TestCore, jobId: string): Promise<void> {
  const job = await harness.events.waitForEnd(jobId);
  if (job.status !== 'succeeded') throw new Error(`job ${job.vmName} ended ${job.status}: ${job.error?.message}`);
}

/** An Off VM to delete, resetting the lab (and redeploying its bundle with a plan) when none is left. */
async function prepareVm(harness: TestCore, log: (message: string) => void): Promise<{ id: string; name: string }> {
  const vm = nextOffVm(harness);
  if (vm !== null) return vm;
  log('no Off VM left: resetting the lab (outside the timed span)');
  await harness.call['lab.reset']({});
  await harness.call['inventory.refresh']({});
  const fresh = nextOffVm(harness);
  if (fresh === null) throw new Error('the reset lab has no Off VM');
  await harness.call['jobs.planDelete']({ hostId: LAB_HOST_ID, vmId: fresh.id, vmName: fresh.name });
  return fresh;
}

const submitFirstLine: BenchCase = {
  name: 'submit-first-line',
  description: 'lab host: delete submit to first job.output event vs bare pwsh -File to first byte',
  async run(context: BenchContext): Promise<BenchResult[]> {
    const harness = await startTestCore({ powershellPath: context.pwsh });
    try {
      // Warm-up: the first job deploys the agent bundle to the host (C6); the target is about steady state.
      const warmVm = nextOffVm(harness);
      if (warmVm === null) throw new Error('the lab has no Off VM');
      await expectSucceeded(harness, await submitDelete(harness, warmVm));
      await untilStandbyQuiet(harness);
      await bareFirstByte(context.pwsh);

      /** Per round: submit to the job's startedAt (validation, store, queue, dispatch), the rest is the run's. */
      const toStart: number[] = [];
      let onStandby = 0;
      const variants: Variant<number>[] = [
        { name: 'bare', run: () => bareFirstByte(context.pwsh) },
        {
          name: 'job',
          run: async () => {
            const vm = await prepareVm(harness, context.log);
            await untilStandbyQuiet(harness);
            if (harness.core.services.standbys.pidOf(LAB_HOST_ID) !== undefined) onStandby += 1;
            const submittedAt = Date.now();
            const jobId = await submitDelete(harness, vm);
            await harness.events.waitFor(() => harness.events.outputLines(jobId).length > 0, 'first output line');
            const firstLineAt = harness.events.outputLines(jobId)[0]?.emittedAt ?? Number.NaN;
            // The rest of the job and the inventory catching up are outside the timed span.
            await expectSucceeded(harness, jobId);
            toStart.push(Date.parse(harness.events.lastJob(jobId)?.startedAt ?? '') - submittedAt);
            await harness.call['inventory.refresh']({});
            await untilStandbyQuiet(harness);
            return firstLineAt - submittedAt;
          },
        },
      ];
      const values = await runRounds(variants, context.runs, context.log, (ms) => `${Math.round(ms)} ms`);
      const bare = values.get('bare') ?? [];
      const job = values.get('job') ?? [];
      if (harness.events.invalid.length > 0) throw new Error(`invalid events: ${harness.events.invalid[0]?.issue}`);
      return [
        {
          name: 'lab delete, submit to first output line',
          unit: 'ms',
          measured: median(job),
          baseline: median(bare),
          baselineLabel: "bare pwsh -NoProfile -File (Write-Host 'x') to first byte",
          target: { kind: 'ratio-at-most', limit: 1.1 },
          runs: context.runs,
          note:
            `bundle deployed before; job ${spread(job)} ms, bare ${spread(bare)} ms; ` +
            `submit to startedAt median ${Math.round(median(toStart))} ms; ` +
            `${onStandby} of ${job.length} jobs found a standby process`,
        },
      ];
    } finally {
      await disposeTestCore(harness);
    }
  },
};

export default submitFirstLine;
