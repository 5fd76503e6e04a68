// Every job's output, one append-only log per job (format in output-log-format.ts). Appends to a job are
// serialised and written one batch per write; reads of any line range start from the sparse index, so reading
// lines [from, to) costs the lines read plus at most `indexEvery` skipped ones, however long the log is.
// Job records never point into these files, so the job store loads without opening a single log.
import { type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { readIfExists } from './file-io';
import { decodeIndex, type OutputLine, type OutputLineInput, scanLines } from './output-log-format';
import { type OutputLogView, OutputLogWriter } from './output-log-writer';
import { SerialQueue } from './serial-queue';
import { StoreError } from './store-error';

export type { OutputLine, OutputLineInput } from './output-log-format';

export interface OutputLogStoreOptions {
  /** Folder holding `<jobId>.log` and `<jobId>.idx` files (created on first append). */
  readonly dir: string;
  /** Index every n-th line (default 1,000). A store must always be opened with the same value. */
  readonly indexEvery?: number;
  /** fsync a log when it is closed (default true): a finished job's output then survives a power cut. */
  readonly syncOnClose?: boolean;
}

interface WriterSlot {
  readonly writer: Promise<OutputLogWriter>;
  readonly queue: SerialQueue;
}

// Job ids become file names: allow only characters that cannot escape the folder on any platform.
const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export class OutputLogStore {
  private readonly slots = new Map<string, WriterSlot>();
  private readonly indexEvery: number;

  constructor(private readonly options: OutputLogStoreOptions) {
    this.indexEvery = options.indexEvery ?? 1000;
    if (!Number.isSafeInteger(this.indexEvery) || this.indexEvery < 1) {
      throw new StoreError('invalid-argument', `indexEvery must be a positive integer, not ${this.indexEvery}.`);
    }
  }

  /** Appends a batch in one write; resolves with the seq of its first line once the OS has it. */
  append(jobId: string, lines: readonly OutputLineInput[]): Promise<{ firstSeq: number; count: number }> {
    const slot = this.slotFor(jobId);
    return slot.queue.run(async () => (await slot.writer).append(lines));
  }

  /** Lines with seq in [from, to), fewer when the log is shorter. */
  async read(jobId: string, from: number, to: number): Promise<OutputLine[]> {
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 0 || to < from) {
      throw new StoreError('invalid-argument', `Bad line range [${from}, ${to}).`);
    }
    const lines: OutputLine[] = [];
    if (from === to) return lines;
    await this.withLog(jobId, async (handle, view) => {
      const k = Math.min(Math.floor(from / this.indexEvery), view.checkpoints.length - 1);
      await this.scanFrom(handle, view, k, (line) => {
        if (line.seq >= from) lines.push(line);
        return line.seq + 1 < to;
      });
    });
    return lines;
  }

  /** Number of intact lines; reads at most `indexEvery` lines of the file. */
  async count(jobId: string): Promise<number> {
    let count = 0;
    await this.withLog(jobId, async (handle, view) => {
      if (view.lineCount >= 0) {
        count = view.lineCount;
        return;
      }
      count = await this.scanFrom(handle, view, view.checkpoints.length - 1, () => true);
    });
    return count;
  }

  /** fsync an open log now (e.g. at a step boundary). */
  async sync(jobId: string): Promise<void> {
    const slot = this.slots.get(checkId(jobId));
    if (slot) await slot.queue.run(async () => (await slot.writer).sync());
  }

  /** Finishes pending appends and closes the log's files (fsynced unless syncOnClose is off). */
  async close(jobId: string): Promise<void> {
    const slot = this.slots.get(checkId(jobId));
    if (!slot) return;
    this.slots.delete(jobId);
    await slot.queue.run(async () => (await slot.writer).close({ sync: this.options.syncOnClose ?? true }));
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.slots.keys()].map((jobId) => this.close(jobId)));
  }

  /** Deletes a job's output (history retention). */
  async remove(jobId: string): Promise<void> {
    const slot = this.slots.get(checkId(jobId));
    if (slot) {
      this.slots.delete(jobId);
      await slot.queue.run(async () => (await slot.writer).close({ sync: false })).catch(() => undefined);
    }
    const paths = this.pathsOf(jobId);
    await rm(paths.data, { force: true });
    await rm(paths.index, { force: true });
  }

  private slotFor(jobId: string): WriterSlot {
    const existing = this.slots.get(checkId(jobId));
    if (existing) return existing;
    const writer = mkdir(this.options.dir, { recursive: true }).then(
      async () => (await OutputLogWriter.open(this.pathsOf(jobId), this.indexEvery)).writer,
    );
    const slot: WriterSlot = { writer, queue: new SerialQueue() };
    this.slots.set(jobId, slot);
    // A log that failed to open is forgotten, so the next call tries again.
    writer.catch(() => {
      if (this.slots.get(jobId) === slot) this.slots.delete(jobId);
    });
    return slot;
  }

  /**
   * Runs `use` with a read-only handle and the log's committed view: a live writer's (so a read never sees a
   * half-written batch) or, for a closed log, the file size and the stored index (lineCount -1: unknown).
   * A log that does not exist is empty and `use` is not called.
   */
  private async withLog(jobId: string, use: (handle: FileHandle, view: OutputLogView) => Promise<void>) {
    const paths = this.pathsOf(checkId(jobId));
    const slot = this.slots.get(jobId);
    const live = slot ? (await slot.writer).view() : undefined;
    let handle: FileHandle;
    try {
      handle = await open(paths.data, 'r');
    } catch (error) {
      // No file yet: nothing was ever appended, and `use` is not called.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    try {
      const view = live ?? {
        lineCount: -1,
        bytes: (await handle.stat()).size,
        checkpoints: decodeIndex((await readIfExists(paths.index)) ?? Buffer.alloc(0)),
      };
      await use(handle, view);
    } finally {
      await handle.close();
    }
  }

  /**
   * Scans from checkpoint k (or the start when k < 0). An entry that does not point at its line (an index the
   * crash left ahead of the data) is distrusted and the scan restarts from the beginning. Returns the next seq.
   */
  private async scanFrom(
    handle: FileHandle,
    view: OutputLogView,
    k: number,
    visit: (line: OutputLine) => boolean,
  ): Promise<number> {
    const start = { offset: k >= 0 ? (view.checkpoints[k] ?? 0) : 0, seq: k >= 0 ? k * this.indexEvery : 0 };
    const result = await scanLines(handle, { ...start, end: view.bytes }, visit);
    const entryWasWrong =
      start.seq > 0 && result.nextSeq === start.seq && (result.damaged || start.offset >= view.bytes);
    if (!entryWasWrong) return result.nextSeq;
    return (await scanLines(handle, { offset: 0, seq: 0, end: view.bytes }, visit)).nextSeq;
  }

  private pathsOf(jobId: string) {
    return { data: join(this.options.dir, `${jobId}.log`), index: join(this.options.dir, `${jobId}.idx`) };
  }
}

function checkId(jobId: string): string {
  if (!SAFE_ID.test(jobId))
    throw new StoreError('invalid-argument', `Job id ${JSON.stringify(jobId)} is not a safe file name.`);
  return jobId;
}
