import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/contract/jobs';
import { isAlive, liveGroupMembers } from '../powershell/__fixtures__/process-table';
import { deleteRunsOn, runCount } from './support/processes';
import { disposeTestCore, startTestCore, type TestCore } from './support/test-core';

// The standby process of the lab host (hosts/standby-job-process.ts) in the composed core: a plan starts the
// delete's process ahead, the delete runs on it; a cancel while on it kills it (and leaves no standby); a delete
// that succeeded leaves the next one's, which the next delete takes; a lab reset and stop() end it.

let harness: TestCore;

beforeAll(async () => {
  harness = await startTestCore();
});

afterAll(async () => {
  await disposeTestCore(harness);
});

const standbyPid = () => harness.core.services.standbys.pidOf('lab');

function vmNamed(name: string) {
  const vm = harness.core.services.inventory.list('lab')[0]?.vms.find((v) => v.name === name);
  if (!vm) throw new Error(`no VM ${name} in the lab inventory`);
  return { hostId: 'lab', vmId: vm.id, vmName: vm.name };
}

async function submitOk(target: { hostId: string; vmId: string; vmName: string }): Promise<JobInfo> {
  const submitted = await harness.call['jobs.submitDelete']({ targets: [{ ...target, force: false }] });
  const outcome = submitted.items[0]?.outcome;
  if (!outcome?.ok) throw new Error(`submit refused: ${JSON.stringify(outcome)}`);
  return outcome.value;
}

describe('the standby delete process of the lab host', () => {
  it('a plan starts it; cancelling the delete that took it kills it and leaves no process', async () => {
    const legacy01 = vmNamed('legacy01');
    await harness.call['jobs.planDelete'](legacy01);
    const ahead = standbyPid();
    expect(ahead).toBeDefined();

    await harness.lab().faults.inject({ commandName: 'Remove-VM', target: 'legacy01', kind: 'hang', seconds: 120 });
    const job = await submitOk(legacy01);
    await harness.events.waitFor(
      () => harness.events.lastJob(job.id)?.steps.find((step) => step.id === 'unregister')?.status === 'started',
      'the delete to hang in Remove-VM',
    );
    // The delete runs in the standby's process group, and it is the only run.
    expect(deleteRunsOn(harness.sandbox())).toContain(ahead);
    expect(runCount(deleteRunsOn(harness.sandbox()))).toBe(1);
    expect(liveGroupMembers(ahead ?? 0).length).toBeGreaterThan(0);

    const cancelled = await harness.call['jobs.cancel']({ jobId: job.id });
    expect(cancelled.status).toBe('cancelled');
    expect(deleteRunsOn(harness.sandbox())).toEqual([]);
    expect(liveGroupMembers(ahead ?? 0)).toEqual([]);
    expect(standbyPid()).toBeUndefined();
    await harness.lab().faults.clear({});
    await harness.core.services.jobs.whenIdle();
  });

  it('a delete that succeeded leaves a standby; the next delete runs on it end to end', async () => {
    const first = await harness.events.waitForEnd((await submitOk(vmNamed('dev01'))).id);
    expect(first.status).toBe('succeeded');
    const standby = standbyPid();
    expect(standby).toBeDefined();
    expect(isAlive(standby ?? 0)).toBe(true);

    const api01 = vmNamed('api01');
    const second = await harness.events.waitForEnd((await submitOk(api01)).id);
    expect(second.error).toBeNull();
    expect(second.status).toBe('succeeded');
    expect(second.steps.find((step) => step.id === 'unregister')?.status).toBe('succeeded');
    // The standby was taken (its process ran the delete and ended); the next one is another process.
    expect(liveGroupMembers(standby ?? 0)).toEqual([]);
    expect(standbyPid()).toBeDefined();
    expect(standbyPid()).not.toBe(standby);
    await harness.core.services.jobs.whenIdle();
    const snapshot = await harness.call['inventory.refresh']({ hostIds: ['lab'] });
    expect(snapshot.snapshots[0]?.vms.some((vm) => vm.id === api01.vmId)).toBe(false);
    expect(harness.events.invalid).toEqual([]);
  });

  it('a lab reset ends the standby; stop() leaves no PowerShell of the lab behind', async () => {
    const before = standbyPid();
    expect(before).toBeDefined();
    await harness.call['lab.reset']({});
    expect(standbyPid()).toBeUndefined();
    await harness.events.waitFor(() => liveGroupMembers(before ?? 0).length === 0, 'the old standby to exit');

    await harness.call['inventory.refresh']({});
    await harness.call['jobs.planDelete'](vmNamed('vdi01'));
    const last = standbyPid();
    expect(last).toBeDefined();
    await harness.stop();
    expect(liveGroupMembers(last ?? 0)).toEqual([]);
    expect(deleteRunsOn(harness.sandbox())).toEqual([]);
  });
});
