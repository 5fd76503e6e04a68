// One row of the fault matrix through the real core: plan the delete, arm the fault, run the delete (with an
// optional action while it runs, e.g. killing its PowerShell), read how it ended and what the inventory shows,
// disarm the fault, retry, and compare the host's disks before the first attempt with after the retry against the
// plan. Everything is recorded (not asserted here), so the campaign can print the whole matrix before it asserts.

import { readSandboxTree } from '../../electron/core/integration/support/sandbox-files';
import type { DeletePlan } from '../../shared/contract/delete-plan';
import type { VmInfo } from '../../shared/contract/inventory';
import type { JobInfo } from '../../shared/contract/jobs';
import type { FaultCore } from './faults-core';
import { compareWithPlan, hostVmState, type PlanComparison } from './faults-host';

export interface RowContext {
  readonly core: FaultCore;
  readonly hostId: string;
  readonly hostName: string;
  readonly sandboxPath: string;
  readonly vm: { readonly id: string; readonly name: string };
  readonly plan: DeletePlan;
}

export interface FaultRow {
  /** The fault, as the matrix prints it. */
  readonly fault: string;
  readonly hostId: string;
  readonly vmName: string;
  readonly force: boolean;
  readonly expected: {
    readonly status: JobInfo['status'];
    readonly code: string;
    /** The agent's own code, when the host reported the failure. */
    readonly hostCode?: string;
  };
  /** What the admin must be told failed: a path, a role, the VM's name (checked in the job's message). */
  object(context: RowContext): string;
  /** The host as the admin must see it named (its display name in the end notification, or its address). */
  readonly hostNamed?: (context: RowContext) => string;
  arm(context: RowContext): Promise<void>;
  /** Runs beside the job (after submit), e.g. kills its PowerShell mid-stream. */
  during?(context: RowContext, jobId: string): Promise<void>;
  disarm(context: RowContext): Promise<void>;
  /** Before the first attempt (e.g. a lowered timeout); undone by `after`. */
  before?(context: RowContext): void;
  after?(context: RowContext): void;
  readonly endTimeoutMs?: number;
}

export interface RowOutcome {
  readonly row: FaultRow;
  readonly vmName: string;
  readonly failed: JobInfo | null;
  readonly notice: string;
  readonly rightStatus: boolean;
  readonly namedObjectAndHost: boolean;
  /** The VM after the failed job: re-read (not stale), its real state, the delete-failed marker, never Deleting. */
  readonly reconciled: boolean;
  readonly shown: Pick<VmInfo, 'state' | 'stale' | 'deleteFailed' | 'activeJobId'> | null;
  readonly hostState: string | null;
  readonly retried: JobInfo | null;
  readonly retriedOk: boolean;
  readonly comparison: PlanComparison | null;
  readonly problem: string | null;
  readonly seconds: number;
}

async function vmNamed(core: FaultCore, hostId: string, name: string) {
  const vm = core.core.services.inventory.list(hostId)[0]?.vms.find((candidate) => candidate.name === name);
  if (!vm) throw new Error(`no VM named ${name} in the inventory of ${hostId}`);
  return vm;
}

function submitted(items: { outcome: { ok: boolean; value?: JobInfo; error?: unknown } }[]): JobInfo {
  const outcome = items[0]?.outcome;
  if (!outcome?.ok || !outcome.value) throw new Error(`delete refused: ${JSON.stringify(outcome?.error)}`);
  return outcome.value;
}

/** The end notification of a job: emitted after the inventory re-read, so waiting for it waits for C8. */
async function endNotice(core: FaultCore, jobId: string, timeoutMs: number): Promise<string> {
  const find = () =>
    core.events.events.find(({ envelope }) => envelope.event === 'notification' && envelope.payload.jobId === jobId)
      ?.envelope;
  await core.events.waitFor(() => find() !== undefined, `the end notification of ${jobId}`, timeoutMs);
  const envelope = find();
  return envelope?.event === 'notification' ? `${envelope.payload.title} | ${envelope.payload.body}` : '';
}

