// Appends to one job's output log. Opening an existing log repairs what a crash can leave behind: a torn last
// line is cut off, index entries that do not point at the line they claim are dropped, and entries missing at
// the end are rebuilt by scanning from the last good checkpoint (never the whole file unless the index is gone).
import { type FileHandle, open, readFile } from 'node:fs/promises';
import { writeAll } from './file-io';
import {
  decodeIndex,
  encodeIndex,
  encodeLine,
  INDEX_ENTRY_BYTES,
  type OutputLineInput,
  scanLines,
} from './output-log-format';
import { StoreError } from './store-error';

export interface OutputLogPaths {
  readonly data: string;
  readonly index: string;
}

export interface OutputLogRecovery {
  /** Bytes cut from the end of the log (a torn or damaged tail). */
  readonly truncatedBytes: number;
  /** Index entries dropped as wrong plus entries added by scanning. */
  readonly droppedIndexEntries: number;
  readonly addedIndexEntries: number;
}

/** The committed state of a log, as readers may use it while the writer carries on. */
export interface OutputLogView {
  readonly lineCount: number;
  readonly bytes: number;
  readonly checkpoints: readonly number[];
}

export class OutputLogWriter {
  private failure: unknown;

  private constructor(
    private readonly data: FileHandle,
    private readonly index: FileHandle,
    private readonly indexEvery: number,
    private lineCount: number,
    private bytes: number,
    private readonly checkpoints: number[],
  ) {}

  static async open(
    paths: OutputLogPaths,
    indexEvery: number,
  ): Promise<{ writer: OutputLogWriter; recovery: OutputLogRecovery }> {
    const data = await open(paths.data, 'a+');
    let index: FileHandle | undefined;
    try {
      index = await open(paths.index, 'a+');
      const size = (await data.stat()).size;
      const indexBytes = await readFile(paths.index);
      const stored = decodeIndex(indexBytes);
      const keep = await countTrustworthyEntries(data, stored, indexEvery, size);
      const startSeq = keep > 0 ? (keep - 1) * indexEvery : 0;
      const found: number[] = [];
      const scan = await scanLines(data, { offset: stored[keep - 1] ?? 0, seq: startSeq, end: size }, (line, at) => {
        if (line.seq % indexEvery === 0 && line.seq / indexEvery >= keep) found.push(at);
        return true;
      });
      if (scan.goodEnd < size) await data.truncate(scan.goodEnd);
      if (indexBytes.length !== keep * INDEX_ENTRY_BYTES) await index.truncate(keep * INDEX_ENTRY_BYTES);
      if (found.length > 0) await writeAll(index, encodeIndex(found));
      const checkpoints = [...stored.slice(0, keep), ...found];
      const writer = new OutputLogWriter(data, index, indexEvery, scan.nextSeq, scan.goodEnd, checkpoints);
      const recovery: OutputLogRecovery = {
        truncatedBytes: size - scan.goodEnd,
        droppedIndexEntries: stored.length - keep,
        addedIndexEntries: found.length,
      };
      return { writer, recovery };
    } catch (error) {
      await data.close();
      await index?.close();
      throw error;
    }
  }

  view(): OutputLogView {
    return { lineCount: this.lineCount, bytes: this.bytes, checkpoints: [...this.checkpoints] };
  }

  /**
   * Appends a batch with one write (plus one small index write when the batch crosses a checkpoint). Resolves
   * once the lines are in the OS (they survive a kill of this process); sync() makes them survive a power cut.
   * Callers serialise appends (OutputLogStore does).
   */
  async append(lines: readonly OutputLineInput[]): Promise<{ firstSeq: number; count: number }> {
    if (this.failure !== undefined) {
      throw new StoreError('write-failed', 'An earlier write to this output log failed; reopen it.', {
        cause: this.failure,
      });
    }
    const firstSeq = this.lineCount;
    if (lines.length === 0) return { firstSeq, count: 0 };
    // One string, encoded once. Byte offsets are only needed at checkpoints (one line in `indexEvery`), so the
    // prefix is measured there rather than every line on its own.
    let text = '';
    const newCheckpoints: number[] = [];
    for (let i = 0; i < lines.length; i++) {
      const seq = firstSeq + i;
      if (seq % this.indexEvery === 0) newCheckpoints.push(this.bytes + Buffer.byteLength(text));
      text += encodeLine(seq, lines[i] as OutputLineInput);
    }
    const buffer = Buffer.from(text, 'utf8');
    try {
      await writeAll(this.data, buffer);
      this.lineCount += lines.length;
      this.bytes += buffer.length;
      // After the lines: an entry must never point past the data it indexes.
      if (newCheckpoints.length > 0) await writeAll(this.index, encodeIndex(newCheckpoints));
      this.checkpoints.push(...newCheckpoints);
    } catch (error) {
      this.failure = error;
      throw new StoreError('write-failed', 'Writing the output log failed.', { cause: error });
    }
    return { firstSeq, count: lines.length };
  }

  async sync(): Promise<void> {
    await this.data.datasync();
    await this.index.datasync();
  }

  async close(options: { sync: boolean }): Promise<void> {
    try {
      if (options.sync && this.failure === undefined) await this.sync();
    } finally {
      await this.data.close();
      await this.index.close();
    }
  }
}

/** How many leading index entries can be trusted: the last kept one must point at the line it names. */
async function countTrustworthyEntries(
  data: FileHandle,
  offsets: readonly number[],
  indexEvery: number,
  size: number,
): Promise<number> {
  for (let keep = offsets.length; keep > 0; keep--) {
    const offset = offsets[keep - 1] ?? -1;
    if (offset < 0 || offset >= size) continue;
    if (keep >= 2 && (offsets[keep - 2] ?? 0) >= offset) continue;
    let matches = false;
    await scanLines(data, { offset, seq: (keep - 1) * indexEvery, end: size }, () => {
      matches = true;
      return false;
    });
    if (matches) return keep;
  }
  return 0;
}
