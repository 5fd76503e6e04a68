// The core's events on their way to one renderer (Electron's window, or a page of the browser harness): held
// until the renderer says `app.ready` (it has subscribed), then sent in batches, in the order they happened.
// A batch goes out one short tick after its first event, so a job writing thousands of lines a second costs the
// renderer a few dozen messages, not thousands. A renderer that reloads closes the gate again until it is ready.
import type { EventEnvelope, EventName, EventPayload } from '../../../shared/contract/api';
import type { EventSink } from '../ports';

export interface EventBatchGateOptions {
  /** Delivers one batch (never empty); the gate never calls it while closed. */
  send(batch: EventEnvelope[]): void;
  /** How long after its first event a batch waits for more (default 16 ms, one frame). */
  flushDelayMs?: number;
  /** Events held while closed before output lines are dropped (the renderer re-reads a job's output with
   *  jobs.getOutput; every other event is kept). Default 20,000. */
  maxHeld?: number;
}

export class EventBatchGate implements EventSink {
  private readonly pending: EventEnvelope[] = [];
  private isOpen = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly flushDelayMs: number;
  private readonly maxHeld: number;

  constructor(private readonly options: EventBatchGateOptions) {
    this.flushDelayMs = options.flushDelayMs ?? 16;
    this.maxHeld = options.maxHeld ?? 20_000;
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    if (!this.isOpen && this.pending.length >= this.maxHeld && event === 'job.output') return;
    this.pending.push({ event, payload } as EventEnvelope);
    if (this.isOpen) this.schedule();
  }

  /** The renderer is listening: send what was held, then keep sending. */
  open(): void {
    this.isOpen = true;
    this.flush();
  }

  /** The renderer went away (reload, crash): hold events again until its next `app.ready`. */
  close(): void {
    this.isOpen = false;
    this.cancelTimer();
  }

  /** Sends whatever is pending now (shutdown, tests). */
  flush(): void {
    this.cancelTimer();
    if (!this.isOpen || this.pending.length === 0) return;
    this.options.send(this.pending.splice(0));
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.flush();
    }, this.flushDelayMs);
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
