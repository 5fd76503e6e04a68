// Collects a job's output lines and hands them on in batches: when `maxLines` lines are waiting, or `maxDelayMs`
// after the first line of a batch arrived, whichever comes first, and on end(). One timer per batcher (armed by the
// first line of a batch), never one per line. Lines are numbered per job: line i of a batch has sequence number
// `firstSeq + i`, and numbering continues across batches (start from the stored count when a job resumes).

export interface OutputBatch<T> {
  /** Sequence number of lines[0]; the rest follow without gaps. */
  firstSeq: number;
  lines: T[];
}

export interface BatcherTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface OutputBatcherOptions<T> {
  onFlush: (batch: OutputBatch<T>) => void;
  maxLines?: number;
  maxDelayMs?: number;
  firstSeq?: number;
  timers?: BatcherTimers;
}

export const DEFAULT_BATCH_MAX_LINES = 500;
export const DEFAULT_BATCH_MAX_DELAY_MS = 16;

const realTimers: BatcherTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class OutputBatcher<T> {
  private readonly onFlush: (batch: OutputBatch<T>) => void;
  private readonly maxLines: number;
  private readonly maxDelayMs: number;
  private readonly timers: BatcherTimers;
  private lines: T[] = [];
  private batchFirstSeq: number;
  private timer: unknown = null;
  private ended = false;

  constructor(options: OutputBatcherOptions<T>) {
    this.onFlush = options.onFlush;
    this.maxLines = Math.max(1, options.maxLines ?? DEFAULT_BATCH_MAX_LINES);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? DEFAULT_BATCH_MAX_DELAY_MS);
    this.batchFirstSeq = options.firstSeq ?? 0;
    this.timers = options.timers ?? realTimers;
  }

  /** The sequence number the next pushed line will get. */
  get nextSeq(): number {
    return this.batchFirstSeq + this.lines.length;
  }

  /** Adds a line; returns its sequence number. */
  push(line: T): number {
    if (this.ended) throw new Error('OutputBatcher.push after end');
    const seq = this.nextSeq;
    this.lines.push(line);
    if (this.lines.length >= this.maxLines) this.flush();
    else if (this.timer === null) this.timer = this.timers.setTimeout(() => this.onTimer(), this.maxDelayMs);
    return seq;
  }

  /** Hands on whatever is waiting now. */
  flush(): void {
    if (this.timer !== null) {
      this.timers.clearTimeout(this.timer);
      this.timer = null;
    }
    if (this.lines.length === 0) return;
    const batch: OutputBatch<T> = { firstSeq: this.batchFirstSeq, lines: this.lines };
    this.batchFirstSeq += this.lines.length;
    this.lines = [];
    this.onFlush(batch);
  }

  /** Flushes the rest; no lines may follow. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.flush();
  }

  private onTimer(): void {
    this.timer = null;
    this.flush();
  }
}
