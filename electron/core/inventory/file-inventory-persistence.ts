// The inventory cache on disk: one JSON file per host (`<hostId>.json`) in the app's data folder, each replaced
// atomically (temp file + rename), so a crash mid-write leaves the previous inventory, never half of one.
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { hostIdSchema } from '../../../shared/contract/primitives';
import { type AtomicFileWriter, writeFileAtomic } from '../store/atomic-file';
import { readIfExists } from '../store/file-io';
import { SerialQueue } from '../store/serial-queue';
import { type InventoryPersistence, type PersistedInventory, persistedInventorySchema } from './inventory-persistence';

export interface FileInventoryPersistenceOptions {
  /** The folder holding one file per host; created when missing. */
  readonly dir: string;
  /** fsync each write (default true). Tests may turn it off. */
  readonly sync?: boolean;
  /** Replaces a file; injectable so tests can make a write fail. */
  readonly writeFile?: AtomicFileWriter;
  /** Told about a file that could not be read (it is skipped; the next refresh of that host rewrites it). */
  readonly onUnreadable?: (path: string, error: unknown) => void;
}

const SUFFIX = '.json';
// atomic-file.ts names its temp files `<file>.tmp-<pid>-<random>`: a crash can leave one behind.
const TEMP_INFIX = `${SUFFIX}.tmp-`;

export class FileInventoryPersistence implements InventoryPersistence {
  // One queue for every host: writes are rare (one per refresh), and one queue keeps remove() after save() ordered.
  private readonly writes = new SerialQueue();

  constructor(private readonly options: FileInventoryPersistenceOptions) {}

  async loadAll(): Promise<PersistedInventory[]> {
    await mkdir(this.options.dir, { recursive: true });
    const names = await readdir(this.options.dir);
    await Promise.all(
      names
        .filter((name) => name.includes(TEMP_INFIX))
        .map((name) => rm(join(this.options.dir, name), { force: true })),
    );
    const records: PersistedInventory[] = [];
    for (const name of names.filter((entry) => entry.endsWith(SUFFIX)).sort()) {
      const record = await this.read(join(this.options.dir, name));
      if (record !== undefined && `${record.hostId}${SUFFIX}` === name) records.push(record);
    }
    return records;
  }

  /** Rejects (never throws) on a record that breaks the schema, before any file is touched. */
  async save(record: PersistedInventory): Promise<void> {
    const valid = persistedInventorySchema.parse(record);
    const path = this.pathOf(valid.hostId);
    const writeFile = this.options.writeFile ?? writeFileAtomic;
    await this.writes.run(async () => {
      await mkdir(this.options.dir, { recursive: true });
      await writeFile(path, `${JSON.stringify(valid)}\n`, { sync: this.options.sync ?? true });
    });
  }

  async remove(hostId: string): Promise<void> {
    const path = this.pathOf(hostId);
    await this.writes.run(() => rm(path, { force: true }));
  }

  private async read(path: string): Promise<PersistedInventory | undefined> {
    try {
      const content = await readIfExists(path);
      if (content === undefined) return undefined;
      return persistedInventorySchema.parse(JSON.parse(content.toString('utf8')));
    } catch (error) {
      this.options.onUnreadable?.(path, error);
      return undefined;
    }
  }

  /** Host ids are minted by main from a safe alphabet; checked again here because they become file names. */
  private pathOf(hostId: string): string {
    return join(this.options.dir, `${hostIdSchema.parse(hostId)}${SUFFIX}`);
  }
}
