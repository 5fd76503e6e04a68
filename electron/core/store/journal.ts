// An append-only file of JSON entries, one per line, each framed with a CRC32 so a line torn by a crash or
// damaged on disk is recognised and skipped: `<crc32 as 8 hex digits> <json>\n`.
//
// Appends are group-committed: entries that arrive while a write+fsync is in flight go out together in the next
// single write and fsync, and each append's promise resolves only once its line is durable. A failed write makes
// the journal refuse every later write (fail-stop): after a failed write or fsync nobody knows what reached the
// disk, and appending after a half-written line would corrupt the next one. Reopening repairs the tail.

import { type FileHandle, open } from 'node:fs/promises';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import { syncDirectory } from './atomic-file';
import { readIfExists, writeAll } from './file-io';
import { StoreError } from './store-error';

export interface JournalOptions {
  /** fsync each group before resolving (default true). Without it an append survives a process kill only. */
  readonly sync?: boolean;
}

export interface JournalReadReport {
  /** Intact entries read. */
  readonly entries: number;
  /** Complete lines whose checksum or JSON was bad (skipped). */
  readonly corruptLines: number;
  /** Bytes cut from the end of the file: a torn last line and any bad lines after the last good one. */
  readonly truncatedTailBytes: number;
}

type QueueItem =
  | { kind: 'line'; bytes: Buffer; resolve: () => void; reject: (error: unknown) => void }
  | { kind: 'task'; run: () => Promise<void>; reject: (error: unknown) => void };

const NEWLINE = 0x0a;
const SPACE = 0x20;
const CRC_DIGITS = 8;

export class Journal {
  private readonly queue: QueueItem[] = [];
  private draining = false;
  private failure: unknown;
  private closed = false;

  private constructor(
    private readonly handle: FileHandle,
    private readonly sync: boolean,
    private bytes: number,
  ) {}

  /** Opens (creating if needed) the journal, returns its intact entries and cuts a damaged tail. */
  static async open(
    path: string,
    options: JournalOptions = {},
  ): Promise<{ journal: Journal; entries: unknown[]; report: JournalReadReport }> {
    const sync = options.sync ?? true;
    const content = await readIfExists(path);
    const parsed = parseJournal(content ?? Buffer.alloc(0));
    const handle = await open(path, 'a');
    try {
      if (content === undefined && sync) await syncDirectory(dirname(path));
      if (parsed.goodEnd < (content?.length ?? 0)) {
        await handle.truncate(parsed.goodEnd);
        if (sync) await handle.datasync();
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    const report: JournalReadReport = {
      entries: parsed.entries.length,
      corruptLines: parsed.corruptLines,
      truncatedTailBytes: (content?.length ?? 0) - parsed.goodEnd,
    };
    return { journal: new Journal(handle, sync, parsed.goodEnd), entries: parsed.entries, report };
  }

  /** Size of the journal in bytes, including appends not yet written. */
  get size(): number {
    return this.bytes;
  }

  /** Throws what append() would reject with, so a caller can refuse before changing its own state. */
  assertWritable(): void {
    const refusal = this.refusal();
    if (refusal) throw refusal;
  }

  /** Appends one entry, given as its JSON text; resolves once it is written (and fsynced unless sync is off). */
  append(entryJson: string): Promise<void> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    const bytes = frameLine(entryJson);
    this.bytes += bytes.length;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ kind: 'line', bytes, resolve, reject });
      this.scheduleDrain();
    });
  }

  /**
   * Runs `task` after every append queued so far is durable and before any later one is written. Compaction
   * uses it to replace the snapshot and then reset() the journal with no write in between.
   */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const refusal = this.refusal();
    if (refusal) return Promise.reject(refusal);
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind: 'task', run: () => task().then(resolve, reject), reject });
      this.scheduleDrain();
    });
  }

  /** Empties the journal. Call only inside exclusive(), after its entries are safely elsewhere. */
  async reset(): Promise<void> {
    await this.handle.truncate(0);
    if (this.sync) await this.handle.datasync();
    // Appends queued behind the running task are already counted in `bytes`.
    this.bytes = this.queue.reduce((sum, item) => sum + (item.kind === 'line' ? item.bytes.length : 0), 0);
  }

  /** Waits for queued appends, then closes the file. Later calls are refused with `not-open`. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.exclusive(async () => undefined).catch(() => undefined);
    this.closed = true;
    await this.handle.close();
  }

  private refusal(): StoreError | undefined {
    if (this.closed) return new StoreError('not-open', 'The journal is closed.');
    if (this.failure !== undefined) {
      return new StoreError('write-failed', 'An earlier journal write failed; reopen the store.', {
        cause: this.failure,
      });
    }
    return undefined;
  }

  private scheduleDrain(): void {
    if (this.draining) return;
    this.draining = true;
    // A microtask later, so appends made in the same synchronous burst share one write and one fsync.
    queueMicrotask(() => void this.drain());
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const first = this.queue[0];
      if (first?.kind === 'task') {
        this.queue.shift();
        const refusal = this.refusal();
        if (refusal) first.reject(refusal);
        else await first.run();
        continue;
      }
      let count = 0;
      while (this.queue[count]?.kind === 'line') count++;
      const group = this.queue.splice(0, count) as Extract<QueueItem, { kind: 'line' }>[];
      try {
        if (this.failure !== undefined) throw this.refusal();
        await writeAll(this.handle, Buffer.concat(group.map((item) => item.bytes)));
        if (this.sync) await this.handle.datasync();
        for (const item of group) item.resolve();
      } catch (error) {
        this.failure ??= error;
        const refusal = this.refusal();
        for (const item of group) item.reject(refusal);
      }
    }
    this.draining = false;
  }
}

export function frameLine(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const crc = crc32(body).toString(16).padStart(CRC_DIGITS, '0');
  return Buffer.concat([Buffer.from(`${crc} `, 'latin1'), body, Buffer.from('\n', 'latin1')]);
}

/** Splits journal bytes into intact entries; `goodEnd` is the byte just after the last intact line. */
export function parseJournal(content: Buffer): { entries: unknown[]; corruptLines: number; goodEnd: number } {
  const entries: unknown[] = [];
  let corruptLines = 0;
  let goodEnd = 0;
  let start = 0;
  for (let end = content.indexOf(NEWLINE, start); end !== -1; end = content.indexOf(NEWLINE, start)) {
    const entry = decodeLine(content, start, end);
    if (entry === undefined) {
      corruptLines++;
    } else {
      entries.push(entry);
      goodEnd = end + 1;
    }
    start = end + 1;
  }
  return { entries, corruptLines, goodEnd };
}

function decodeLine(content: Buffer, start: number, end: number): unknown {
  if (end - start <= CRC_DIGITS + 1 || content[start + CRC_DIGITS] !== SPACE) return undefined;
  const expected = Number.parseInt(content.toString('latin1', start, start + CRC_DIGITS), 16);
  if (crc32(content.subarray(start + CRC_DIGITS + 1, end)) !== expected) return undefined;
  try {
    return JSON.parse(content.toString('utf8', start + CRC_DIGITS + 1, end));
  } catch {
    return undefined;
  }
}
