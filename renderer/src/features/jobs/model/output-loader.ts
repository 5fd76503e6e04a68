// Keeps the viewed job's OutputBuffer filled: live `job.output` batches are written as they come; a batch that
// starts after the last line known (lines lost or not sent while the window was busy) has the missing range read
// again with jobs.getOutput; the range on screen is read page by page when it is not held (opened mid-job,
// scrolled back past evicted chunks). Every line is stored once whatever path brought it (the buffer dedupes
// by seq). One loader per viewed job; `dispose` makes late answers harmless.
import type { AppError } from '@shared/contract/errors';
import type { JobOutputLine, OutputPage } from '@shared/contract/jobs';
import { OUTPUT_PAGE_MAX } from '@shared/contract/primitives';
import type { Result } from '@shared/contract/result';
import type { OutputBuffer } from './output-buffer';

export interface OutputLoaderDeps {
  readonly buffer: OutputBuffer;
  fetchPage(from: number, limit: number): Promise<Result<OutputPage>>;
  /** Something changed: lines stored or the total grew. */
  onChange(): void;
  onError(error: AppError): void;
}

export interface LiveOutput {
  readonly fromSeq: number;
  readonly lines: readonly JobOutputLine[];
}

export class OutputLoader {
  private knownTotal: number;
  /** The seq after the last line received (live or read): a live batch starting beyond it reveals a gap. */
  private receivedEnd: number;
  private readonly inFlight = new Set<number>();
  /** Chunks whose last read brought nothing new: not read again until more live output arrives. */
  private readonly stalled = new Set<number>();
  private viewport: readonly [number, number] = [0, 0];
  private disposed = false;

  constructor(
    private readonly deps: OutputLoaderDeps,
    initialTotal: number,
  ) {
    this.knownTotal = initialTotal;
    // Lines before the job's recorded count are the start read's (and the viewport's) to fetch, not a gap.
    this.receivedEnd = initialTotal;
  }

  /** Lines the job has (as far as this window knows). */
  get total(): number {
    return this.knownTotal;
  }

  /** Reads the tail first (where a running job's output grows and where a failed job says why); when the job
   *  turns out to have more lines than its record said, reads the real tail too. */
  async start(): Promise<void> {
    const size = this.deps.buffer.chunkSize;
    const from = Math.max(0, this.knownTotal - size);
    const to = Math.max(this.knownTotal, from + size);
    await this.read(from, to);
    if (!this.disposed && this.knownTotal > to) await this.read(Math.max(to, this.knownTotal - size), this.knownTotal);
  }

  /** A live batch: stored, and any lines between the last known one and this batch read again. */
  receive(batch: LiveOutput): void {
    if (this.disposed || batch.lines.length === 0) return;
    const expected = this.receivedEnd;
    const end = batch.fromSeq + batch.lines.length;
    this.deps.buffer.write(batch.lines);
    this.receivedEnd = Math.max(expected, end);
    this.knownTotal = Math.max(this.knownTotal, end);
    this.stalled.clear();
    if (batch.fromSeq > expected) this.readGap(expected, batch.fromSeq);
    else this.ensure(this.viewport[0], this.viewport[1]); // what stalled on screen may be readable now
    this.trim();
    this.deps.onChange();
  }

  /** The job's record says it has this many lines (a `job.updated`); more than known are read when shown. */
  noteTotal(total: number): void {
    if (this.disposed || total <= this.knownTotal) return;
    this.knownTotal = total;
    this.deps.onChange();
  }

  /** The rows [from, to) are on screen: read the lines of it not held. */
  ensure(from: number, to: number): void {
    if (this.disposed) return;
    const end = Math.min(to, this.knownTotal);
    this.viewport = [Math.max(0, from), Math.max(0, end)];
    const { buffer } = this.deps;
    buffer.touch(from, end);
    const size = buffer.chunkSize;
    for (let index = Math.floor(from / size); index * size < end; index++) {
      if (this.inFlight.has(index) || this.stalled.has(index)) continue;
      const span = buffer.missingSpan(Math.max(from, index * size), Math.min(end, (index + 1) * size));
      if (span) void this.read(span[0], span[1]);
    }
  }

  dispose(): void {
    this.disposed = true;
  }

  /** Only the last few chunks of a large gap: what lies further back is read when scrolled to. */
  private readGap(from: number, to: number): void {
    const nearest = Math.max(from, to - this.deps.buffer.chunkSize * 4);
    void this.read(nearest, to);
  }

  /** Reads [from, to) in pages; the chunks it covers count as in flight until every page answered. */
  private async read(from: number, to: number): Promise<void> {
    const size = this.deps.buffer.chunkSize;
    const chunks: number[] = [];
    for (let index = Math.floor(from / size); index * size < to; index++) {
      chunks.push(index);
      this.inFlight.add(index);
    }
    let added = 0;
    try {
      for (let at = from; at < to; ) {
        const result = await this.deps.fetchPage(at, Math.min(OUTPUT_PAGE_MAX, to - at));
        if (this.disposed) return;
        if (!result.ok) {
          this.deps.onError(result.error);
          return;
        }
        const page = result.value;
        added += this.deps.buffer.write(page.lines);
        this.knownTotal = Math.max(this.knownTotal, page.total);
        this.receivedEnd = Math.max(this.receivedEnd, page.nextSeq);
        if (page.nextSeq <= at || page.nextSeq >= page.total) break; // the log holds no more yet
        at = page.nextSeq;
      }
    } finally {
      for (const index of chunks) {
        this.inFlight.delete(index);
        if (added === 0) this.stalled.add(index);
      }
    }
    this.trim();
    // Rows on screen that this read's chunks held back (they were in flight) are read now; a chunk that made
    // no progress is stalled, so this never loops.
    this.ensure(this.viewport[0], this.viewport[1]);
    this.deps.onChange();
  }

  private trim(): void {
    const tailFrom = Math.max(0, this.knownTotal - this.deps.buffer.chunkSize);
    this.deps.buffer.trim([this.viewport, [tailFrom, this.knownTotal]]);
  }
}
