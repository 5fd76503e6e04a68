import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from '../store/atomic-file';
import { FileInventoryPersistence } from './file-inventory-persistence';
import { hostVm, VM_A, VM_B } from './test-support/fake-host-executor';
import { persistedRecord, startHarness } from './test-support/inventory-harness';

let dir: string;

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'hv-inventory-')), 'inventory');
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('FileInventoryPersistence', () => {
  it('round-trips one record per host through one file each', async () => {
    const store = new FileInventoryPersistence({ dir, sync: false });
    expect(await store.loadAll()).toEqual([]);
    const h1 = persistedRecord('h1', [hostVm(VM_A, 'web01', 'Running', 'h1')]);
    const h2 = persistedRecord('h2', [hostVm(VM_B, 'quote\'s "$(evil)"\nname', 'Off', 'h2')]);
    await store.save(h1);
    await store.save(h2);
    expect((await readdir(dir)).sort()).toEqual(['h1.json', 'h2.json']);
    expect(await new FileInventoryPersistence({ dir }).loadAll()).toEqual([h1, h2]);

    await store.save({ ...h1, vms: [] });
    await store.remove('h2');
    expect(await new FileInventoryPersistence({ dir }).loadAll()).toEqual([{ ...h1, vms: [] }]);
  });

  it('skips an unreadable file and a file named for another host, and clears temp files a crash left', async () => {
    const unreadable: string[] = [];
    const store = new FileInventoryPersistence({ dir, onUnreadable: (path) => unreadable.push(path) });
    await store.save(persistedRecord('good', []));
    await writeFile(join(dir, 'broken.json'), '{"format": 1, "hostId": "bro');
    await writeFile(join(dir, 'wrong.json'), JSON.stringify(persistedRecord('other', [])));
    await writeFile(join(dir, 'good.json.tmp-123-abcd'), 'half a write');
    const records = await store.loadAll();
    expect(records.map((record) => record.hostId)).toEqual(['good']);
    expect(unreadable).toEqual([join(dir, 'broken.json')]);
    expect(await readdir(dir)).not.toContain('good.json.tmp-123-abcd');
  });

  it('refuses a record that breaks the schema and keeps the previous file', async () => {
    const store = new FileInventoryPersistence({ dir });
    await store.save(persistedRecord('h1', []));
    const before = await readFile(join(dir, 'h1.json'), 'utf8');
    await expect(store.save({ ...persistedRecord('h1', []), collectedAt: 'yesterday' })).rejects.toThrow();
    await expect(store.save(persistedRecord('../escape', []))).rejects.toThrow();
    expect(await readFile(join(dir, 'h1.json'), 'utf8')).toBe(before);
  });

  it('a failed write leaves the old file, and the service reports it and keeps the fresh inventory', async () => {
    await new FileInventoryPersistence({ dir }).save(persistedRecord('h1', [hostVm(VM_B, 'old01')]));
    const before = await readFile(join(dir, 'h1.json'), 'utf8');
    let failWrites = true;
    const flaky = new FileInventoryPersistence({
      dir,
      writeFile: async (path, data, options) => {
        if (failWrites) throw new Error('disk full');
        await writeFileAtomic(path, data, options);
      },
    });
    vi.useFakeTimers();
    const errors: unknown[] = [];
    const h = await startHarness({ persistence: flaky, onPersistError: (error) => errors.push(error) });
    h.executor.autoRespond = () => ({ vms: [hostVm(VM_A, 'web01')] });
    const [snapshot] = await h.service.refresh();
    await h.service.idle();
    expect(snapshot?.vms.map((vm) => vm.name)).toEqual(['web01']);
    expect(errors).toEqual([new Error('disk full')]);
    expect(await readFile(join(dir, 'h1.json'), 'utf8')).toBe(before);
    // The next read writes the whole inventory again.
    failWrites = false;
    await h.service.refresh();
    await h.service.idle();
    expect((await new FileInventoryPersistence({ dir }).loadAll())[0]?.vms.map((vm) => vm.name)).toEqual(['web01']);
    h.service.stop();
  });
});

describe('the inventory across a restart', () => {
  it('is shown from the file at once, stale, with the same VMs', async () => {
    vi.useFakeTimers();
    const first = await startHarness({ persistence: new FileInventoryPersistence({ dir, sync: false }) });
    first.executor.autoRespond = () => ({ vms: [hostVm(VM_A, 'web01', 'Running'), hostVm(VM_B, 'db01')] });
    const [before] = await first.service.refresh();
    // Overlays are the app's, not the host's: they are not persisted.
    first.service.markDeleting('h1', VM_B, 'j-1');
    await first.service.idle();
    first.service.stop();

    const second = await startHarness({ persistence: new FileInventoryPersistence({ dir }) });
    const [after] = second.service.list();
    expect(after).toEqual({
      ...before,
      stale: true,
      vms: before?.vms.map((vm) => ({ ...vm, stale: true })),
    });
    expect(second.executor.runs).toHaveLength(0);
    second.service.stop();
  });
});
