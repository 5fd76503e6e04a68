import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import type { JobInfo } from '../../../shared/contract/jobs';
import { deleteRunsOn, runCount } from './support/processes';
import { disposeTestCore, startTestCore, type TestCore } from './support/test-core';

// Stopping jobs through the composed core: a hung cmdlet runs into the delete timeout (from the settings), a
// running job is cancelled, a queued one too; each leaves no PowerShell process behind. Requests that C4 refuses
// are refused before anything runs.

const TIMEOUT_SECONDS = 12;
const DB01 = { hostId: 'lab', vmId: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vmName: 'db01' };

let harness: TestCore;

beforeAll(async () => {
  harness = await startTestCore({
    // The settings screen allows 60 s at least; the engine takes whatever the settings say.
    adjustSettings: (settings) => ({
      ...settings,
      jobTimeouts: { ...settings.jobTimeouts, deleteVmSeconds: TIMEOUT_SECONDS },
    }),
  });
});

afterAll(async () => {
  await disposeTestCore(harness);
});

function vmNamed(name: string) {
  const vm = harness.core.services.inventory.list('lab')[0]?.vms.find((v) => v.name === name);
  if (!vm) throw new Error(`no VM ${name} in the lab inventory`);
  return { hostId: 'lab', vmId: vm.id, vmName: vm.name };
}

async function submit(target: { hostId: string; vmId: string; vmName: string }, force = false) {
  const submitted = await harness.call['jobs.submitDelete']({ targets: [{ ...target, force }] });
  const outcome = submitted.items[0]?.outcome;
  if (!outcome) throw new Error('no outcome');
  return outcome;
}

async function submitOk(target: { hostId: string; vmId: string; vmName: string }): Promise<JobInfo> {
  const outcome = await submit(target);
  if (!outcome.ok) throw new Error(`submit refused: ${JSON.stringify(outcome.error)}`);
  return outcome.value;
}

/** Resolves once the job's `unregister` step has started: the hung Remove-VM is running on the host. */
async function untilUnregistering(jobId: string): Promise<void> {
  const stage = () => {
    const job = harness.events.lastJob(jobId);
    if (job && job.status !== 'queued' && job.status !== 'running') return 'ended';
    return job?.steps.find((step) => step.id === 'unregister')?.status === 'started' ? 'unregistering' : null;
  };
  await harness.events.waitFor(() => stage() !== null, `job ${jobId} to reach the unregister step`);
  if (stage() === 'ended')
    throw new Error(`job ${jobId} ended before Remove-VM: ${JSON.stringify(harness.events.lastJob(jobId)?.error)}`);
}

describe('a hung cmdlet', () => {
  it('runs into the delete timeout: timed_out, no PowerShell process left, the VM re-read', async () => {
    await harness.lab().faults.inject({ commandName: 'Remove-VM', target: 'db01', kind: 'hang', seconds: 120 });
    const job = await submitOk(DB01);
    await untilUnregistering(job.id);
    // The run is there to be found while it hangs (so finding none afterwards means something).
    expect(deleteRunsOn(harness.sandbox()).length).toBeGreaterThan(0);

    const ended = await harness.events.waitForEnd(job.id, 30_000);
    expect(ended.status).toBe('timed_out');
    expect(ended.error?.code).toBe('timed_out');
    const started = Date.parse(ended.startedAt ?? '');
    const finished = Date.parse(ended.finishedAt ?? '');
    expect(finished - started).toBeGreaterThanOrEqual(TIMEOUT_SECONDS * 1000 - 50);
    expect(finished - started).toBeLessThan(TIMEOUT_SECONDS * 1000 + 5000);
    expect(deleteRunsOn(harness.sandbox())).toEqual([]);

    await harness.core.services.jobs.whenIdle();
    const vm = await harness.call['inventory.getVm']({ hostId: 'lab', vmId: DB01.vmId });
    expect(vm.state).toBe('Off');
    expect(vm.deleteFailed?.jobId).toBe(job.id);
    await harness.lab().faults.clear({ commandName: 'Remove-VM' });
  });
});

describe('cancel and the requests C4 refuses', () => {
  it('cancels a queued job at once and a running one with its process; refuses a duplicate and a running VM', async () => {
    const legacy01 = vmNamed('legacy01');
    const api01 = vmNamed('api01');
    await harness.lab().faults.inject({ commandName: 'Remove-VM', target: 'legacy01', kind: 'hang', seconds: 120 });
    const running = await submitOk(legacy01);
    const queued = await submitOk(api01);
    await untilUnregistering(running.id);
    expect(harness.core.services.jobs.hasActiveJobs('lab')).toBe(true);

    // One host runs one job at a time: the second waits.
    expect((await harness.call['jobs.get']({ jobId: queued.id })).job.status).toBe('queued');

    // C4: the same VM again, and a Running VM without force.
    const duplicate = await submit(legacy01);
    expect(duplicate.ok ? null : duplicate.error.code).toBe('job_active_for_vm');
    const runningVm = await submit(vmNamed('web01'));
    expect(runningVm.ok ? null : runningVm.error.code).toBe('vm_running');
    // A channel that refuses throws the typed error.
    await expect(harness.call['jobs.planDelete']({ ...DB01, vmName: 'not-db01' })).rejects.toSatisfy(
      (error) => error instanceof AppException && error.error.code === 'vm_name_mismatch',
    );

    const cancelledQueued = await harness.call['jobs.cancel']({ jobId: queued.id });
    expect(cancelledQueued).toMatchObject({ status: 'cancelled', startedAt: null });
    expect(cancelledQueued.error?.code).toBe('cancelled');

    // One run on the host: the queued job never started a process.
    expect(runCount(deleteRunsOn(harness.sandbox()))).toBe(1);
    const cancelledRunning = await harness.call['jobs.cancel']({ jobId: running.id });
    expect(cancelledRunning.status).toBe('cancelled');
    expect(cancelledRunning.error?.code).toBe('cancelled');
    expect(deleteRunsOn(harness.sandbox())).toEqual([]);
    await expect(harness.call['jobs.cancel']({ jobId: running.id })).rejects.toSatisfy(
      (error) => error instanceof AppException && error.error.code === 'job_not_cancellable',
    );

    await harness.core.services.jobs.whenIdle();
    expect(harness.core.services.jobs.hasActiveJobs('lab')).toBe(false);
    expect((await harness.call['inventory.getVm']({ hostId: 'lab', vmId: legacy01.vmId })).deleteFailed?.jobId).toBe(
      running.id,
    );
    // The cancelled queued job never reached the host.
    expect((await harness.call['inventory.getVm']({ hostId: 'lab', vmId: api01.vmId })).deleteFailed).toBeNull();
  });

  it('after the stopped runs the host takes jobs again (the host lock was released)', async () => {
    await harness.lab().faults.clear({});
    const [latest] = (await harness.call['jobs.list']({ vmId: vmNamed('legacy01').vmId, limit: 1 })).jobs;
    const retried = await harness.call['jobs.retry']({ jobId: latest?.id ?? '' });
    const ended = await harness.events.waitForEnd(retried.id);
    expect(ended.error).toBeNull();
    expect(ended.status).toBe('succeeded');
    expect(harness.events.invalid).toEqual([]);
  });
});
