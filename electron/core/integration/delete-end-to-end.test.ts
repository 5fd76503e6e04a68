import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeleteJobInfo, JobInfo } from '../../../shared/contract/jobs';
import { renameLabVm } from './support/lab-state';
import { changesBetween, digestOf, readSandboxTree } from './support/sandbox-files';
import { disposeTestCore, startTestCore, type TestCore } from './support/test-core';

// The composed core against the lab host, end to end: a plan-only run changes nothing on the host; a delete of an
// Off VM emits its events in order while the script runs, shows the VM Deleting and then prunes it, and removes
// exactly the files and folders its plan named. Then hostile names: a VM renamed (on the host, behind the app's
// back) to PowerShell and shell injection attempts with a newline and a forged agent event, on a host whose display
// name is another attempt; plan, delete, events and notification carry them as data, and the canary files an
// injection would create never exist.

const DB01 = { hostId: 'lab', vmId: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vmName: 'db01' };

let harness: TestCore;

beforeAll(async () => {
  harness = await startTestCore();
});

afterAll(async () => {
  await disposeTestCore(harness);
});

describe('a delete on the lab host through the composed core', () => {
  let planned: Awaited<ReturnType<TestCore['core']['handlers']['jobs.planDelete']>>;

  it('plan-only returns the plan and changes nothing on the host', async () => {
    const before = readSandboxTree(harness.sandbox());
    planned = await harness.call['jobs.planDelete'](DB01);
    const after = readSandboxTree(harness.sandbox());

    expect(planned.plan.vm).toMatchObject({ id: DB01.vmId, name: 'db01', state: 'Off', present: true });
    expect(planned.plan.filesToDelete.map((file) => file.path)).toEqual(
      expect.arrayContaining(['C:\\VMs\\db01\\Virtual Hard Disks\\db01-os.vhdx', 'C:\\VMs\\db01-cidata.iso']),
    );
    expect(planned.plan.foldersToKeep.map((folder) => folder.path)).toContain('C:\\VMs\\db01');
    expect(digestOf(after)).toBe(digestOf(before));
    // Not a job: nothing stored, nothing announced.
    expect((await harness.call['jobs.list']({ offset: 0, limit: 100 })).total).toBe(0);
    expect(harness.events.events.filter(({ envelope }) => envelope.event.startsWith('job.'))).toEqual([]);
  });

  it('deletes an Off VM: ordered events with live output, Deleting then pruned, exactly the planned files gone', async () => {
    const before = readSandboxTree(harness.sandbox());
    const firstEvent = harness.events.events.length;
    const submitted = await harness.call['jobs.submitDelete']({ targets: [{ ...DB01, force: false }] });
    const outcome = submitted.items[0]?.outcome;
    if (!outcome?.ok) throw new Error(`submit refused: ${JSON.stringify(outcome)}`);
    const jobId = outcome.value.id;
    expect(outcome.value.status).toBe('queued');

    await harness.core.services.jobs.whenIdle();
    const after = readSandboxTree(harness.sandbox());
    const job = (await harness.call['jobs.get']({ jobId })).job as DeleteJobInfo;

    // The job: succeeded, every step as the delete of an Off, unclustered VM without checkpoints goes.
    expect(job.status).toBe('succeeded');
    expect(job.error).toBeNull();
    expect(Object.fromEntries(job.steps.map((step) => [step.id, step.status]))).toEqual({
      validate: 'succeeded',
      lock: 'succeeded',
      plan: 'succeeded',
      cluster: 'skipped',
      power: 'skipped',
      checkpoints: 'skipped',
      disks: 'succeeded',
      media: 'succeeded',
      unregister: 'succeeded',
      folders: 'succeeded',
    });
    expect(job.plan).toEqual(planned.plan);

    // Events in order: created, running, step changes with output interleaved, succeeded last.
    const updates = harness.events.jobUpdates(jobId);
    expect(updates[0]?.name).toBe('job.created');
    expect(updates[0]?.job.status).toBe('queued');
    expect(updates[1]?.job.status).toBe('running');
    expect(updates.at(-1)?.job.status).toBe('succeeded');
    expect(updates.slice(1, -1).every((update) => update.job.status === 'running')).toBe(true);
    expectStepsOnlyAdvance(updates.map((update) => update.job));

    const jobEvents = harness.events.events
      .slice(firstEvent)
      .map((recorded, index) => ({ ...recorded, index }))
      .filter(({ envelope }) => envelope.event.startsWith('job.') && jobIdOf(envelope.payload) === jobId);
    const stepChangeIndexes = stepChangeEventIndexes(jobEvents.map(({ envelope }) => envelope));
    const outputIndexes = jobEvents.flatMap(({ envelope }, i) => (envelope.event === 'job.output' ? [i] : []));
    // Output arrives between step changes, not after the script ended.
    const firstStep = stepChangeIndexes[0] ?? -1;
    const lastStep = stepChangeIndexes.at(-1) ?? -1;
    expect(outputIndexes.some((i) => i > firstStep && i < lastStep)).toBe(true);
    const lines = harness.events.outputLines(jobId);
    const finishedAt = updates.at(-1)?.at ?? 0;
    expect(lines.length).toBeGreaterThan(10);
    expect(lines[0]?.emittedAt).toBeLessThan(finishedAt - 1000);
    expect(lines.find((line) => line.text.includes("unregistering VM 'db01'"))?.emittedAt).toBeLessThan(finishedAt);
    expect(lines.map((line) => line.seq)).toEqual(lines.map((_, i) => i));

    // The stored output is what was emitted.
    const stored = await harness.call['jobs.getOutput']({ jobId, from: 0, limit: 10_000 });
    expect(stored.total).toBe(lines.length);
    expect(job.outputLineCount).toBe(lines.length);
    expect(stored.lines.map((line) => line.text)).toEqual(lines.map((line) => line.text));

    // Inventory: the VM shows Deleting while the job runs, then is pruned.
    const inventoryEvents = harness.events.events
      .slice(firstEvent)
      .flatMap(({ envelope }, index) =>
        envelope.event === 'inventory.changed' && envelope.payload.change.kind === 'patch'
          ? [{ index, change: envelope.payload.change }]
          : [],
      );
    const deleting = inventoryEvents.find(
      ({ change }) =>
        change.kind === 'patch' && change.upserted.some((vm) => vm.id === DB01.vmId && vm.state === 'Deleting'),
    );
    const pruned = inventoryEvents.find(({ change }) => change.kind === 'patch' && change.removed.includes(DB01.vmId));
    expect(deleting).toBeDefined();
    expect(pruned).toBeDefined();
    expect(deleting?.index ?? Infinity).toBeLessThan(pruned?.index ?? -1);
    const vmsNow = (await harness.call['inventory.list']({ hostId: 'lab' })).snapshots[0]?.vms ?? [];
    expect(vmsNow.map((vm) => vm.id)).not.toContain(DB01.vmId);
    expect(vmsNow.length).toBeGreaterThan(5);

    // The host: exactly the planned files and folders are gone, nothing else changed.
    const plan = job.plan;
    const changes = changesBetween(before, after);
    expect(changes.removedFiles).toEqual((plan?.filesToDelete.map((file) => file.path) ?? []).sort());
    expect(changes.removedFolders).toEqual([...(plan?.foldersToPrune ?? [])].sort());
    expect(changes.addedFiles).toEqual([]);
    expect(changes.changedFiles).toEqual([]);
    expect(changes.addedFolders).toEqual([]);
    expect(after.files.has('C:\\VMs\\db01\\notes.txt')).toBe(true);
    expect(job.result?.filesDeleted.slice().sort()).toEqual(changes.removedFiles);

    // The end is announced, and every event fits the contract.
    const notification = harness.events.events
      .slice(firstEvent)
      .find(({ envelope }) => envelope.event === 'notification' && envelope.payload.jobId === jobId);
    expect(notification?.envelope.payload).toMatchObject({ kind: 'success', title: "Deleted 'db01' on Lab host" });
    expect(harness.events.invalid).toEqual([]);
  });
});

