import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/contract/jobs';
import { sandboxFile } from './support/sandbox-files';
import { disposeTestCore, repoRoot, startTestCore, type TestCore } from './support/test-core';

// Failures on the host through the composed core: a cmdlet that fails mid-delete fails the job with the host's
// message, the VM is re-read and shown as it really is with the delete-failed marker, and a retry succeeds once
// the fault is gone; a bundle that vanished from the host is deployed again after the run that found it missing;
// finally a lab reset brings the deleted VMs back, with the bundle and warm session renewed.

const DB01 = { hostId: 'lab', vmId: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vmName: 'db01' };
const FAULT_MESSAGE = 'Simulated failure: the configuration of db01 is in use by another process.';

let harness: TestCore;

beforeAll(async () => {
  harness = await startTestCore();
});

afterAll(async () => {
  await disposeTestCore(harness);
});

async function submit(target: { hostId: string; vmId: string; vmName: string }): Promise<string> {
  const submitted = await harness.call['jobs.submitDelete']({ targets: [{ ...target, force: false }] });
  const outcome = submitted.items[0]?.outcome;
  if (!outcome?.ok) throw new Error(`submit refused: ${JSON.stringify(outcome)}`);
  return outcome.value.id;
}

async function finished(jobId: string): Promise<JobInfo> {
  await harness.core.services.jobs.whenIdle();
  return (await harness.call['jobs.get']({ jobId })).job;
}

function hostHasVm(vmId: string): boolean {
  const state = JSON.parse(readFileSync(join(harness.sandbox(), 'state.json'), 'utf8')) as { vms: { id: string }[] };
  return state.vms.some((vm) => vm.id === vmId);
}

describe('a delete that fails on the host', () => {
  let failedJobId: string;

  it('fails with the host message; the VM is re-read in its real state with the delete-failed marker', async () => {
    await harness
      .lab()
      .faults.inject({ commandName: 'Remove-VM', target: DB01.vmName, kind: 'fail', message: FAULT_MESSAGE });
    failedJobId = await submit(DB01);
    const job = await finished(failedJobId);

    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({ code: 'script_failed', step: 'unregister' });
    expect(job.error?.message).toContain(FAULT_MESSAGE);
    expect(job.error?.hostCode).toEqual(expect.any(String));
    expect(job.steps.find((step) => step.id === 'unregister')?.status).toBe('failed');
    expect(job.steps.find((step) => step.id === 'folders')?.status).toBe('pending');

    // The host still has the VM, without its disks (the disks step ran before Remove-VM failed).
    expect(hostHasVm(DB01.vmId)).toBe(true);
    expect(existsSync(sandboxFile(harness.sandbox(), 'C:\\VMs\\db01\\Virtual Hard Disks\\db01-os.vhdx'))).toBe(false);
    const vm = await harness.call['inventory.getVm']({ hostId: 'lab', vmId: DB01.vmId });
    expect(vm).toMatchObject({ state: 'Off', stale: false, activeJobId: null });
    expect(vm.deleteFailed).toEqual({ jobId: failedJobId, message: job.error?.message });
    // Re-read from the host, not the cached copy: the detached disks are gone from the VM.
    expect(vm.disks).toEqual([]);
    const notification = harness.events.events.find(
      ({ envelope }) => envelope.event === 'notification' && envelope.payload.jobId === failedJobId,
    );
    expect(notification?.envelope.payload).toMatchObject({ kind: 'error' });
  });

  it('a retry after the fault is cleared succeeds and prunes the VM', async () => {
    const cleared = await harness.lab().faults.clear({ commandName: 'Remove-VM' });
    expect(cleared.faults).toEqual([]);
    const retry = await harness.call['jobs.retry']({ jobId: failedJobId });
    expect(retry.retryOf).toBe(failedJobId);
    const job = await finished(retry.id);

    expect(job.status).toBe('succeeded');
    expect(hostHasVm(DB01.vmId)).toBe(false);
    expect(existsSync(sandboxFile(harness.sandbox(), 'C:\\VMs\\db01\\notes.txt'))).toBe(true);
    const vms = (await harness.call['inventory.list']({ hostId: 'lab' })).snapshots[0]?.vms ?? [];
    expect(vms.some((candidate) => candidate.id === DB01.vmId)).toBe(false);
    expect(harness.events.invalid).toEqual([]);
  });
});

describe('the agent bundle removed from the host behind the deploy cache', () => {
  const API01 = { hostId: 'lab', vmId: '', vmName: 'api01' };

  it('the run that finds it missing fails; the next one deploys the bundle again and succeeds', async () => {
    const api01 = (await harness.call['inventory.list']({ hostId: 'lab' })).snapshots[0]?.vms.find(
      (vm) => vm.name === 'api01',
    );
    API01.vmId = api01?.id ?? '';
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'powershell', 'agent', 'bundle.manifest.json'), 'utf8'));
    const bundleDir = sandboxFile(harness.sandbox(), `C:\\ProgramData\\HvAgent\\bundle\\${manifest.version}`);
    expect(existsSync(join(bundleDir, 'Invoke-DeleteVmJob.ps1'))).toBe(true);
    rmSync(bundleDir, { recursive: true, force: true });

    const broken = await finished(await submit(API01));
    expect(broken.status).toBe('failed');
    expect(broken.error?.code).toBe('script_failed');
    expect(broken.error?.hostCode).toBeNull();
    expect(hostHasVm(API01.vmId)).toBe(true);

    const retried = await finished((await harness.call['jobs.retry']({ jobId: broken.id })).id);
    expect(retried.status).toBe('succeeded');
    expect(existsSync(join(bundleDir, 'Invoke-DeleteVmJob.ps1'))).toBe(true);
    expect(hostHasVm(API01.vmId)).toBe(false);
  });
});

describe('a lab reset after all this', () => {
  it('rebuilds the host, forgets its bundle and warm session, and re-reads its VMs', async () => {
    const names = () => harness.core.services.inventory.list('lab')[0]?.vms.map((vm) => vm.name) ?? [];
    expect(names()).not.toContain('db01');
    expect(names()).not.toContain('api01');
    await harness.call['inventory.refresh']({ hostIds: ['lab'] });
    const warmBefore = harness.core.services.warmSessions.pidOf('lab');
    expect(warmBefore).toBeDefined();

    expect(await harness.call['lab.reset']({})).toEqual({ hostId: 'lab' });
    expect(names()).toEqual(expect.arrayContaining(['db01', 'api01']));
    expect(hostHasVm(DB01.vmId)).toBe(true);
    // A new warm session read the new host, and the bundle (gone with the old sandbox) was deployed again
    // before it: without the reset's invalidation the cached bundle path would point at nothing.
    const warmAfter = harness.core.services.warmSessions.pidOf('lab');
    expect(warmAfter).toBeDefined();
    expect(warmAfter).not.toBe(warmBefore);
    expect(harness.core.services.inventory.list('lab')[0]?.error).toBeNull();
    const planned = await harness.call['jobs.planDelete'](DB01);
    expect(planned.plan.vm).toMatchObject({ name: 'db01', present: true });
    expect(harness.events.invalid).toEqual([]);
  });
});
