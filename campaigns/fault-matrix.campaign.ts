import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteRunsOn } from '../electron/core/integration/support/processes';
import { type FaultCore, startFaultCore } from './support/faults-core';
import { type FaultRow, type RowContext, type RowOutcome, runRow } from './support/faults-row';
import {
  closedLoopbackPort,
  type SshTestHost,
  sshEnvironmentFor,
  sshHostDraft,
  startSshTestHost,
} from './support/faults-ssh';
import { printMatrix, rowLine } from './support/faults-table';
import { reportFigure } from './support/figure';

// The fault matrix (issue 5) over the real core, real pwsh, the lab's simulator and a real sshd on loopback: every
// destructive cmdlet the delete calls failing, a locked disk, ISO and folder (Remove-Item refused), PowerShell
// killed mid-stream, an unreachable host, an authentication failure and a hung cmdlet. Each row must end in the
// right status with a message naming the object and the host, leave the VM reconciled (re-read, its real state,
// the delete-failed marker, never Deleting), and a retry once the fault is gone must delete exactly the plan.
// Rows on the two lab hosts run side by side (different sandboxes, different VMs); the hung-cmdlet row runs
// alone at the end, because it lowers the delete timeout for every job of the core.

const LAB = { id: 'lab', displayName: 'Lab host' };
const LAB_B = { id: 'lab-b', displayName: 'Lab host B' };
const SSH_NAME = 'SSH host';
const HANG_TIMEOUT_SECONDS = 15;
const LOCK_ROW_TIMEOUT_MS = 240_000;

let core: FaultCore;
let ssh: SshTestHost;
let sshHostId = '';

const faults = (context: RowContext) => context.core.lab(context.hostId).faults;

/** A simulated cmdlet failing for this row's VM; cleared before the retry. */
function cmdletFails(
  cmdlet: string,
  hostId: string,
  vmName: string,
  force: boolean,
  object: (context: RowContext) => string,
  hostCode: string,
): FaultRow {
  return {
    fault: `${cmdlet} fails`,
    hostId,
    vmName,
    force,
    expected: { status: 'failed', code: 'script_failed', hostCode },
    object,
    arm: async (context) => {
      await faults(context).inject({
        commandName: cmdlet,
        target: vmName,
        kind: 'fail',
        message: `Simulated failure of ${cmdlet} for the fault matrix.`,
      });
    },
    disarm: async (context) => {
      await faults(context).clear({ commandName: cmdlet });
    },
  };
}

/** Remove-Item refused: a file or folder of the plan locked (chattr +i) until the retry. */
function locked(
  what: string,
  hostId: string,
  vmName: string,
  force: boolean,
  path: (context: RowContext) => string,
  hostCode: 'file_locked' | 'folder_locked',
  object: (context: RowContext) => string = path,
): FaultRow {
  return {
    fault: `Remove-Item of ${what} (locked)`,
    hostId,
    vmName,
    force,
    expected: { status: 'failed', code: 'script_failed', hostCode },
    object,
    endTimeoutMs: LOCK_ROW_TIMEOUT_MS,
    arm: async (context) => {
      await faults(context).lockFile(path(context));
    },
    disarm: async (context) => {
      await faults(context).unlockFile(path(context));
    },
  };
}

/** Waits until the job's `unregister` step has started (a hung Remove-VM holds it there). */
async function untilUnregistering(context: RowContext, jobId: string): Promise<void> {
  await context.core.events.waitFor(
    () => {
      const job = context.core.events.lastJob(jobId);
      if (!job || (job.status !== 'queued' && job.status !== 'running')) return true;
      return job.steps.some((step) => step.id === 'unregister' && step.status === 'started');
    },
    `job ${jobId} to reach Remove-VM`,
    120_000,
  );
}

function killGroups(pids: readonly number[]): number {
  let killed = 0;
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
      killed++;
    } catch {
      // Not a group leader (the dotnet child of the pwsh apphost), or gone.
    }
  }
  return killed;
}

const firstDisk = (context: RowContext) =>
  context.plan.drivesToDetach.find((drive) => drive.kind === 'disk')?.path ?? '?';