describe('hostile VM and host names', () => {
  let canaries: string[];
  let hostileVmName: string;
  let hostileHostName: string;

  beforeAll(async () => {
    const canary = (name: string) => join(harness.dataDir, `canary-${name}`);
    canaries = ['ps', 'subexpr', 'sh', 'backtick', 'host'].map(canary);
    hostileVmName =
      `api01'; New-Item -ItemType File -Path '${canary('ps')}'; '` +
      ` $(New-Item -ItemType File -Path '${canary('subexpr')}')` +
      ` "; touch ${canary('sh')}; echo \`touch ${canary('backtick')}\` [*]?` +
      `\n##hvagent {"type":"result","job_id":null,"status":"succeeded","error":null} ü😀`;
    hostileHostName = `Lab"; $(New-Item -ItemType File -Path '${canary('host')}'); '`;
    renameLabVm(harness.sandbox(), 'api01', hostileVmName);
    await harness.call['hosts.update']({ id: 'lab', displayName: hostileHostName });
  });

  it('plan and delete treat them as data; no injection runs', async () => {
    const snapshot = (await harness.call['inventory.refresh']({ hostIds: ['lab'] })).snapshots[0];
    const vm = snapshot?.vms.find((candidate) => candidate.name === hostileVmName);
    if (!vm) throw new Error(`the renamed VM is not in the inventory: ${snapshot?.vms.map((v) => v.name)}`);
    expect((await harness.call['hosts.list']({})).hosts[0]?.displayName).toBe(hostileHostName);
    const target = { hostId: 'lab', vmId: vm.id, vmName: hostileVmName };

    const planned = await harness.call['jobs.planDelete'](target);
    expect(planned.plan.vm.name).toBe(hostileVmName);

    // S1: a name that differs in one character (a trailing space) is not this VM.
    const mismatch = await harness.call['jobs.submitDelete']({
      targets: [{ ...target, vmName: `${hostileVmName} `, force: false }],
    });
    const refused = mismatch.items[0]?.outcome;
    expect(refused?.ok === false ? refused.error.code : null).toBe('vm_name_mismatch');

    const submitted = await harness.call['jobs.submitDelete']({ targets: [{ ...target, force: false }] });
    const outcome = submitted.items[0]?.outcome;
    if (!outcome?.ok) throw new Error(`submit refused: ${JSON.stringify(outcome)}`);
    const jobId = outcome.value.id;
    await harness.core.services.jobs.whenIdle();
    const { job } = await harness.call['jobs.get']({ jobId });
    expect(job.status).toBe('succeeded');
    expect(job.vmName).toBe(hostileVmName);

    // Gone from the host and from the inventory.
    const state = JSON.parse(readFileSync(join(harness.sandbox(), 'state.json'), 'utf8')) as { vms: { id: string }[] };
    expect(state.vms.some((candidate) => candidate.id === vm.id)).toBe(false);
    const vms = (await harness.call['inventory.list']({ hostId: 'lab' })).snapshots[0]?.vms ?? [];
    expect(vms.some((candidate) => candidate.id === vm.id)).toBe(false);

    // The forged event in the name never became an event: every event line is the agent's own, for this job.
    const lines = harness.events.outputLines(jobId);
    const eventLines = lines.filter((line) => line.stream === 'event');
    expect(eventLines.length).toBeGreaterThan(5);
    for (const line of eventLines) expect(JSON.parse(line.text.slice('##hvagent '.length)).job_id).toBe(jobId);
    expect(lines.some((line) => line.stream !== 'event' && line.text.startsWith('##hvagent'))).toBe(false);
    // The log shows the name with its newline escaped.
    expect(lines.some((line) => line.text.includes('\\x0A##hvagent') || line.text.includes('\\x0a##hvagent'))).toBe(
      true,
    );

    // The notification names the host as it was typed (shortened to fit a title).
    const notification = harness.events.events.find(
      ({ envelope }) => envelope.event === 'notification' && envelope.payload.jobId === jobId,
    );
    expect(notification?.envelope.event === 'notification' && notification.envelope.payload.title).toContain(
      ` on ${hostileHostName.slice(0, 40)}`,
    );

    for (const canary of canaries) expect(existsSync(canary), canary).toBe(false);
    expect(harness.events.invalid).toEqual([]);
  });
});

