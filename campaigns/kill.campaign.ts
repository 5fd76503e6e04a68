// Kill campaign (issue 5): 20 trials of "start a delete on the lab host, SIGKILL the process hosting the core at
// a random instant, start it again". Every trial: no job left running or queued without an owner, no VM left
// `Deleting`, the job store and every log readable, the log intact up to the last batch the killed core
// announced, and a retry (when the job had not finished) completes the deletion with no file outside the plan
// touched. In odd trials the host-side PowerShell dies with the app (a remote session dropped), in even ones it
// runs on and finishes. The restarted core of one trial is the core the next trial kills (one start per trial).
// The kill instants come from a seeded generator (the seed is printed) so a failing trial can be replayed.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_HOST_ID } from '../electron/core/hosts/host-record';
import { CoreProcess } from '../electron/core/integration/support/core-process-client';
import { deleteRunsOn, killGroups, processesMentioning } from '../electron/core/integration/support/processes';
import { changesBetween, readSandboxTree } from '../electron/core/integration/support/sandbox-files';
import { pwshPath, removeDataDir, repoRoot, seededLabDataDir } from '../electron/core/integration/support/test-core';
import type { LabHost } from '../electron/core/lab/lab-host';
import type { DeletePlan } from '../shared/contract/delete-plan';
import type { JobInfo } from '../shared/contract/jobs';
import { reportFigure } from './support/figure';
import { seededRandom } from './support/kill-random';

const TRIALS = 20;
/** Kill instants are spread over a delete's usual span on the fast lab (submit to end is ~2-4 s here). */
const MAX_KILL_DELAY_MS = 4000;
const ENDED: readonly string[] = ['succeeded', 'failed', 'cancelled', 'timed_out', 'interrupted'];

interface Tally {
  trials: number;
  /** Trials whose host-side run was killed with the app (a dropped remote session). */
  hostRunKilled: number;
  /** Trials whose last announced lines were not yet on disk at the kill. */
  unwrittenTail: number;
  endedBeforeKill: number;
  interrupted: number;
  resumed: number;
  retried: number;
  finishedByHost: number;
  completed: number;
  outsidePlan: number;
}

let dataDir: string;
let lab: LabHost;
const started: CoreProcess[] = [];

async function startCore(): Promise<{ core: CoreProcess; resumed: readonly string[] }> {
  const next = new CoreProcess({ dataDir, repoRoot, powershellPath: pwshPath });
  started.push(next);
  const ready = await next.ready;
  await next.reconciled;
  return { core: next, resumed: ready.resumed };
}

