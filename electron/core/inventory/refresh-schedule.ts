// When each host's inventory is read on its own (C2): every `intervalMs`, staggered so the hosts are not all
// polled at the same instant. Host i of n gets its first read at i * interval / n, then one every interval.
// A host added later is read at once (the admin just added it and wants to see its VMs).
import type { TimerHandle, Timers } from './timers';

export class RefreshSchedule {
  private readonly timers = new Map<string, TimerHandle>();
  private running = false;

  constructor(
    private readonly clock: Timers,
    private intervalMs: number,
    /** Called when a host is due; must not throw (the service catches its own failures). */
    private readonly onDue: (hostId: string) => void,
  ) {
    assertInterval(intervalMs);
  }

  /** Schedules the hosts, staggered across one interval. Replaces any earlier schedule. */
  start(hostIds: readonly string[]): void {
    this.stop();
    this.running = true;
    this.stagger(hostIds);
  }

  /** A new host: read now, then every interval. Ignored before start() and for a host already scheduled. */
  add(hostId: string): void {
    if (!this.running || this.timers.has(hostId)) return;
    this.schedule(hostId, 0);
  }

  remove(hostId: string): void {
    const handle = this.timers.get(hostId);
    if (handle !== undefined) this.clock.clearTimeout(handle);
    this.timers.delete(hostId);
  }

  /** A new interval (the setting changed): the scheduled hosts are staggered again over it. */
  setInterval(intervalMs: number): void {
    assertInterval(intervalMs);
    this.intervalMs = intervalMs;
    if (!this.running) return;
    const hostIds = [...this.timers.keys()];
    this.clearAll();
    this.stagger(hostIds);
  }

  stop(): void {
    this.running = false;
    this.clearAll();
  }

  scheduledHosts(): string[] {
    return [...this.timers.keys()];
  }

  private stagger(hostIds: readonly string[]): void {
    hostIds.forEach((hostId, index) => {
      this.schedule(hostId, Math.floor((index * this.intervalMs) / hostIds.length));
    });
  }

  private schedule(hostId: string, delayMs: number): void {
    const handle = this.clock.setTimeout(() => {
      // Schedule the next read first, so a slow or failing read never stops the cadence.
      this.schedule(hostId, this.intervalMs);
      this.onDue(hostId);
    }, delayMs);
    this.timers.set(hostId, handle);
  }

  private clearAll(): void {
    for (const handle of this.timers.values()) this.clock.clearTimeout(handle);
    this.timers.clear();
  }
}

function assertInterval(intervalMs: number): void {
  if (!Number.isFinite(intervalMs) || intervalMs <= 0) throw new RangeError('The refresh interval must be positive');
}