const planFile = (kind: string) => (context: RowContext) =>
  context.plan.filesToDelete.find((file) => file.kind === kind)?.path ?? '?';
const vmFolder = (context: RowContext) => context.plan.foldersToPrune.at(-1) ?? '?';

const labRows: FaultRow[] = [
  cmdletFails('Stop-ClusterGroup', LAB.id, 'sql01', true, () => 'sql01', 'cluster_error'),
  cmdletFails('Stop-VM', LAB.id, 'web01', true, () => 'web01', 'host_error'),
  cmdletFails('Remove-VMSnapshot', LAB.id, 'dev01', false, (c) => c.plan.checkpoints[0]?.name ?? '?', 'host_error'),
  cmdletFails('Remove-VMHardDiskDrive', LAB.id, 'api01', false, firstDisk, 'host_error'),
  locked('a disk', LAB.id, 'vdi01', false, planFile('disk'), 'file_locked'),
  {
    fault: 'pwsh SIGKILLed mid-stream',
    hostId: LAB.id,
    vmName: 'file01',
    force: true,
    expected: { status: 'failed', code: 'script_failed' },
    object: () => 'file01',
    // Remove-VM hangs, so the kill lands at a known point after the disks and media steps have streamed.
    arm: async (context) => {
      await faults(context).inject({ commandName: 'Remove-VM', target: 'file01', kind: 'hang', seconds: 300 });
    },
    during: async (context, jobId) => {
      await untilUnregistering(context, jobId);
      const runs = deleteRunsOn(context.sandboxPath);
      if (killGroups(runs) === 0) throw new Error(`no PowerShell run of job ${jobId} to kill (pids ${runs})`);
    },
    disarm: async (context) => {
      await faults(context).clear({ commandName: 'Remove-VM' });
    },
  },
];

const labBRows: FaultRow[] = [
  cmdletFails('Remove-ClusterGroup', LAB_B.id, 'sql01', true, () => 'sql01', 'cluster_error'),
  cmdletFails('Remove-VMDvdDrive', LAB_B.id, 'app01', true, () => 'C:\\ISO\\WS2022.iso', 'host_error'),
  cmdletFails('Remove-VM', LAB_B.id, 'db01', false, () => 'db01', 'host_error'),
  locked('an ISO', LAB_B.id, 'web01', true, planFile('provisioning_iso'), 'file_locked'),
  // A locked VM folder refuses the removal of the empty folders beneath it: the first of them is named.
  locked('a folder', LAB_B.id, 'build01', true, vmFolder, 'folder_locked', (c) => c.plan.foldersToPrune[0] ?? '?'),
];

const hangRow: FaultRow = {
  fault: 'hung cmdlet (Remove-VM)',
  hostId: LAB.id,
  vmName: 'vdi02',
  force: true,
  expected: { status: 'timed_out', code: 'timed_out' },
  object: () => 'vdi02',
  arm: async (context) => {
    await faults(context).inject({ commandName: 'Remove-VM', target: 'vdi02', kind: 'hang', seconds: 300 });
  },
  before: (context) => context.core.setDeleteTimeoutSeconds(HANG_TIMEOUT_SECONDS),
  after: (context) => context.core.setDeleteTimeoutSeconds(null),
  disarm: async (context) => {
    await faults(context).clear({ commandName: 'Remove-VM' });
  },
};

/** The ssh host's record pointed somewhere wrong for the first attempt, put right before the retry. */
function sshRow(
  fault: string,
  vmName: string,
  code: 'host_unreachable' | 'authentication_failed',
  breakIt: () => Promise<Record<string, unknown>>,
): FaultRow {
  const right = () => sshHostDraft(ssh, SSH_NAME).connection;
  return {
    fault,
    hostId: '',
    vmName,
    force: false,
    expected: { status: 'failed', code },
    object: () => vmName,
    arm: async (context) => {
      await context.core.call['hosts.update']({ id: context.hostId, connection: { ...right(), ...(await breakIt()) } });
    },
    disarm: async (context) => {
      await context.core.call['hosts.update']({ id: context.hostId, connection: right() });
    },
  };
}

