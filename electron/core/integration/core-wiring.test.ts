import { afterAll, describe, expect, it } from 'vitest';
import { channelNames } from '../../../shared/contract/api';
import { AppException } from '../../../shared/contract/errors';
import { createCore } from '../create-core';
import { InMemorySecretBox } from '../hosts/secret-box';
import { MemoryKeyValueStore } from '../store/settings-store';
import { codeOf, contractCalls } from './support/contract-calls';
import { RecordingSink } from './support/recording-sink';
import { IDENTITY, newDataDir, removeDataDir, repoRoot } from './support/test-core';

// How createCore connects the services, without running PowerShell: one handler per channel, nothing answers
// before start(), hosts added and removed reach the inventory, settings changes are validated and kept. (The lab
// reset's wiring is tested at the end of failure-retry.test.ts, on a lab the failures there changed.)

const cleanups: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the composed core without PowerShell runs', () => {
  it('has one handler per channel, answers not_ready before start, and wires hosts and settings', async () => {
    const dataDir = newDataDir('core-wiring-');
    cleanups.push(() => removeDataDir(dataDir));
    const events = new RecordingSink();
    const core = await createCore({
      dataDir,
      repoRoot,
      powershellPath: '/nonexistent/pwsh',
      secretBox: new InMemorySecretBox(),
      keyValueStore: () => new MemoryKeyValueStore(),
      events,
      identity: IDENTITY,
    });
    const call = contractCalls(core.handlers);
    expect(Object.keys(core.handlers).sort()).toEqual([...channelNames].sort());
    expect(() => core.handlers['hosts.list']({})).toThrow(AppException);
    expect(await codeOf(call['jobs.list']({}))).toBe('not_ready');
    expect(await call['app.ready']({})).toEqual({});

    await core.start();
    cleanups.push(() => core.stop());
    expect((await call['hosts.list']({})).hosts).toEqual([]);

    // A host added is read by the inventory; removed, it is gone from it.
    const host = await call['hosts.add']({
      displayName: 'Workstation',
      address: 'localhost',
      connection: { transport: 'local' },
    });
    expect((await call['inventory.list']({})).snapshots.map((snapshot) => snapshot.hostId)).toEqual([host.id]);
    const [read] = (await call['inventory.refresh']({ hostIds: [host.id] })).snapshots;
    expect(read?.error?.code).toBe('powershell_missing');
    await call['hosts.remove']({ hostId: host.id });
    expect((await call['inventory.list']({})).snapshots).toEqual([]);
    expect(await codeOf(call['inventory.list']({ hostId: host.id }))).toBe('host_not_found');

    // Settings: a patch is merged, checked and kept; a value outside the schema changes nothing.
    const updated = await call['settings.update']({ jobTimeouts: { deleteVmSeconds: 120 } });
    expect(updated.jobTimeouts).toMatchObject({ deleteVmSeconds: 120, planSeconds: 120 });
    expect(await codeOf(call['settings.update']({ inventoryRefreshSeconds: 5 }))).toBe('validation_failed');
    expect((await call['settings.get']({})).inventoryRefreshSeconds).toBe(300);
    expect((await call['settings.get']({})).jobTimeouts.deleteVmSeconds).toBe(120);

    // No lab host: nothing to reset.
    expect(await codeOf(call['lab.reset']({}))).toBe('host_not_found');
    expect(events.invalid).toEqual([]);
  });
});
