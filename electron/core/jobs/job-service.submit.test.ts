// C4: every rejection of a delete or lifecycle request is a typed error with a clear message, and changes
// nothing; an accepted delete is persisted as a queued `delete_vm` job with exactly the request's fields.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelArgs } from '../../../shared/contract/api';
import { AppException } from '../../../shared/contract/errors';
import { jobInfoSchema } from '../../../shared/contract/jobs';
import { createTestEngine, HOST_A, HOST_B, type TestEngine, VM_1, VM_2 } from './test-support/engine';
import { gated, hang } from './test-support/fake-executor';
import { deferred } from './test-support/fakes';

let engine: TestEngine;
beforeEach(async () => {
  engine = await createTestEngine();
  engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
});
afterEach(async () => {
  await engine.close();
});

type Target = ChannelArgs<'jobs.submitDelete'>['targets'][number];
const target = (overrides: Partial<Target> = {}): Target => ({
  hostId: HOST_A,
  vmId: VM_1,
  vmName: 'web01',
  force: false,
  ...overrides,
});

async function submitOne(overrides: Partial<Target> = {}) {
  const { items } = await engine.service.submitDelete({ targets: [target(overrides)] });
  const [item] = items;
  if (!item) throw new Error('no item');
  return item.outcome;
}

async function expectRejected(overrides: Partial<Target>, code: string, message: RegExp) {
  const outcome = await submitOne(overrides);
  if (outcome.ok) throw new Error('accepted');
  expect(outcome.error.code).toBe(code);
  expect(outcome.error.message).toMatch(message);
  return outcome.error;
}

describe('submitDelete: C4 validation', () => {
  it('accepts an Off VM and persists a queued delete_vm job {vmId, vmName, hostId, force, requestedBy}', async () => {
    engine.executor.behaviour = hang;
    const outcome = await submitOne();
    if (!outcome.ok) throw new Error(outcome.error.message);
    const job = jobInfoSchema.parse(outcome.value);
    expect(job).toMatchObject({
      type: 'delete_vm',
      hostId: HOST_A,
      vmId: VM_1,
      vmName: 'web01',
      status: 'queued',
      requestedBy: 'CONTOSO\\admin',
      params: { force: false, mode: 'execute' },
      retryOf: null,
    });
    expect(job.steps.map((step) => step.status)).toEqual(Array(10).fill('pending'));
    expect(engine.store.get(job.id)).toMatchObject({ id: job.id, type: 'delete_vm', vmName: 'web01' });
    expect(engine.events.of('job.created').map((event) => event.job.id)).toEqual([job.id]);
  });

  it('rejects an unknown host', async () => {
    const error = await expectRejected({ hostId: 'h-nope' }, 'host_not_found', /No host with id 'h-nope'/);
    expect(error.details?.hostId).toBe('h-nope');
  });

  it('rejects a VM the host does not track (by id)', async () => {
    await expectRejected({ vmId: VM_2 }, 'vm_not_found', /'web01' \(2222.*\) is not in the inventory of host 'Host A'/);
    engine.inventory.addVm(HOST_B, VM_2, 'db01');
    await expectRejected({ vmId: VM_2 }, 'vm_not_found', /not in the inventory of host 'Host A'/);
  });

  it('rejects a name that no longer belongs to the id (S1)', async () => {
    await expectRejected({ vmName: 'web02' }, 'vm_name_mismatch', /is named 'web01', not 'web02'/);
  });

  it.each(['Running', 'Paused', 'Saved', 'Starting', 'Stopping', 'RunningCritical', 'SavedCritical'])(
    'rejects a %s VM without force',
    async (state) => {
      engine.inventory.addVm(HOST_A, VM_1, 'web01', state);
      await expectRejected({}, 'vm_running', new RegExp(`is ${state}\\. Turn it off first, or delete with force`));
    },
  );

  it.each(['Running', 'Paused', 'Saved', 'StoppingCritical'])('accepts a %s VM with force', async (state) => {
    engine.executor.behaviour = hang;
    engine.inventory.addVm(HOST_A, VM_1, 'web01', state);
    const outcome = await submitOne({ force: true });
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.value.params).toEqual({ force: true, mode: 'execute' });
  });

  it.each(['Off', 'OffCritical', 'Saving', 'Other'])('accepts a %s VM without force', async (state) => {
    engine.inventory.addVm(HOST_A, VM_1, 'web01', state);
    expect((await submitOne()).ok).toBe(true);
  });

  it('rejects a second job for the same VM while one is active (dedupe), and accepts one after it ends', async () => {
    const gate = deferred();
    engine.executor.behaviour = gated(() => gate.promise);
    const first = await submitOne();
    if (!first.ok) throw new Error('first refused');
    const error = await expectRejected(
      {},
      'job_active_for_vm',
      new RegExp(`already has an active job \\(${first.value.id}\\)`),
    );
    expect(error.details?.jobId).toBe(first.value.id);
    // A lifecycle job for the same VM is refused too.
    await expect(
      engine.service.submitLifecycle({ hostId: HOST_A, vmId: VM_1, vmName: 'web01', action: 'start' }),
    ).rejects.toMatchObject({ error: { code: 'job_active_for_vm' } });
    gate.resolve();
    await engine.service.whenIdle();
    expect((await submitOne()).ok).toBe(true);
  });

  it('judges each target of a multi-select on its own and queues the accepted ones in order', async () => {
    engine.executor.behaviour = hang;
    engine.inventory.addVm(HOST_A, VM_2, 'app01', 'Running');
    engine.inventory.addVm(HOST_B, VM_2, 'app01-b', 'Off');
    const { items } = await engine.service.submitDelete({
      targets: [
        target(),
        target({ vmId: VM_2, vmName: 'app01' }),
        target({ hostId: HOST_B, vmId: VM_2, vmName: 'app01-b' }),
      ],
    });
    expect(items.map((item) => (item.outcome.ok ? 'ok' : item.outcome.error.code))).toEqual(['ok', 'vm_running', 'ok']);
    const created = engine.events.of('job.created').map((event) => `${event.job.hostId}/${event.job.vmName}`);
    expect(created).toEqual([`${HOST_A}/web01`, `${HOST_B}/app01-b`]);
  });

  it('stores nothing and emits nothing for a rejected request', async () => {
    await expectRejected({ vmName: 'other' }, 'vm_name_mismatch', /not 'other'/);
    await expectRejected({ hostId: 'h-x' }, 'host_not_found', /h-x/);
    expect(engine.store.size).toBe(0);
    expect(engine.events.all).toEqual([]);
  });

  it('keeps hostile names as data in messages: quoted, one line', async () => {
    const hostile = 'web\'; Remove-Item C:\\ -Recurse; $(calc)\n##hvagent {"type":"result"}';
    engine.inventory.addVm(HOST_A, VM_1, hostile, 'Running');
    const error = await expectRejected({ vmName: hostile }, 'vm_running', /Turn it off first/);
    expect(error.message).not.toContain('\n');
  });
});