export async function runRow(
  core: FaultCore,
  row: FaultRow,
  hostName: string,
  sandboxPath: string,
): Promise<RowOutcome> {
  const startedAt = Date.now();
  const endTimeout = row.endTimeoutMs ?? 120_000;
  const vm = await vmNamed(core, row.hostId, row.vmName);
  const target = { hostId: row.hostId, vmId: vm.id, vmName: vm.name };
  const { plan } = await core.call['jobs.planDelete'](target);
  const context: RowContext = { core, hostId: row.hostId, hostName, sandboxPath, vm, plan };
  const before = readSandboxTree(sandboxPath);
  const base = { row, vmName: vm.name, retried: null, retriedOk: false, comparison: null, shown: null };
  let failed: JobInfo | null = null;
  try {
    await row.arm(context);
    row.before?.(context);
    let job: JobInfo;
    try {
      job = submitted((await core.call['jobs.submitDelete']({ targets: [{ ...target, force: row.force }] })).items);
      const during = row.during?.(context, job.id);
      failed = await core.events.waitForEnd(job.id, endTimeout);
      await during;
    } finally {
      row.after?.(context);
    }
    const notice = await endNotice(core, job.id, endTimeout);
    const shownVm = (await core.call['inventory.list']({ hostId: row.hostId })).snapshots[0]?.vms.find(
      (candidate) => candidate.id === vm.id,
    );
    const shown = shownVm
      ? {
          state: shownVm.state,
          stale: shownVm.stale,
          deleteFailed: shownVm.deleteFailed,
          activeJobId: shownVm.activeJobId,
        }
      : null;
    const hostState = hostVmState(sandboxPath, vm.id);
    const rightStatus =
      failed.status === row.expected.status &&
      failed.error?.code === row.expected.code &&
      (row.expected.hostCode === undefined || failed.error?.hostCode === row.expected.hostCode);
    const told = `${failed.error?.message ?? ''} ${failed.error?.object ?? ''} ${notice}`.toLowerCase();
    const hostNamed = (row.hostNamed?.(context) ?? hostName).toLowerCase();
    const namedObjectAndHost =
      told.includes(row.object(context).toLowerCase()) &&
      notice.toLowerCase().includes(`'${vm.name.toLowerCase()}'`) &&
      told.includes(hostNamed);
    // C8: still on the host -> shown in its real state, re-read, marked; gone -> pruned. Never left Deleting.
    const reconciled =
      hostState === null
        ? shown === null
        : shown !== null &&
          shown.state === hostState &&
          shown.activeJobId === null &&
          shown.deleteFailed?.jobId === job.id &&
          (row.expected.code === 'host_unreachable' || row.expected.code === 'authentication_failed' || !shown.stale);

    await row.disarm(context);
    const retry = await core.call['jobs.retry']({ jobId: job.id });
    const retried = await core.events.waitForEnd(retry.id, endTimeout);
    await endNotice(core, retry.id, endTimeout);
    const comparison = compareWithPlan(before, readSandboxTree(sandboxPath), plan);
    const stillListed = (await core.call['inventory.list']({ hostId: row.hostId })).snapshots[0]?.vms.some(
      (candidate) => candidate.id === vm.id,
    );
    const retriedOk =
      retried.status === 'succeeded' &&
      retried.retryOf === job.id &&
      comparison.left.length === 0 &&
      comparison.outside.length === 0 &&
      hostVmState(sandboxPath, vm.id) === null &&
      stillListed === false;
    return {
      ...base,
      failed,
      notice,
      rightStatus,
      namedObjectAndHost,
      reconciled,
      shown,
      hostState,
      retried,
      retriedOk,
      comparison,
      problem: null,
      seconds: (Date.now() - startedAt) / 1000,
    };
  } catch (error) {
    await row.disarm(context).catch(() => undefined);
    return {
      ...base,
      failed,
      notice: '',
      rightStatus: false,
      namedObjectAndHost: false,
      reconciled: false,
      hostState: null,
      problem: error instanceof Error ? error.message : String(error),
      seconds: (Date.now() - startedAt) / 1000,
    };
  }
}