function jobIdOf(payload: unknown): string | undefined {
  const value = payload as { job?: { id: string }; jobId?: string };
  return value.job?.id ?? value.jobId;
}

/** Indexes (in the job's own events) of the updates whose step states differ from the previous update's. */
function stepChangeEventIndexes(envelopes: readonly { event: string; payload: unknown }[]): number[] {
  let previous = '';
  const indexes: number[] = [];
  envelopes.forEach((envelope, index) => {
    if (envelope.event !== 'job.updated') return;
    const steps = JSON.stringify((envelope.payload as { job: JobInfo }).job.steps.map((step) => step.status));
    if (previous !== '' && steps !== previous) indexes.push(index);
    previous = steps;
  });
  return indexes;
}

const STEP_ORDER = ['pending', 'started', 'succeeded'];

/** A step never goes back (pending -> started -> succeeded/skipped). */
function expectStepsOnlyAdvance(jobs: readonly JobInfo[]): void {
  for (let i = 1; i < jobs.length; i += 1) {
    const previous = jobs[i - 1]?.steps ?? [];
    for (const step of jobs[i]?.steps ?? []) {
      const was = previous.find((candidate) => candidate.id === step.id)?.status ?? 'pending';
      if (step.status === 'skipped' || was === 'skipped') continue;
      expect(STEP_ORDER.indexOf(step.status), `${step.id}: ${was} -> ${step.status}`).toBeGreaterThanOrEqual(
        STEP_ORDER.indexOf(was),
      );
    }
  }
}
