import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAB_HOST_ID } from '../hosts/host-record';
import type { LabHost } from '../lab/lab-host';
import { CoreProcess } from './support/core-process-client';
import { deleteRunsOn, killGroups, processesMentioning } from './support/processes';
import { pwshPath, removeDataDir, repoRoot, seededLabDataDir } from './support/test-core';

// The process hosting the core is killed (SIGKILL) while a delete runs, then started again on the same data
// folder: the job is `interrupted`, its VM is re-read from the host and shown as it really is, and the store is
// intact (every job and its output readable, new jobs accepted). The delete's PowerShell on the host outlives
// the killed app (as a remote pipeline would): it is hung in Remove-VM, still holding the host lock.

const DB01 = { hostId: LAB_HOST_ID, vmId: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vmName: 'db01' };

let dataDir: string;
let lab: LabHost;
const cores: CoreProcess[] = [];

function startCore(): CoreProcess {
  const core = new CoreProcess({ dataDir, repoRoot, powershellPath: pwshPath });
  cores.push(core);
  return core;
}

beforeAll(async () => {
  // The lab is seeded before the core starts (the core then finds it ready), with the fault in place.
  ({ dataDir, lab } = await seededLabDataDir('core-kill-'));
  await lab.faults.inject({ commandName: 'Remove-VM', target: 'db01', kind: 'hang', seconds: 300 });
});

afterAll(async () => {
  for (const core of cores) await core.kill().catch(() => undefined);
  killGroups(deleteRunsOn(lab.sandboxPath));
  killGroups(processesMentioning(lab.sandboxPath));
  removeDataDir(dataDir);
});

describe('the core process killed mid-job', () => {
  it('restarts with the job interrupted, the VM reconciled and the store intact', async () => {
    const first = startCore();
    await first.ready;
    await first.value('inventory.refresh', {});
    const submitted = await first.value('jobs.submitDelete', { targets: [{ ...DB01, force: false }] });
    const outcome = submitted.items[0]?.outcome;
    if (!outcome?.ok) throw new Error('submit refused');
    const jobId = outcome.value.id;
    await first.events.waitFor(
      () => first.events.outputLines(jobId).some((line) => line.text.includes("unregistering VM 'db01'")),
      'the delete to reach Remove-VM',
    );
    await first.events.waitFor(
      () =>
        first.events.lastJob(jobId)?.steps.some((step) => step.id === 'unregister' && step.status === 'started') ??
        false,
      'the unregister step to be announced',
    );
    // A running job's record is written with its coalesced updates (at most every 250 ms), not per line.
    await new Promise((resolveWait) => setTimeout(resolveWait, 750));
    const linesBeforeKill = first.events.outputLines(jobId).map((line) => line.text);
    await first.kill();
    // The host side of the job is still running (hung in Remove-VM).
    expect(deleteRunsOn(lab.sandboxPath).length).toBeGreaterThan(0);

    const second = startCore();
    const started = await second.ready;
    expect(started.interrupted).toEqual([jobId]);
    await second.reconciled;

    // The job: interrupted at the step it was in.
    const { job } = await second.value('jobs.get', { jobId });
    expect(job.status).toBe('interrupted');
    expect(job.error).toMatchObject({ code: 'interrupted', step: 'unregister' });
    expect(job.finishedAt).not.toBeNull();
    expect(job.steps.find((step) => step.id === 'disks')?.status).toBe('succeeded');
    expect(job.steps.some((step) => step.status === 'started')).toBe(false);
    const announced = second.events.jobUpdates(jobId);
    expect(announced.at(-1)?.job.status).toBe('interrupted');

    // The VM, re-read from the host: still registered (Remove-VM never returned), its disks gone, marked.
    const vm = await second.value('inventory.getVm', { hostId: DB01.hostId, vmId: DB01.vmId });
    expect(vm).toMatchObject({ state: 'Off', stale: false, activeJobId: null, disks: [] });
    expect(vm.deleteFailed?.jobId).toBe(jobId);

    // The store: every job readable, the output log readable in full, in order.
    const list = await second.value('jobs.list', {});
    expect(list.total).toBe(1);
    const output = await second.value('jobs.getOutput', { jobId, from: 0, limit: 10_000 });
    expect(output.lines.map((line) => line.seq)).toEqual(output.lines.map((_, i) => i));
    expect(output.lines.slice(0, linesBeforeKill.length).map((line) => line.text)).toEqual(linesBeforeKill);
    const exported = await second.value('jobs.export', { jobId, format: 'text', destination: 'content' });
    expect(JSON.stringify(exported)).toContain('unregistering VM');

    // New work is accepted; on this host the agent refuses it while the old run holds the host lock (S10).
    const retry = await second.value('jobs.retry', { jobId });
    expect(retry.retryOf).toBe(jobId);
    const ended = await second.events.waitForEnd(retry.id);
    expect(ended.status).toBe('failed');
    expect(ended.error?.hostCode).toBe('lock_held');
    expect(second.fatal).toEqual([]);
    expect(second.events.invalid).toEqual([]);
    await second.stop();
  });
});
