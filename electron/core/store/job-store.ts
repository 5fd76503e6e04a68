// Crash-safe store of job records: an append-only journal (one checksummed line per put/patch/delete) plus a
// snapshot that compaction replaces atomically, after which the journal starts again empty. Loading reads the
// snapshot and replays the journal; output logs are never touched here, so load time depends on the number of
// jobs only. Every write is durable (fsynced, group-committed) before its promise resolves. See ADR 0005.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { type AtomicFileWriter, removeStaleTemps } from './atomic-file';
import { Journal, type JournalReadReport } from './journal';
import { deepFreeze, deleteLine, patchLine, putLine, replay, type StoredRecord } from './record-replay';
import { type RetentionPolicy, selectExpired } from './retention';
import { readSnapshot, writeSnapshot } from './snapshot';
import { StoreError } from './store-error';

export type { StoredRecord } from './record-replay';

export interface JobStoreOptions<T extends StoredRecord> {
  /** Folder holding this store's files (created if missing). */
  readonly dir: string;
  /** Validates every record written and every record loaded. Describe JSON values only (no Date, no Map). */
  readonly schema: z.ZodType<T>;
  /**
   * Version of `schema` (default 1), recorded in the snapshot. Bump it when the schema changes: the next load
   * validates every record (dropping failures, applying the schema's defaults) and rewrites the snapshot before
   * it accepts a write. So every snapshot record and journal entry was validated under the snapshot's version,
   * and a load under that same version trusts them (checksummed since), which keeps load time to a JSON.parse.
   */
  readonly schemaVersion?: number;
  /** fsync each write group (default true). Off only for tests and benchmarks. */
  readonly sync?: boolean;
  /**
   * Compact once the journal reaches max(this, a quarter of the snapshot's size) bytes (default 1 MiB). The
   * quarter bounds load time (the journal replay is the part that is validated) at a modest rewrite cost.
   */
  readonly compactAtBytes?: number;
  /** Stamps `updatedAt` on a patch that does not carry one. */
  readonly clock?: () => Date;
  /** Replaces the snapshot; injectable so tests can make it fail. */
  readonly writeFile?: AtomicFileWriter;
}

export interface JobStoreLoadReport {
  readonly records: number;
  readonly journal: JournalReadReport;
  /** Records dropped because they no longer pass the schema (kept on disk until the next compaction). */
  readonly invalidRecordIds: readonly string[];
  readonly skippedEntries: number;
  /** Temp files of an interrupted compaction that were removed. */
  readonly staleTempFiles: number;
}

interface Entry<T> {
  readonly record: T;
  /** updatedAt as a number, computed once for sorting. */
  readonly time: number;
}

const FILE_VERSION = 'v1';

export class JobStore<T extends StoredRecord> {
  private readonly snapshotPath: string;
  private readonly journalPath: string;
  private readonly entries = new Map<string, Entry<T>>();
  private journal: Journal | undefined;
  private seq = 0;
  private snapshotBytes = 0;
  private compaction: Promise<void> | undefined;
  /** The last failure of a background compaction (the journal stays valid; the next one retries). */
  lastCompactionError: unknown;

  constructor(private readonly options: JobStoreOptions<T>) {
    this.snapshotPath = join(options.dir, `jobs.${FILE_VERSION}.snapshot.json`);
    this.journalPath = join(options.dir, `jobs.${FILE_VERSION}.journal`);
  }

  async load(): Promise<JobStoreLoadReport> {
    if (this.journal) throw new StoreError('invalid-argument', 'The job store is already loaded.');
    await mkdir(this.options.dir, { recursive: true });
    const staleTempFiles = await removeStaleTemps(this.snapshotPath);
    const snapshot = await readSnapshot(this.snapshotPath);
    const opened = await Journal.open(this.journalPath, { sync: this.options.sync ?? true });
    const replayed = replay(snapshot.seq, snapshot.records, opened.entries);
    const trusted = snapshot.schemaVersion === this.schemaVersion;
    const invalidRecordIds: string[] = [];
    this.entries.clear();
    for (const [id, raw] of replayed.records) {
      if (trusted) {
        this.entries.set(id, toEntry(raw as unknown as T));
        continue;
      }
      const parsed = this.options.schema.safeParse(raw);
      if (parsed.success && parsed.data.id === id) this.entries.set(id, toEntry(parsed.data));
      else invalidRecordIds.push(id);
    }
    this.journal = opened.journal;
    this.seq = replayed.seq;
    this.snapshotBytes = snapshot.bytes;
    if (snapshot.schemaVersion !== undefined && !trusted) await this.rewriteUnderThisSchema();
    else this.maybeCompact();
    return {
      records: this.entries.size,
      journal: opened.report,
      invalidRecordIds,
      skippedEntries: replayed.skippedEntries,
      staleTempFiles,
    };
  }

  /** Records newest `updatedAt` first (ties by id), frozen. `filter` must not modify what it is given. */
  list(filter?: (record: T) => boolean, limit?: number): T[] {
    this.openJournal();
    let entries = [...this.entries.values()];
    if (filter) entries = entries.filter((entry) => filter(entry.record));
    entries.sort(newestFirst);
    // Frozen on the way out rather than at load: freezing 10,000 records would cost a third of the load budget.
    return (limit === undefined ? entries : entries.slice(0, limit)).map((entry) => deepFreeze(entry.record));
  }

