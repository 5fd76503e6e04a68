import type { EventPayload } from '@shared/contract/api';
import { sampleDeleteJob, sampleHost, sampleSnapshot, sampleVm } from '@shared/contract/fixtures';
import type { VmInfo } from '@shared/contract/inventory';
import { describe, expect, it } from 'vitest';
import { createFakeApi, type FakeHandlers } from '../test-support/fake-api';
import {
  connectInventoryEvents,
  createInventoryStore,
  selectAllVms,
  selectHostInventories,
  selectHostVms,
  selectVm,
} from './inventory-store';

const VM_A = '11111111-1111-4111-8111-111111111111';
const VM_B = '22222222-2222-4222-8222-222222222222';
const VM_C = '33333333-3333-4333-8333-333333333333';

function vm(id: string, name: string, overrides: Partial<VmInfo> = {}): VmInfo {
  return sampleVm({ id, name, hostId: 'h1', ...overrides });
}

function event(
  hostId: string,
  change: EventPayload<'inventory.changed'>['change'],
  overrides: Partial<EventPayload<'inventory.changed'>> = {},
): EventPayload<'inventory.changed'> {
  return {
    hostId,
    collectedAt: '2025-01-02T10:45:00.000Z',
    stale: false,
    refreshing: false,
    error: null,
    host: null,
    change,
    ...overrides,
  };
}

async function connected(handlers: FakeHandlers = {}) {
  const fake = createFakeApi({
    'inventory.list': () => ({
      snapshots: [sampleSnapshot({ hostId: 'h1', vms: [vm(VM_A, 'alpha'), vm(VM_B, 'beta')] })],
    }),
    ...handlers,
  });
  const store = createInventoryStore(fake.api);
  const disconnect = connectInventoryEvents(fake.api, store);
  await new Promise((resolve) => setTimeout(resolve, 0));
  return { fake, store, disconnect };
}

