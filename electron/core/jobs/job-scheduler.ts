// Decides which queued job runs next (C5): at most one mutating job per host at a time, FIFO per host, jobs for
// different hosts in parallel on a pool of `poolSize` workers. A job whose host is busy stays in the queue and
// holds no worker: whenever a worker is free it takes the oldest queued job whose host is free. It knows nothing
// about what a job does, so it is tested with plain functions.

export interface SchedulerEntry {
  readonly id: string;
  readonly hostId: string;
}

export interface JobSchedulerOptions<E extends SchedulerEntry> {
  readonly poolSize: number;
  /** Runs one job; the worker and the host are free again when the promise settles. */
  readonly run: (entry: E) => Promise<void>;
  /** A run that rejected (the runner catches its own failures, so this is a defect worth reporting). */
  readonly onRunError?: (error: unknown, entry: E) => void;
}

export class JobScheduler<E extends SchedulerEntry> {
  /** In enqueue order: the global order is each host's FIFO order too. */
  private readonly queue: E[] = [];
  private readonly running = new Map<string, E>();
  private readonly busyHosts = new Set<string>();
  private idleWaiters: (() => void)[] = [];
  private paused = false;

  constructor(private readonly options: JobSchedulerOptions<E>) {
    if (!Number.isSafeInteger(options.poolSize) || options.poolSize < 1) {
      throw new RangeError(`poolSize must be a positive integer, not ${options.poolSize}.`);
    }
  }

  enqueue(entry: E): void {
    this.queue.push(entry);
    this.dispatch();
  }

  /** Takes a job out of the queue; undefined when it is not queued (running, done or unknown). */
  remove(id: string): E | undefined {
    const index = this.queue.findIndex((entry) => entry.id === id);
    if (index < 0) return undefined;
    const [removed] = this.queue.splice(index, 1);
    this.settleIdle();
    return removed;
  }

  isQueued(id: string): boolean {
    return this.queue.some((entry) => entry.id === id);
  }

  isRunning(id: string): boolean {
    return this.running.has(id);
  }

  get queuedCount(): number {
    return this.queue.length;
  }

  get runningCount(): number {
    return this.running.size;
  }

  /** Stops starting jobs (app shutdown); running ones continue. */
  pause(): void {
    this.paused = true;
  }

  /** Resolves when nothing runs and nothing that could run is queued (or the scheduler is paused). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private dispatch(): void {
    while (!this.paused && this.running.size < this.options.poolSize) {
      const index = this.queue.findIndex((entry) => !this.busyHosts.has(entry.hostId));
      if (index < 0) break;
      const [entry] = this.queue.splice(index, 1);
      if (entry) this.start(entry);
    }
    this.settleIdle();
  }

  private start(entry: E): void {
    this.running.set(entry.id, entry);
    this.busyHosts.add(entry.hostId);
    let work: Promise<void>;
    try {
      work = this.options.run(entry);
    } catch (error) {
      work = Promise.reject(error);
    }
    void work
      .catch((error: unknown) => this.options.onRunError?.(error, entry))
      .finally(() => {
        this.running.delete(entry.id);
        this.busyHosts.delete(entry.hostId);
        this.dispatch();
      });
  }

  private isIdle(): boolean {
    return this.running.size === 0 && (this.paused || this.queue.length === 0);
  }

  private settleIdle(): void {
    if (!this.isIdle() || this.idleWaiters.length === 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