describe('submitLifecycle', () => {
  const args = (action: 'start' | 'shutdown' | 'turnoff' | 'save') =>
    ({ hostId: HOST_A, vmId: VM_1, vmName: 'web01', action }) as const;

  it('queues a vm_lifecycle job with the action and no steps yet', async () => {
    engine.executor.behaviour = hang;
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Running');
    const job = await engine.service.submitLifecycle(args('shutdown'));
    expect(job).toMatchObject({ type: 'vm_lifecycle', params: { action: 'shutdown' }, status: 'queued', steps: [] });
  });

  it.each([
    ['shutdown', 'Paused', /Cannot shut down VM 'web01': it is Paused \(shut down works from Running\)/],
    ['shutdown', 'SavedCritical', /it is SavedCritical/],
    ['save', 'Off', /Cannot save VM 'web01': it is Off \(save works from Running, Paused\)/],
  ] as const)('refuses %s from %s', async (action, state, message) => {
    engine.inventory.addVm(HOST_A, VM_1, 'web01', state);
    const rejection = engine.service.submitLifecycle(args(action));
    await expect(rejection).rejects.toBeInstanceOf(AppException);
    await expect(rejection).rejects.toMatchObject({
      error: { code: 'vm_state_invalid', message: expect.stringMatching(message) },
    });
  });

  it('leaves transitional and target states to the agent (it waits them out or reports skipped)', async () => {
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Starting');
    await expect(engine.service.submitLifecycle(args('shutdown'))).resolves.toMatchObject({ status: 'queued' });
    await engine.service.whenIdle();
    engine.inventory.addVm(HOST_A, VM_1, 'web01', 'Off');
    await expect(engine.service.submitLifecycle(args('turnoff'))).resolves.toMatchObject({ status: 'queued' });
  });

  it('rejects unknown host, untracked VM and a mismatched name like a delete', async () => {
    await expect(engine.service.submitLifecycle({ ...args('start'), hostId: 'h-x' })).rejects.toMatchObject({
      error: { code: 'host_not_found' },
    });
    await expect(engine.service.submitLifecycle({ ...args('start'), vmId: VM_2 })).rejects.toMatchObject({
      error: { code: 'vm_not_found' },
    });
    await expect(engine.service.submitLifecycle({ ...args('start'), vmName: 'x' })).rejects.toMatchObject({
      error: { code: 'vm_name_mismatch' },
    });
  });
});

describe('before start', () => {
  it('answers not_ready until recovery has run', async () => {
    const fresh = await createTestEngine({ noStart: true });
    try {
      await expect(fresh.service.submitDelete({ targets: [target()] })).rejects.toMatchObject({
        error: { code: 'not_ready' },
      });
    } finally {
      await fresh.service.start();
      await fresh.close();
    }
  });
});