describe('inventory store', () => {
  it('loads every host with inventory.list on connect', async () => {
    const { store, fake } = await connected();
    expect(fake.calls.map((call) => call.channel)).toContain('inventory.list');
    const state = store.getState();
    expect(state.loaded).toBe(true);
    expect(selectHostVms(state, 'h1').map((v) => v.name)).toEqual(['alpha', 'beta']);
    expect(selectHostInventories(state)[0]?.collectedAt).toBe(sampleSnapshot().collectedAt);
  });

  it('keeps the load error when inventory.list fails', async () => {
    const fake = createFakeApi();
    const store = createInventoryStore(fake.api);
    connectInventoryEvents(fake.api, store);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().loadError?.code).toBe('internal');
  });

  it('replaces a host with a snapshot, keeping unchanged VM objects and the list when nothing changed', async () => {
    const { store, fake } = await connected();
    const before = selectHostVms(store.getState(), 'h1');
    fake.emit('inventory.changed', event('h1', { kind: 'snapshot', vms: [vm(VM_A, 'alpha'), vm(VM_B, 'beta')] }));
    expect(selectHostVms(store.getState(), 'h1')).toBe(before);

    fake.emit(
      'inventory.changed',
      event('h1', { kind: 'snapshot', vms: [vm(VM_A, 'alpha'), vm(VM_B, 'beta', { state: 'Running' })] }),
    );
    const after = selectHostVms(store.getState(), 'h1');
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(after[1]?.state).toBe('Running');
  });

  it('applies a patch: upserts in place, appends new VMs, removes pruned ones', async () => {
    const { store, fake } = await connected();
    fake.emit(
      'inventory.changed',
      event('h1', {
        kind: 'patch',
        upserted: [vm(VM_B, 'beta', { state: 'Saved' }), vm(VM_C, 'gamma')],
        removed: [VM_A],
      }),
    );
    const vms = selectHostVms(store.getState(), 'h1');
    expect(vms.map((v) => [v.name, v.state])).toEqual([
      ['beta', 'Saved'],
      ['gamma', 'Off'],
    ]);
  });

  it('records the host status (stale, refreshing, error) without rebuilding the VM lists', async () => {
    const { store, fake } = await connected();
    const all = selectAllVms(store.getState());
    fake.emit(
      'inventory.changed',
      event(
        'h1',
        { kind: 'patch', upserted: [], removed: [] },
        { refreshing: true, stale: true, error: { code: 'host_unreachable', message: 'no route' } },
      ),
    );
    const state = store.getState();
    const host = state.hosts.h1;
    expect(host?.refreshing).toBe(true);
    expect(host?.stale).toBe(true);
    expect(host?.error?.code).toBe('host_unreachable');
    expect(selectAllVms(state)).toBe(all);
  });

  it('lists all hosts together and finds one VM by id', async () => {
    const { store, fake } = await connected();
    fake.emit('inventory.changed', event('h2', { kind: 'snapshot', vms: [vm(VM_C, 'gamma', { hostId: 'h2' })] }));
    const state = store.getState();
    expect(selectAllVms(state).map((v) => v.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(selectVm(state, 'h2', VM_C)?.name).toBe('gamma');
    expect(selectVm(state, 'h1', VM_C)).toBeNull();
  });

  it('does not let a late list answer overwrite a host an event already described', async () => {
    let answer: (value: { snapshots: ReturnType<typeof sampleSnapshot>[] }) => void = () => {};
    const fake = createFakeApi({ 'inventory.list': () => new Promise((resolve) => (answer = resolve)) });
    const store = createInventoryStore(fake.api);
    connectInventoryEvents(fake.api, store);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fake.emit('inventory.changed', event('h1', { kind: 'snapshot', vms: [vm(VM_A, 'fresh')] }));
    answer({ snapshots: [sampleSnapshot({ hostId: 'h1', vms: [vm(VM_A, 'old')] })] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(selectHostVms(store.getState(), 'h1').map((v) => v.name)).toEqual(['fresh']);
  });

  it('drops the inventory of a removed host', async () => {
    const { store, fake } = await connected();
    fake.emit('hosts.changed', { hosts: [sampleHost({ id: 'h-other' })] });
    expect(store.getState().hosts.h1).toBeUndefined();
    expect(selectAllVms(store.getState())).toEqual([]);
  });
});

describe('inventory store: Deleting overlays', () => {
  it('shows a submitted delete as Deleting until main marks the VM itself', async () => {
    const { store, fake } = await connected();
    store.getState().markDeleting([{ hostId: 'h1', vmId: VM_A, jobId: 'j-1' }]);
    expect(selectVm(store.getState(), 'h1', VM_A)).toMatchObject({ state: 'Deleting', activeJobId: 'j-1' });

    // A refresh that read the host before the job started does not clear the mark.
    fake.emit('inventory.changed', event('h1', { kind: 'snapshot', vms: [vm(VM_A, 'alpha'), vm(VM_B, 'beta')] }));
    expect(selectVm(store.getState(), 'h1', VM_A)?.state).toBe('Deleting');

    // Main's own mark settles it.
    fake.emit(
      'inventory.changed',
      event('h1', {
        kind: 'patch',
        upserted: [vm(VM_A, 'alpha', { state: 'Deleting', activeJobId: 'j-1' })],
        removed: [],
      }),
    );
    expect(store.getState().pending.size).toBe(0);
    expect(selectVm(store.getState(), 'h1', VM_A)?.state).toBe('Deleting');

    // Main's failure marker: the VM shows its real state plus "delete failed".
    fake.emit(
      'inventory.changed',
      event('h1', {
        kind: 'patch',
        upserted: [vm(VM_A, 'alpha', { state: 'Off', deleteFailed: { jobId: 'j-1', message: 'file locked' } })],
        removed: [],
      }),
    );
    expect(selectVm(store.getState(), 'h1', VM_A)).toMatchObject({
      state: 'Off',
      deleteFailed: { jobId: 'j-1', message: 'file locked' },
    });
  });

  it('drops the mark when the job ends without ever running (cancelled while queued)', async () => {
    const { store, fake } = await connected();
    store.getState().markDeleting([{ hostId: 'h1', vmId: VM_B, jobId: 'j-2' }]);
    fake.emit('job.updated', { job: sampleDeleteJob({ id: 'j-2', status: 'running' }) });
    expect(selectVm(store.getState(), 'h1', VM_B)?.state).toBe('Deleting');
    fake.emit('job.updated', { job: sampleDeleteJob({ id: 'j-2', status: 'cancelled' }) });
    expect(selectVm(store.getState(), 'h1', VM_B)?.state).toBe('Off');
    expect(store.getState().pending.size).toBe(0);
  });

  it('drops the mark when the VM is pruned after a successful delete', async () => {
    const { store, fake } = await connected();
    store.getState().markDeleting([{ hostId: 'h1', vmId: VM_A, jobId: 'j-3' }]);
    fake.emit('inventory.changed', event('h1', { kind: 'patch', upserted: [], removed: [VM_A] }));
    expect(selectVm(store.getState(), 'h1', VM_A)).toBeNull();
    expect(store.getState().pending.size).toBe(0);
  });

  it('leaves the other VMs of the host untouched by a mark', async () => {
    const { store } = await connected();
    const beta = selectVm(store.getState(), 'h1', VM_B);
    store.getState().markDeleting([{ hostId: 'h1', vmId: VM_A, jobId: 'j-4' }]);
    expect(selectVm(store.getState(), 'h1', VM_B)).toBe(beta);
  });
});
