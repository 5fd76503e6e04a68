// Limits `job.updated` while a job runs: output and step changes arrive far faster than a UI needs them, so at
// most one update goes out per interval, always carrying the latest state (the emit callback reads it when it
// fires). A status change bypasses the limit (`now`), so the renderer never misses a transition.
import type { Clock } from '../ports';
import type { Timers } from './job-ports';

export class UpdateCoalescer {
  private lastEmittedAt = Number.NEGATIVE_INFINITY;
  private timer: unknown;
  private pending = false;

  constructor(
    private readonly intervalMs: number,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly emit: () => void,
  ) {}

  /** Something changed: emit now if the interval has passed, otherwise once it has. */
  request(): void {
    if (this.pending) return;
    const wait = this.lastEmittedAt + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.fire();
      return;
    }
    this.pending = true;
    this.timer = this.timers.setTimeout(() => {
      this.pending = false;
      this.fire();
    }, wait);
  }

  /** Emit at once, dropping any update still waiting (it would only repeat this one). */
  now(): void {
    this.cancel();
    this.fire();
  }

  /** Drops a waiting update and leaves no timer behind. */
  cancel(): void {
    if (!this.pending) return;
    this.timers.clearTimeout(this.timer);
    this.pending = false;
  }

  private fire(): void {
    this.lastEmittedAt = this.clock.now();
    this.emit();
  }
}