const sshRows = (): FaultRow[] =>
  [
    sshRow('unreachable host (closed port)', 'db01', 'host_unreachable', async () => ({
      port: await closedLoopbackPort(),
    })),
    sshRow('authentication failure (wrong key)', 'api01', 'authentication_failed', async () => ({
      keyPath: ssh.unauthorizedKeyFilePath,
    })),
  ].map((row) => ({ ...row, hostId: sshHostId }));

beforeAll(async () => {
  ssh = await startSshTestHost();
  core = await startFaultCore({ labHosts: [LAB, LAB_B], ssh: sshEnvironmentFor(ssh) });
  const added = await core.call['hosts.add'](sshHostDraft(ssh, SSH_NAME));
  sshHostId = added.id;
  // A failure here is not thrown: the ssh rows then report it in the matrix, beside the rows that ran.
  const [snapshot] = (await core.call['inventory.refresh']({ hostIds: [sshHostId] })).snapshots;
  if (snapshot?.error) console.log(`fault matrix: the ssh host could not be read: ${snapshot.error.message}`);
});

afterAll(async () => {
  await core?.dispose();
  await ssh?.stop();
});

async function runAll(rows: readonly FaultRow[]): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  for (const row of rows) {
    const isSsh = row.hostId === sshHostId;
    const name = isSsh ? SSH_NAME : row.hostId === LAB_B.id ? LAB_B.displayName : LAB.displayName;
    const outcome = await runRow(core, row, name, isSsh ? ssh.sandboxPath : core.sandbox(row.hostId));
    outcomes.push(outcome);
    // One line per row as it ends, so a run that is stopped still shows how far it got.
    console.log(`fault matrix row: ${rowLine(outcome)}`);
  }
  return outcomes;
}

describe('fault matrix', () => {
  it('every fault ends right, is named, leaves the VM reconciled, and a retry deletes exactly the plan', async () => {
    const side = await Promise.all([runAll(labRows), runAll(labBRows), runAll(sshRows())]);
    const alone = await runAll([hangRow]);
    const outcomes = [...side.flat(), ...alone];
    printMatrix(outcomes);
    const count = (ok: (outcome: RowOutcome) => boolean) => outcomes.filter(ok).length;
    const figure = {
      faults: outcomes.length,
      status: count((o) => o.rightStatus),
      named: count((o) => o.namedObjectAndHost),
      reconciled: count((o) => o.reconciled),
      retried: count((o) => o.retriedOk),
    };
    reportFigure(
      'fault-matrix',
      `${figure.faults} faults: ${figure.status} right status, ${figure.named} named object+host, ${figure.reconciled} reconciled, ${figure.retried} retried ok`,
    );

    for (const outcome of outcomes) {
      const where = `${outcome.row.fault} (${outcome.vmName})`;
      expect(outcome.problem, where).toBeNull();
      expect(outcome.failed?.status, where).toBe(outcome.row.expected.status);
      expect(outcome.failed?.error?.code, where).toBe(outcome.row.expected.code);
      if (outcome.row.expected.hostCode)
        expect(outcome.failed?.error?.hostCode, where).toBe(outcome.row.expected.hostCode);
      expect(outcome.namedObjectAndHost, `${where}: ${outcome.failed?.error?.message} | ${outcome.notice}`).toBe(true);
      expect(outcome.shown?.state, where).not.toBe('Deleting');
      expect(outcome.reconciled, `${where}: ${JSON.stringify(outcome.shown)} on host ${outcome.hostState}`).toBe(true);
      expect(outcome.retried?.status, `${where}: ${outcome.retried?.error?.message}`).toBe('succeeded');
      expect(outcome.comparison, where).toEqual({ left: [], outside: [] });
      expect(outcome.retriedOk, where).toBe(true);
    }
    expect(figure).toEqual({ faults: 14, status: 14, named: 14, reconciled: 14, retried: 14 });
    expect(core.events.invalid).toEqual([]);
  }, 1_200_000);
});
