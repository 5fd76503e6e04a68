import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appError } from '../../../shared/contract/errors';
import { hostVm, VM_A, VM_B } from './test-support/fake-host-executor';
import { type Harness, startHarness } from './test-support/inventory-harness';

// What the job engine's hooks do to the inventory (C8): Deleting while the job runs, pruned on success,
// re-read on failure (real state plus a marker, or pruned when gone), re-read after a lifecycle job.

let h: Harness;
const web01 = (state = 'Off') => hostVm(VM_A, 'web01', state);
const db01 = (state = 'Off') => hostVm(VM_B, 'db01', state);

beforeEach(async () => {
  vi.useFakeTimers();
  h = await startHarness();
  h.executor.autoRespond = () => ({ vms: [web01(), db01()] });
  await h.service.refresh();
  h.sink.clear();
});
afterEach(() => {
  h.service.stop();
  vi.useRealTimers();
});

const shown = (vmId: string) => h.service.list('h1')[0]?.vms.find((vm) => vm.id === vmId);

describe('Deleting', () => {
  it('is shown when the job starts, as a patch of that VM, and findVm reports it', () => {
    h.service.markDeleting('h1', VM_A, 'j-1');
    expect(shown(VM_A)).toMatchObject({ state: 'Deleting', activeJobId: 'j-1', deleteFailed: null });
    expect(h.service.findVm('h1', VM_A)).toEqual({ name: 'web01', state: 'Deleting' });
    expect(h.sink.inventory).toHaveLength(1);
    expect(h.sink.last('h1').change).toMatchObject({
      kind: 'patch',
      removed: [],
      upserted: [{ id: VM_A, state: 'Deleting' }],
    });
    expect(shown(VM_B)?.state).toBe('Off');
  });

  it('survives refreshes while the job is in flight, even one that no longer lists the VM', async () => {
    h.service.markDeleting('h1', VM_A, 'j-1');
    h.executor.autoRespond = () => ({ vms: [web01('Stopping'), db01()] });
    await h.service.refresh();
    expect(shown(VM_A)).toMatchObject({ state: 'Deleting', activeJobId: 'j-1' });
    const snapshot = h.sink.last('h1').change;
    expect(snapshot.kind === 'snapshot' && snapshot.vms.find((vm) => vm.id === VM_A)?.state).toBe('Deleting');

    h.executor.autoRespond = () => ({ vms: [db01()] });
    await h.service.refresh();
    expect(shown(VM_A)).toMatchObject({ state: 'Deleting', name: 'web01' });
    expect(h.service.findVm('h1', VM_A)?.state).toBe('Deleting');
  });
});

describe('a delete that succeeded', () => {
  it('prunes the VM, tells it as a removal and persists the list without it', async () => {
    h.service.markDeleting('h1', VM_A, 'j-1');
    await h.service.deleteSucceeded('h1', VM_A, 'j-1');
    expect(shown(VM_A)).toBeUndefined();
    expect(h.service.findVm('h1', VM_A)).toBeNull();
    expect(h.sink.last('h1').change).toEqual({ kind: 'patch', upserted: [], removed: [VM_A] });
    await h.service.idle();
    expect(h.persistence.get('h1')?.vms.map((vm) => vm.id)).toEqual([VM_B]);
  });

  it('is not undone by a read that started while the job ran', async () => {
    h.executor.autoRespond = null;
    h.service.markDeleting('h1', VM_A, 'j-1');
    const reading = h.service.refresh();
    await h.service.deleteSucceeded('h1', VM_A, 'j-1');
    h.executor.pending('h1')[0]?.succeed([web01(), db01()]);
    await reading;
    expect(shown(VM_A)).toBeUndefined();
  });
});

