// Job ids: sortable by creation and safe as file names (the output log is `<jobId>.log`; OutputLogStore accepts
// [A-Za-z0-9][A-Za-z0-9_-]{0,127}). A fixed-width base-36 time and counter make string order creation order; a
// random suffix keeps ids unique across app restarts and workstations (they also name the host lock's owner).
import { randomBytes } from 'node:crypto';
import type { Clock } from '../ports';

const TIME_WIDTH = 9; // base 36: enough for epoch milliseconds until the year 5188
const COUNTER_WIDTH = 4;

export class JobIdFactory {
  private lastTime = -1;
  private counter = 0;

  constructor(
    private readonly clock: Clock,
    private readonly randomSuffix: () => string = () => randomBytes(4).toString('hex'),
  ) {}

  /** `j-<time><counter>-<random>`; `prefix` distinguishes other agent runs (`p` for plan-only runs). */
  next(prefix = 'j'): string {
    // Never go back within one process, even when the wall clock does, so ids stay in creation order.
    const now = Math.max(Math.floor(this.clock.now()), this.lastTime);
    this.counter = now === this.lastTime ? this.counter + 1 : 0;
    this.lastTime = now;
    const time = now.toString(36).padStart(TIME_WIDTH, '0');
    const counter = this.counter.toString(36).padStart(COUNTER_WIDTH, '0');
    return `${prefix}-${time}${counter}-${this.randomSuffix()}`;
  }
}