  /** The record, frozen. */
  get(id: string): T | undefined {
    this.openJournal();
    const record = this.entries.get(id)?.record;
    return record && deepFreeze(record);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Inserts or replaces a whole record. Resolves with the stored (frozen) copy once it is durable. */
  async put(record: T): Promise<T> {
    const journal = this.writableJournal();
    const recordJson = JSON.stringify(this.validate(record));
    const stored = deepFreeze(JSON.parse(recordJson) as T);
    const seq = ++this.seq;
    this.entries.set(stored.id, toEntry(stored));
    await journal.append(putLine(seq, recordJson));
    this.maybeCompact();
    return stored;
  }

  /**
   * Shallow-merges `changes` into the record (nested objects and arrays are replaced whole) and stamps
   * `updatedAt` unless given. Invalid results and unknown ids change nothing.
   */
  async patch(id: string, changes: Partial<Omit<T, 'id'>>): Promise<T> {
    const journal = this.writableJournal();
    const current = this.entries.get(id);
    if (!current) throw new StoreError('not-found', `No job record ${id}.`);
    const withTime = { ...changes, updatedAt: changes.updatedAt ?? this.now().toISOString() };
    if ('id' in withTime) delete (withTime as { id?: unknown }).id;
    // The round trip through JSON makes memory hold exactly what a replay of the journal line will produce.
    const patchJson = JSON.stringify(withTime);
    const merged = this.validate({ ...current.record, ...(JSON.parse(patchJson) as object) });
    const stored = deepFreeze(JSON.parse(JSON.stringify(merged)) as T);
    const seq = ++this.seq;
    this.entries.set(id, toEntry(stored));
    await journal.append(patchLine(seq, id, patchJson));
    this.maybeCompact();
    return stored;
  }

  /** Deletes the records that exist among `ids`; returns how many were deleted. */
  async remove(ids: readonly string[]): Promise<number> {
    const journal = this.writableJournal();
    const present = [...new Set(ids)].filter((id) => this.entries.has(id));
    if (present.length === 0) return 0;
    const seq = ++this.seq;
    for (const id of present) this.entries.delete(id);
    await journal.append(deleteLine(seq, present));
    this.maybeCompact();
    return present.length;
  }

  /** Applies history retention; returns the deleted ids (the caller deletes their output logs). */
  async prune(policy: RetentionPolicy, isProtected?: (record: T) => boolean): Promise<string[]> {
    this.openJournal();
    const all = [...this.entries.values()].map((entry) => entry.record);
    const expired = selectExpired(all, policy, this.now(), isProtected);
    await this.remove(expired);
    return expired;
  }

  /** Writes a snapshot of the current state and empties the journal. Runs between writes, never during one. */
  compact(): Promise<void> {
    const journal = this.openJournal();
    this.compaction ??= journal
      .exclusive(async () => {
        // Serialised synchronously, so the snapshot is exactly the state at sequence `seq`. Writes queued behind
        // this task are already in memory, hence in the snapshot; their journal lines follow the reset and are
        // skipped on replay (seq not above the snapshot's), so nothing is applied twice or lost.
        const records = [...this.entries.values()].map((entry) => entry.record);
        const written = writeSnapshot(this.snapshotPath, this.seq, records, {
          schemaVersion: this.schemaVersion,
          sync: this.options.sync ?? true,
          ...(this.options.writeFile ? { writeFile: this.options.writeFile } : {}),
        });
        await written.done;
        await journal.reset();
        this.snapshotBytes = written.bytes;
      })
      .finally(() => {
        this.compaction = undefined;
      });
    return this.compaction;
  }

  /** Waits for queued writes and any compaction, then closes the files. */
  async close(): Promise<void> {
    const journal = this.journal;
    if (!journal) return;
    await this.compaction?.catch(() => undefined);
    await journal.close();
    this.journal = undefined;
    this.entries.clear();
  }

  /** After a schema change: no write may land in a journal whose snapshot was validated under another version. */
  private async rewriteUnderThisSchema(): Promise<void> {
    try {
      await this.compact();
    } catch (error) {
      await this.close();
      throw error;
    }
  }

  private maybeCompact(): void {
    const journal = this.journal;
    if (!journal || this.compaction !== undefined) return;
    const threshold = Math.max(this.options.compactAtBytes ?? 1024 * 1024, this.snapshotBytes / 4);
    if (journal.size < threshold) return;
    this.compact().then(
      () => {
        this.lastCompactionError = undefined;
      },
      (error: unknown) => {
        this.lastCompactionError = error;
      },
    );
  }

  private get schemaVersion(): number {
    return this.options.schemaVersion ?? 1;
  }

  private validate(value: unknown): T {
    const parsed = this.options.schema.safeParse(value);
    if (!parsed.success) {
      throw new StoreError('invalid-value', `Job record rejected: ${parsed.error.message}`, { cause: parsed.error });
    }
    return parsed.data;
  }

  private openJournal(): Journal {
    if (!this.journal) throw new StoreError('not-open', 'The job store is not loaded (call load()) or is closed.');
    return this.journal;
  }

  /** For writes: refuses before memory changes when the journal can no longer take the write. */
  private writableJournal(): Journal {
    const journal = this.openJournal();
    journal.assertWritable();
    return journal;
  }

  private now(): Date {
    return this.options.clock?.() ?? new Date();
  }
}

function toEntry<T extends StoredRecord>(record: T): Entry<T> {
  const time = Date.parse(record.updatedAt);
  return { record, time: Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time };
}

function newestFirst<T extends StoredRecord>(a: Entry<T>, b: Entry<T>): number {
  if (a.time !== b.time) return b.time > a.time ? 1 : -1;
  if (a.record.id === b.record.id) return 0;
  return a.record.id < b.record.id ? -1 : 1;
}