describe('a delete that failed or was interrupted', () => {
  it('re-reads the host: the VM still there shows its real state plus the marker', async () => {
    h.service.markDeleting('h1', VM_A, 'j-1');
    h.executor.autoRespond = null;
    const failing = h.service.deleteFailed('h1', VM_A, 'j-1', 'file locked: web01.vhdx');
    // Until the re-read answers, the VM shows as last seen, unconfirmed, with the marker.
    expect(shown(VM_A)).toMatchObject({
      state: 'Off',
      stale: true,
      activeJobId: null,
      deleteFailed: { jobId: 'j-1', message: 'file locked: web01.vhdx' },
    });
    const run = h.executor.pending('h1')[0];
    expect(run).toBeDefined();
    run?.succeed([web01('Running'), db01()]);
    await failing;
    expect(shown(VM_A)).toMatchObject({
      state: 'Running',
      stale: false,
      activeJobId: null,
      deleteFailed: { jobId: 'j-1', message: 'file locked: web01.vhdx' },
    });
    expect(h.sink.last('h1').change.kind).toBe('snapshot');
  });

  it('keeps the marker through later refreshes and clears it when the admin retries', async () => {
    h.service.markDeleting('h1', VM_A, 'j-1');
    await h.service.deleteFailed('h1', VM_A, 'j-1', 'boom');
    await h.service.refresh();
    expect(shown(VM_A)?.deleteFailed).toEqual({ jobId: 'j-1', message: 'boom' });
    h.service.markDeleting('h1', VM_A, 'j-2');
    expect(shown(VM_A)).toMatchObject({ state: 'Deleting', activeJobId: 'j-2', deleteFailed: null });
    await h.service.deleteSucceeded('h1', VM_A, 'j-2');
    expect(shown(VM_A)).toBeUndefined();
  });

  it('prunes the VM when the re-read no longer finds it', async () => {
    h.service.markDeleting('h1', VM_A, 'j-1');
    h.executor.autoRespond = () => ({ vms: [db01()] });
    await h.service.deleteFailed('h1', VM_A, 'j-1', 'failed after removing the VM');
    expect(shown(VM_A)).toBeUndefined();
    expect(h.service.findVm('h1', VM_A)).toBeNull();
    // The VM coming back later (same id) carries no stale marker.
    h.executor.autoRespond = () => ({ vms: [web01(), db01()] });
    await h.service.refresh();
    expect(shown(VM_A)?.deleteFailed).toBeNull();
  });

  it('keeps a VM a refresh dropped mid-job, unconfirmed, when the re-read fails', async () => {
    h.service.markDeleting('h1', VM_A, 'j-1');
    h.executor.autoRespond = () => ({ vms: [web01('Stopping'), db01()] });
    await h.service.refresh();
    h.executor.autoRespond = () => ({ vms: [db01()] });
    await h.service.refresh();
    h.executor.autoRespond = () => ({ error: appError('host_unreachable', 'HV01 did not answer') });
    await h.service.deleteFailed('h1', VM_A, 'j-1', 'interrupted');
    // As last seen (the read that still listed it), flagged unconfirmed.
    expect(shown(VM_A)).toMatchObject({
      state: 'Stopping',
      stale: true,
      deleteFailed: { jobId: 'j-1', message: 'interrupted' },
    });
    expect(h.service.list('h1')[0]?.error?.code).toBe('host_unreachable');
  });

  it('discards a read that started while the job ran', async () => {
    h.executor.autoRespond = null;
    h.service.markDeleting('h1', VM_A, 'j-1');
    const during = h.service.refresh();
    const failing = h.service.deleteFailed('h1', VM_A, 'j-1', 'boom');
    const [runDuring, runAfter] = h.executor.pending('h1');
    runAfter?.succeed([web01('Off'), db01()]);
    await failing;
    runDuring?.succeed([web01('Stopping'), db01()]);
    await during;
    expect(shown(VM_A)).toMatchObject({ state: 'Off', deleteFailed: { jobId: 'j-1' } });
  });
});

describe('a lifecycle job that ended', () => {
  it('re-reads the host so the VM shows the state the host reports', async () => {
    h.executor.autoRespond = () => ({ vms: [web01('Running'), db01()] });
    await h.service.lifecycleEnded('h1', VM_A);
    expect(shown(VM_A)?.state).toBe('Running');
    expect(h.executor.runs).toHaveLength(2);
  });
});

describe('hooks for hosts the inventory does not know', () => {
  it('are ignored without throwing', async () => {
    h.service.markDeleting('nope', VM_A, 'j-1');
    await h.service.deleteSucceeded('nope', VM_A, 'j-1');
    await h.service.deleteFailed('nope', VM_A, 'j-1', 'x');
    await h.service.lifecycleEnded('nope', VM_A);
    expect(h.sink.inventory).toEqual([]);
    expect(h.executor.runs).toHaveLength(1);
  });
});