/** The run's script has reported its result (its stdout, a file, holds the result event), or it is gone. */
function runHasEnded(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/fd/1`, 'utf8').includes('##hvagent {"type":"result"');
  } catch {
    return true;
  }
}

/** Pid, state and command line of each process, for a failure message. */
function describeProcesses(pids: readonly number[]): string {
  return pids
    .map((pid) => {
      try {
        const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.slice(0, 1);
        const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(-160);
        return `${pid} ${state} ${command}`;
      } catch {
        return `${pid} gone`;
      }
    })
    .join('; ');
}

async function waitUntil(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/** An Off VM of the lab, resetting the lab (with no core running) when every Off VM has been deleted. */
async function offVm(current: CoreProcess): Promise<{ core: CoreProcess; vm: { id: string; name: string } }> {
  const pick = async (c: CoreProcess) => {
    const [inventory] = (await c.value('inventory.list', { hostId: LAB_HOST_ID })).snapshots;
    return inventory?.vms.find((vm) => vm.state === 'Off' && vm.activeJobId === null) ?? null;
  };
  const vm = await pick(current);
  if (vm) return { core: current, vm };
  await current.stop();
  await lab.reset();
  const { core: fresh } = await startCore();
  await fresh.value('inventory.refresh', {});
  const again = await pick(fresh);
  if (!again) throw new Error('the reset lab has no Off VM');
  return { core: fresh, vm: again };
}

/** Every job readable, every log readable with contiguous line numbers. */
async function expectStoreReadable(c: CoreProcess): Promise<void> {
  const { jobs, total } = await c.value('jobs.list', { limit: 500 });
  expect(jobs.length).toBe(total);
  for (const job of jobs) {
    const output = await c.value('jobs.getOutput', { jobId: job.id, from: 0, limit: 10_000 });
    expect(output.lines.map((line) => line.seq)).toEqual(output.lines.map((_, index) => index));
  }
}

function plannedFiles(plan: DeletePlan): Set<string> {
  return new Set([...plan.filesToDelete.map((file) => file.path), ...plan.mergeFiles].map((p) => p.toLowerCase()));
}

beforeAll(async () => {
  ({ dataDir, lab } = await seededLabDataDir('campaign-kill-'));
});

afterAll(async () => {
  for (const process of started) await process.kill().catch(() => undefined);
  killGroups([...deleteRunsOn(lab.sandboxPath), ...processesMentioning(lab.sandboxPath)]);
  removeDataDir(dataDir);
});

describe('kill campaign', () => {
  it(`survives ${TRIALS} SIGKILLs at random instants of a delete`, { timeout: 20 * 60_000 }, async () => {
    const seed = Number(process.env.KILL_CAMPAIGN_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    const tally: Tally = {
      trials: 0,
      hostRunKilled: 0,
      unwrittenTail: 0,
      endedBeforeKill: 0,
      interrupted: 0,
      resumed: 0,
      retried: 0,
      finishedByHost: 0,
      completed: 0,
      outsidePlan: 0,
    };
    let current = (await startCore()).core;
    await current.value('inventory.refresh', {});

    for (let trial = 1; trial <= TRIALS; trial++) {
      const trialStart = Date.now();
      const picked = await offVm(current);
      current = picked.core;
      const { vm } = picked;
      const target = { hostId: LAB_HOST_ID, vmId: vm.id, vmName: vm.name };
      const { plan } = await current.value('jobs.planDelete', target);
      const before = readSandboxTree(lab.sandboxPath);

      const submitted = await current.value('jobs.submitDelete', { targets: [{ ...target, force: false }] });
      const outcome = submitted.items[0]?.outcome;
      if (!outcome?.ok) throw new Error(`trial ${trial}: delete of ${vm.name} refused`);
      const jobId = outcome.value.id;
      const delay = Math.floor(random() * MAX_KILL_DELAY_MS);
      await new Promise((resolveWait) => setTimeout(resolveWait, delay));
      const announced = current.events.outputLines(jobId).map((line) => line.text);
      const endedBeforeKill = ENDED.includes(current.events.lastJob(jobId)?.status ?? '');
      await current.kill();
      if (trial % 2 === 1) {
        // Odd trials: the host side dies with the app, as a remote pipeline does when its ssh or WinRM session
        // drops: the delete stops wherever it was, and the retry below has real work left.
        killGroups(deleteRunsOn(lab.sandboxPath));
        tally.hostRunKilled++;
      } else {
        // Even trials: the host side runs on and finishes; wait for its result so the retry does not meet its
        // host lock, then end what is left of its processes (a PowerShell whose parent died can linger after its
        // script ended).
        await waitUntil(
          () => deleteRunsOn(lab.sandboxPath).every(runHasEnded),
          `the orphaned run of trial ${trial} to end (${describeProcesses(deleteRunsOn(lab.sandboxPath))})`,
        );
        killGroups(deleteRunsOn(lab.sandboxPath));
      }

      const restarted = await startCore();
      current = restarted.core;
      // No job running or queued without an owner: what was running is interrupted, what was queued is resumed
      // (owned by this core) and runs to its end.
      for (const resumedId of restarted.resumed) await current.events.waitForEnd(resumedId, 120_000);
      if (restarted.resumed.includes(jobId)) tally.resumed++;
      const { jobs } = await current.value('jobs.list', { limit: 500 });
      expect(jobs.filter((job) => !ENDED.includes(job.status)).map((job) => job.id)).toEqual([]);
      const [inventory] = (await current.value('inventory.list', { hostId: LAB_HOST_ID })).snapshots;
      expect(inventory?.vms.filter((shown) => shown.state === 'Deleting').map((shown) => shown.name)).toEqual([]);
      await expectStoreReadable(current);
      // The log is intact up to the last batch written: its lines are, in order, the lines the killed core
      // announced (a batch announced but not yet on disk when the kill came may be missing at the end, never in
      // the middle, and nothing is garbled).
      const stored = await current.value('jobs.getOutput', { jobId, from: 0, limit: 10_000 });
      const common = Math.min(stored.lines.length, announced.length);
      expect(stored.lines.slice(0, common).map((line) => line.text)).toEqual(announced.slice(0, common));
      if (stored.lines.length < announced.length) tally.unwrittenTail++;

      let job: JobInfo = (await current.value('jobs.get', { jobId })).job;
      if (endedBeforeKill) tally.endedBeforeKill++;
      if (job.status === 'interrupted') tally.interrupted++;
      const [reread] = (await current.value('inventory.list', { hostId: LAB_HOST_ID })).snapshots;
      const vmStillThere = reread?.vms.some((shown) => shown.id === vm.id) ?? true;
      if (job.status !== 'succeeded' && !vmStillThere) {
        // The orphaned run finished the delete after the kill; the re-read shows the VM gone. A retry has nothing
        // left to do and says so with a typed error (decision 0008): the files are checked below.
        tally.finishedByHost++;
        const retry = await current.value('jobs.retry', { jobId });
        const ended = await current.events.waitForEnd(retry.id, 120_000);
        expect(ended.error?.hostCode ?? ended.error?.code).toBe('vm_not_found');
      } else {
        if (job.status !== 'succeeded') {
          const retry = await current.value('jobs.retry', { jobId });
          job = await current.events.waitForEnd(retry.id, 120_000);
          tally.retried++;
        }
        expect(job.status, `trial ${trial} (${vm.name}, killed after ${delay} ms): ${job.error?.message}`).toBe(
          'succeeded',
        );
      }
      tally.completed++;

      // Exactly the plan went: every planned file is gone, nothing outside the plan was removed, changed or added.
      const changes = changesBetween(before, readSandboxTree(lab.sandboxPath));
      const planned = plannedFiles(plan);
      const outside = [...changes.removedFiles, ...changes.changedFiles, ...changes.addedFiles].filter(
        (path) => !planned.has(path.toLowerCase()),
      );
      const prunable = new Set([...plan.foldersToPrune, ...plan.ownFolders].map((path) => path.toLowerCase()));
      outside.push(...changes.removedFolders.filter((path) => !prunable.has(path.toLowerCase())));
      outside.push(...changes.addedFolders);
      if (outside.length > 0) tally.outsidePlan++;
      expect(outside, `trial ${trial}: touched outside the plan`).toEqual([]);
      const left = plan.filesToDelete.filter((file) => readSandboxTree(lab.sandboxPath).files.has(file.path));
      expect(left, `trial ${trial}: planned files left`).toEqual([]);
      tally.trials++;
      console.log(`trial ${trial}: ${vm.name}, killed after ${delay} ms, ${job.status}, ${Date.now() - trialStart} ms`);
    }
    expect(current.fatal).toEqual([]);
    await current.stop();
    reportFigure(
      'kill',
      `${tally.trials} trials (seed ${seed}; ${tally.hostRunKilled} with the host's run killed too): ${tally.interrupted} interrupted, ${tally.resumed} resumed from the queue, ` +
        `${tally.endedBeforeKill} ended before the kill; ${tally.finishedByHost} finished by the host after the kill, ` +
        `${tally.retried} completed by a retry; ${tally.completed} deletions complete, ` +
        `${tally.outsidePlan} touched a file outside the plan; 0 jobs without an owner, 0 VMs left Deleting, every store and log readable ` +
        `and intact (${tally.unwrittenTail} lost an unwritten last batch)`,
    );
  });
});
