// A running job's output: every batch the executor delivers is numbered (seq continues across the whole job),
// appended to the job's log in one write, and emitted as one `job.output` event, in arrival order. The event
// goes out as soon as the batch is handed to the log, not after the disk write, so a line reaches the window
// while the script still runs; the log's own queue keeps the writes in order.
import type { JobOutputLine } from '../../../shared/contract/jobs';
import { clip, OUTPUT_LINE_MAX } from '../../../shared/contract/primitives';
import type { EventSink, HostOutputLine } from '../ports';
import type { OutputLineInput, OutputLogStore } from '../store/output-log';
import { isoTime } from './job-record';

export class JobOutputSink {
  private nextSeq: number;
  private appends: Promise<void> = Promise.resolve();
  private firstError: unknown;

  constructor(
    private readonly jobId: string,
    private readonly log: OutputLogStore,
    private readonly events: EventSink,
    /** Lines already in the log (0 for a new job). */
    startSeq: number,
  ) {
    this.nextSeq = startSeq;
  }

  /** Lines accepted so far, including any the log held before. */
  get lineCount(): number {
    return this.nextSeq;
  }

  /** Stores and emits one batch; returns how many lines it held. */
  accept(batch: readonly HostOutputLine[]): number {
    if (batch.length === 0) return 0;
    const fromSeq = this.nextSeq;
    this.nextSeq += batch.length;
    const stored: OutputLineInput[] = batch.map((line) => ({
      ts: line.receivedAt,
      stream: line.event ? 'event' : line.stream,
      text: clip(line.text, OUTPUT_LINE_MAX),
    }));
    const append = this.log.append(this.jobId, stored).then(
      ({ firstSeq }) => {
        if (firstSeq !== fromSeq) this.firstError ??= new Error(`Output log seq ${firstSeq}, expected ${fromSeq}.`);
      },
      (error: unknown) => {
        this.firstError ??= error;
      },
    );
    this.appends = this.appends.then(() => append);
    const lines: JobOutputLine[] = stored.map((line, i) => ({
      seq: fromSeq + i,
      ts: isoTime(line.ts),
      stream: line.stream as JobOutputLine['stream'],
      text: line.text,
    }));
    this.events.emit('job.output', { jobId: this.jobId, fromSeq, lines });
    return batch.length;
  }

  /** Waits for every append, closes the log (fsynced) and returns the first failure, if any. */
  async close(): Promise<unknown> {
    await this.appends;
    try {
      await this.log.close(this.jobId);
    } catch (error) {
      this.firstError ??= error;
    }
    return this.firstError;
  }
}
