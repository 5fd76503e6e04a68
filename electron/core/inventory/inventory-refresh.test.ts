import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appError } from '../../../shared/contract/errors';
import { hostVm, VM_A, VM_B } from './test-support/fake-host-executor';
import { flush, type Harness, persistedRecord, START_TIME, startHarness } from './test-support/inventory-harness';

// Reading hosts (C2): the cache from disk, on-demand and scheduled reads, joins, discarded stale results, errors.

let h: Harness;

beforeEach(() => {
  // The schedule's timers only fire when a test advances them.
  vi.useFakeTimers();
});
afterEach(() => {
  h?.service.stop();
  vi.useRealTimers();
});

const vmStates = (hostId = 'h1') => h.service.list(hostId)[0]?.vms.map((vm) => [vm.name, vm.state, vm.stale]);

describe('the cache loaded at start', () => {
  it('is shown at once, marked stale, until a read replaces it', async () => {
    h = await startHarness({ persisted: [persistedRecord('h1', [hostVm(VM_A, 'web01', 'Running')])] });
    const [loaded] = h.service.list();
    expect(loaded).toMatchObject({
      hostId: 'h1',
      stale: true,
      refreshing: false,
      collectedAt: '2025-03-01T00:00:00.000Z',
    });
    expect(vmStates()).toEqual([['web01', 'Running', true]]);
    expect(h.executor.runs).toHaveLength(0);

    const refreshing = h.service.refresh(['h1']);
    expect(h.service.list()[0]?.refreshing).toBe(true);
    h.clock.set(START_TIME + 5000);
    h.executor.pending('h1')[0]?.succeed([hostVm(VM_A, 'web01', 'Off'), hostVm(VM_B, 'db01')]);
    const [after] = await refreshing;
    expect(after).toMatchObject({
      stale: false,
      refreshing: false,
      error: null,
      collectedAt: '2025-03-04T05:06:12.000Z',
    });
    expect(after?.host?.computerName).toBe('HV01');
    expect(vmStates()).toEqual([
      ['web01', 'Off', false],
      ['db01', 'Off', false],
    ]);
  });

  it('keeps only the hosts it is started with and forgets the records of removed hosts', async () => {
    h = await startHarness({
      hosts: ['h1'],
      persisted: [persistedRecord('h1', [hostVm(VM_A, 'web01')]), persistedRecord('gone', [])],
    });
    await h.service.idle();
    expect(h.service.list().map((snapshot) => snapshot.hostId)).toEqual(['h1']);
    expect(h.persistence.get('gone')).toBeUndefined();
    expect(h.persistence.get('h1')).toBeDefined();
  });
});

describe('reads', () => {
  it('run the inventory script with the documented payload and the read timeout', async () => {
    h = await startHarness();
    h.executor.autoRespond = () => ({ vms: [] });
    await h.service.refresh();
    const [run] = h.executor.runs;
    expect(run?.script).toBe('inventory');
    expect(run?.payload).toEqual({
      job_id: `inventory-h1-${START_TIME}-1`,
      requested_by: 'CONTOSO\\admin',
      control_plane: 'WS01',
    });
    expect(run?.options.timeoutMs).toBe(5000);
    expect(run?.options.signal?.aborted).toBe(false);
  });

  it('join: a second request while a read runs waits for the same read', async () => {
    h = await startHarness();
    const first = h.service.refresh(['h1']);
    const second = h.service.refresh();
    expect(h.executor.runs).toHaveLength(1);
    h.executor.runs[0]?.succeed([hostVm(VM_A, 'web01')]);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(a?.[0]?.vms.map((vm) => vm.name)).toEqual(['web01']);
    // Once it is done, the next request reads again.
    const third = h.service.refresh();
    expect(h.executor.runs).toHaveLength(2);
    h.executor.runs[1]?.succeed([]);
    await third;
  });

  it('a slow read that started first never overwrites a faster one that started later', async () => {
    h = await startHarness();
    const slow = h.service.refresh();
    // A re-read after a job ended never joins a read that started before the job ended.
    const fast = h.service.lifecycleEnded('h1', VM_A);
    const [runA, runB] = h.executor.pending('h1');
    h.clock.set(START_TIME + 1000);
    runB?.succeed([hostVm(VM_A, 'web01', 'Running')]);
    await fast;
    expect(vmStates()).toEqual([['web01', 'Running', false]]);
    expect(h.service.list()[0]?.refreshing).toBe(true);

    h.clock.set(START_TIME + 2000);
    runA?.succeed([hostVm(VM_A, 'web01', 'Off'), hostVm(VM_B, 'ghost')]);
    const [after] = await slow;
    expect(vmStates()).toEqual([['web01', 'Running', false]]);
    expect(after?.collectedAt).toBe('2025-03-04T05:06:08.000Z');
    expect(after?.refreshing).toBe(false);
    // The discarded read's end is told (refreshing false) without a snapshot of its data.
    expect(h.sink.last('h1').change).toEqual({ kind: 'patch', upserted: [], removed: [] });
    expect(h.sink.inventory.filter((event) => event.change.kind === 'snapshot')).toHaveLength(1);
  });

  it('the error of a read older than the data shown is dropped', async () => {
    h = await startHarness();
    const slow = h.service.refresh();
    const fast = h.service.lifecycleEnded('h1', VM_A);
    const [runA, runB] = h.executor.pending('h1');
    runB?.succeed([hostVm(VM_A, 'web01')]);
    await fast;
    runA?.reject(appError('host_unreachable', 'old failure'));
    await slow;
    expect(h.service.list()[0]?.error).toBeNull();
  });
});

