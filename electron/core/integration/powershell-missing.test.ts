import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import {
  labRecord,
  newDataDir,
  removeDataDir,
  seedHostRecords,
  startTestCore,
  type TestCore,
} from './support/test-core';

// No PowerShell where the settings say (a missing file): every run reports `powershell_missing` with a clear
// message, the core keeps working (nothing crashes, no promise is left rejected unhandled), whether PowerShell
// was never there or went away between two runs of the app.

const MISSING = '/nonexistent/powershell/pwsh';
const DB01 = { hostId: 'lab', vmId: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', vmName: 'db01' };

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
const cores: TestCore[] = [];

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
});

afterAll(async () => {
  for (const core of cores) {
    await core.stop();
    removeDataDir(core.dataDir);
  }
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
});

/** A core on a data folder another run left (its hosts are kept as they are). */
async function missingCore(dataDir: string): Promise<TestCore> {
  const core = await startTestCore({ dataDir, labHosts: [], powershellPath: MISSING, prepareLabs: false });
  cores.push(core);
  return core;
}

describe('no PowerShell on this workstation', () => {
  it('every host reads and tests as powershell_missing; the core keeps answering', async () => {
    const dataDir = newDataDir('core-nopwsh-');
    await seedHostRecords(dataDir, [
      labRecord({ id: 'lab', displayName: 'Lab host' }),
      { ...labRecord({ id: 'local-1', displayName: 'This workstation' }), connection: { transport: 'local' } },
    ]);
    const core = await missingCore(dataDir);

    const { snapshots } = await core.call['inventory.refresh']({});
    expect(snapshots.map((snapshot) => [snapshot.hostId, snapshot.error?.code])).toEqual([
      ['lab', 'powershell_missing'],
      ['local-1', 'powershell_missing'],
    ]);
    for (const snapshot of snapshots) expect(snapshot.error?.message).toMatch(/PowerShell/i);

    for (const hostId of ['lab', 'local-1']) {
      const tested = await core.call['hosts.test']({ kind: 'saved', hostId });
      expect(tested.status).toMatchObject({ reachable: false });
      expect(tested.status.error?.code).toBe('powershell_missing');
    }
    expect((await core.call['settings.get']({})).jobTimeouts.deleteVmSeconds).toBe(900);
    expect(core.events.invalid).toEqual([]);
    expect(unhandled).toEqual([]);
  });

  it('PowerShell gone since the last run: a delete of a cached VM fails with powershell_missing, a plan rejects', async () => {
    // A run with PowerShell reads the lab host and keeps its inventory on disk.
    const withPowerShell = await startTestCore();
    cores.push(withPowerShell);
    await withPowerShell.stop();

    const core = await missingCore(withPowerShell.dataDir);
    const cached = await core.call['inventory.getVm']({ hostId: 'lab', vmId: DB01.vmId });
    expect(cached).toMatchObject({ name: 'db01', stale: true });

    const plan = await core.call['jobs.planDelete'](DB01).catch((error: unknown) => error);
    expect(plan).toBeInstanceOf(AppException);
    expect((plan as AppException).error.code).toBe('powershell_missing');

    const submitted = await core.call['jobs.submitDelete']({ targets: [{ ...DB01, force: false }] });
    const outcome = submitted.items[0]?.outcome;
    if (!outcome?.ok) throw new Error(`submit refused: ${JSON.stringify(outcome)}`);
    await core.core.services.jobs.whenIdle();
    const { job } = await core.call['jobs.get']({ jobId: outcome.value.id });
    expect(job.status).toBe('failed');
    expect(job.error?.code).toBe('powershell_missing');
    expect(job.error?.message).toContain(MISSING);
    // The VM stays as last seen, flagged, since it could not be re-read.
    const vm = await core.call['inventory.getVm']({ hostId: 'lab', vmId: DB01.vmId });
    expect(vm.deleteFailed?.jobId).toBe(job.id);
    expect(vm.stale).toBe(true);

    expect(core.events.invalid).toEqual([]);
    expect(unhandled).toEqual([]);
  });
});
