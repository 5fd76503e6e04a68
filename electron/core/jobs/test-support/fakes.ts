// Small fakes of the job engine's collaborators: a clock and timers the test drives, an event recorder, an
// inventory and a host list in memory. The executor fake is in fake-executor.ts.
import type { EventName, EventPayload } from '../../../../shared/contract/api';
import type { Clock, EventSink, InventoryJobHooks } from '../../ports';
import type { HostDirectory, Timers } from '../job-ports';

export class FakeClock implements Clock {
  constructor(public time = Date.parse('2025-03-04T05:06:07.000Z')) {}
  now(): number {
    return this.time;
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

/** Timers that fire only when the test says so. */
export class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { callback: () => void; ms: number }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.next++;
    this.pending.set(handle, { callback, ms });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Fires every pending timer (in creation order). */
  fireAll(): void {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, timer] of due) timer.callback();
  }
}

export interface RecordedEvent {
  readonly name: EventName;
  readonly payload: unknown;
}

export class RecordingEvents implements EventSink {
  readonly all: RecordedEvent[] = [];

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    // A deep copy: what was emitted must not change afterwards, and a test sees exactly what went out.
    this.all.push({ name, payload: structuredClone(payload) });
  }

  of<E extends EventName>(name: E): EventPayload<E>[] {
    return this.all.filter((event) => event.name === name).map((event) => event.payload as EventPayload<E>);
  }

  /** `job.updated` statuses of one job, in order. */
  statusesOf(jobId: string): string[] {
    return this.of('job.updated')
      .filter((event) => event.job.id === jobId)
      .map((event) => event.job.status);
  }
}

export class FakeHosts implements HostDirectory {
  readonly names = new Map<string, string>();
  constructor(hosts: Record<string, string> = {}) {
    for (const [id, name] of Object.entries(hosts)) this.names.set(id, name);
  }
  displayNameOf(hostId: string): string | null {
    return this.names.get(hostId) ?? null;
  }
}

export class FakeInventory implements InventoryJobHooks {
  readonly vms = new Map<string, { name: string; state: string }>();
  /** Every hook call, as `hook host vm [job]`, in order. */
  readonly calls: string[] = [];

  addVm(hostId: string, vmId: string, name: string, state = 'Off'): void {
    this.vms.set(`${hostId}/${vmId}`, { name, state });
  }

  findVm(hostId: string, vmId: string): { name: string; state: string } | null {
    return this.vms.get(`${hostId}/${vmId}`) ?? null;
  }

  markDeleting(hostId: string, vmId: string, jobId: string): void {
    this.calls.push(`markDeleting ${hostId} ${vmId} ${jobId}`);
  }

  async deleteSucceeded(hostId: string, vmId: string, jobId: string): Promise<void> {
    this.calls.push(`deleteSucceeded ${hostId} ${vmId} ${jobId}`);
  }

  async deleteFailed(hostId: string, vmId: string, jobId: string, _message: string): Promise<void> {
    this.calls.push(`deleteFailed ${hostId} ${vmId} ${jobId}`);
  }

  async lifecycleEnded(hostId: string, vmId: string): Promise<void> {
    this.calls.push(`lifecycleEnded ${hostId} ${vmId}`);
  }
}

/** A promise the test resolves by hand. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every queued promise callback run (the engine's work between awaits, file appends excluded). */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve));
}