describe('a failed read', () => {
  it('keeps the cached VMs, shows the error, and a later good read clears it', async () => {
    h = await startHarness();
    h.executor.autoRespond = () => ({ vms: [hostVm(VM_A, 'web01')] });
    await h.service.refresh();
    h.executor.autoRespond = () => ({ error: appError('host_unreachable', 'HV01 did not answer', { hostId: 'h1' }) });
    const [failed] = await h.service.refresh();
    expect(failed?.error).toEqual({
      code: 'host_unreachable',
      message: 'HV01 did not answer',
      details: { hostId: 'h1' },
    });
    expect(failed?.vms.map((vm) => vm.name)).toEqual(['web01']);
    const event = h.sink.last('h1');
    expect(event.error?.code).toBe('host_unreachable');
    expect(event.change).toEqual({ kind: 'patch', upserted: [], removed: [] });

    h.executor.autoRespond = () => ({ vms: [hostVm(VM_A, 'web01', 'Running')] });
    const [healed] = await h.service.refresh();
    expect(healed?.error).toBeNull();
    expect(healed?.vms[0]?.state).toBe('Running');
  });

  it('reports the host script failure with the host code, and a run without result as a protocol error', async () => {
    h = await startHarness();
    const first = h.service.refresh();
    h.executor.runs[0]?.finish({
      exitCode: 1,
      result: {
        jobId: 'x',
        type: 'result',
        script: 'inventory',
        status: 'failed',
        error: { code: 'hyperv_missing', message: 'The Hyper-V module is not installed', step: null, object: null },
        inventory: null,
      },
    });
    expect((await first)[0]?.error).toEqual({
      code: 'script_failed',
      message: 'The Hyper-V module is not installed',
      details: { hostId: 'h1', hostCode: 'hyperv_missing' },
    });
    const second = h.service.refresh();
    h.executor.runs[1]?.finish({ exitCode: 0, result: null });
    expect((await second)[0]?.error?.code).toBe('protocol_error');
  });

  it('turns an unexpected throw into an internal error instead of rejecting', async () => {
    h = await startHarness();
    h.executor.run = () => Promise.reject(new TypeError('boom'));
    const [snapshot] = await h.service.refresh();
    expect(snapshot?.error).toMatchObject({ code: 'internal', message: 'Reading the inventory failed: boom' });
  });
});

describe('the schedule', () => {
  it('reads each host on the staggered interval', async () => {
    h = await startHarness({ hosts: ['h1', 'h2', 'h3'], intervalMs: 3000 });
    h.executor.autoRespond = () => ({ vms: [] });
    const started = () => h.executor.runs.map((run) => run.hostId);
    await vi.advanceTimersByTimeAsync(0);
    expect(started()).toEqual(['h1']);
    await vi.advanceTimersByTimeAsync(999);
    expect(started()).toEqual(['h1']);
    await vi.advanceTimersByTimeAsync(1);
    expect(started()).toEqual(['h1', 'h2']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started()).toEqual(['h1', 'h2', 'h3']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(started()).toEqual(['h1', 'h2', 'h3', 'h1']);
  });

  it('a scheduled read joins an on-demand read already running', async () => {
    h = await startHarness({ intervalMs: 3000 });
    const onDemand = h.service.refresh();
    await vi.advanceTimersByTimeAsync(0);
    expect(h.executor.runs).toHaveLength(1);
    h.executor.runs[0]?.succeed([]);
    await onDemand;
  });

  it('an added host is read at once; a removed host is dropped with its cache and its running read', async () => {
    h = await startHarness({ hosts: ['h1'], intervalMs: 3000 });
    h.executor.autoRespond = (hostId) => ({ vms: [hostVm(VM_A, `vm-of-${hostId}`, 'Off', hostId)] });
    await vi.advanceTimersByTimeAsync(0);
    h.service.addHost('h2');
    await vi.advanceTimersByTimeAsync(0);
    expect(h.service.list('h2')[0]?.vms.map((vm) => vm.name)).toEqual(['vm-of-h2']);
    await h.service.idle();
    expect(h.persistence.get('h2')?.vms).toHaveLength(1);

    h.executor.autoRespond = null;
    const reading = h.service.refresh(['h2']);
    const run = h.executor.pending('h2')[0];
    h.service.removeHost('h2');
    expect(run?.options.signal?.aborted).toBe(true);
    await reading;
    await h.service.idle();
    expect(h.persistence.get('h2')).toBeUndefined();
    expect(() => h.service.list('h2')).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'host_not_found' }) }),
    );
    const eventsBefore = h.sink.inventory.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(h.executor.runs.filter((item) => item.hostId === 'h2')).toHaveLength(2);
    expect(h.sink.inventory.slice(eventsBefore).every((event) => event.hostId === 'h1')).toBe(true);
  });
});

describe('lookups', () => {
  it('list, getVm and findVm answer from the cache; unknown hosts and VMs are typed errors', async () => {
    h = await startHarness({ persisted: [persistedRecord('h1', [hostVm(VM_A, 'web01', 'Saved')])] });
    expect(h.service.getVm('h1', VM_A)).toMatchObject({ name: 'web01', state: 'Saved', stale: true });
    expect(h.service.findVm('h1', VM_A)).toEqual({ name: 'web01', state: 'Saved' });
    expect(h.service.findVm('h1', VM_B)).toBeNull();
    expect(h.service.findVm('nope', VM_A)).toBeNull();
    expect(() => h.service.getVm('h1', VM_B)).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'vm_not_found' }) }),
    );
    expect(() => h.service.getVm('nope', VM_A)).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ code: 'host_not_found' }) }),
    );
    await expect(h.service.refresh(['nope'])).rejects.toMatchObject({ error: { code: 'host_not_found' } });
    await flush();
  });
});
