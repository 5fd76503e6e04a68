import { describe, expect, it } from 'vitest';
import { JobScheduler, type SchedulerEntry } from './job-scheduler';
import { deferred, settle } from './test-support/fakes';

/** A scheduler whose jobs run until the test finishes them; it records every start and end in order. */
function harness(poolSize: number) {
  const log: string[] = [];
  const gates = new Map<string, ReturnType<typeof deferred<void>>>();
  const scheduler = new JobScheduler<SchedulerEntry>({
    poolSize,
    run: async (entry) => {
      log.push(`start ${entry.id}`);
      const gate = deferred();
      gates.set(entry.id, gate);
      await gate.promise;
      log.push(`end ${entry.id}`);
    },
  });
  const finish = async (id: string) => {
    const gate = gates.get(id);
    if (!gate) throw new Error(`${id} is not running`);
    gate.resolve();
    await settle();
  };
  const started = () => log.filter((line) => line.startsWith('start')).map((line) => line.slice(6));
  return { scheduler, log, finish, started };
}

describe('JobScheduler', () => {
  it('runs one job per host at a time, in the order queued', async () => {
    const { scheduler, log, finish } = harness(4);
    for (const id of ['a1', 'a2', 'a3']) scheduler.enqueue({ id, hostId: 'A' });
    await settle();
    expect(log).toEqual(['start a1']);
    await finish('a1');
    await finish('a2');
    await finish('a3');
    expect(log).toEqual(['start a1', 'end a1', 'start a2', 'end a2', 'start a3', 'end a3']);
    await scheduler.whenIdle();
  });

  it('runs jobs of different hosts in parallel', async () => {
    const { scheduler, started } = harness(4);
    scheduler.enqueue({ id: 'a1', hostId: 'A' });
    scheduler.enqueue({ id: 'b1', hostId: 'B' });
    scheduler.enqueue({ id: 'c1', hostId: 'C' });
    expect(started()).toEqual(['a1', 'b1', 'c1']);
    expect(scheduler.runningCount).toBe(3);
  });

  it('never runs more jobs than the pool has workers', async () => {
    const { scheduler, started, finish } = harness(2);
    for (const hostId of ['A', 'B', 'C']) scheduler.enqueue({ id: hostId.toLowerCase(), hostId });
    expect(started()).toEqual(['a', 'b']);
    expect(scheduler.queuedCount).toBe(1);
    await finish('b');
    expect(started()).toEqual(['a', 'b', 'c']);
  });

  it('a job waiting for its host holds no worker: a later job for a free host takes the free worker', async () => {
    // Pool of 2. a1 runs on host A (one worker). a2 and a3 wait for host A. With waiting jobs holding no worker,
    // the second worker is still free, so b1, queued after them, starts at once; if a waiting job held a worker,
    // b1 would wait for a1 to end.
    const { scheduler, started, finish } = harness(2);
    scheduler.enqueue({ id: 'a1', hostId: 'A' });
    scheduler.enqueue({ id: 'a2', hostId: 'A' });
    scheduler.enqueue({ id: 'a3', hostId: 'A' });
    scheduler.enqueue({ id: 'b1', hostId: 'B' });
    expect(started()).toEqual(['a1', 'b1']);
    expect(scheduler.runningCount).toBe(2);
    expect(scheduler.queuedCount).toBe(2);
    // And the freed worker goes to the oldest job whose host is free: a2 once A is free, not a newer job.
    scheduler.enqueue({ id: 'b2', hostId: 'B' });
    await finish('a1');
    expect(started()).toEqual(['a1', 'b1', 'a2']);
    await finish('b1');
    expect(started()).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('with one worker, the oldest job whose host is free goes next', async () => {
    const { scheduler, started, finish } = harness(1);
    scheduler.enqueue({ id: 'a1', hostId: 'A' });
    scheduler.enqueue({ id: 'a2', hostId: 'A' });
    scheduler.enqueue({ id: 'b1', hostId: 'B' });
    await finish('a1');
    await finish('a2');
    await finish('b1');
    expect(started()).toEqual(['a1', 'a2', 'b1']);
  });

  it('removes a queued job, never a running one', async () => {
    const { scheduler, started, finish } = harness(1);
    scheduler.enqueue({ id: 'a1', hostId: 'A' });
    scheduler.enqueue({ id: 'a2', hostId: 'A' });
    scheduler.enqueue({ id: 'a3', hostId: 'A' });
    expect(scheduler.remove('a1')).toBeUndefined();
    expect(scheduler.remove('a2')).toEqual({ id: 'a2', hostId: 'A' });
    expect(scheduler.isQueued('a2')).toBe(false);
    await finish('a1');
    expect(started()).toEqual(['a1', 'a3']);
  });

  it('keeps going after a run rejects, and reports it', async () => {
    const errors: string[] = [];
    const order: string[] = [];
    const scheduler = new JobScheduler<SchedulerEntry>({
      poolSize: 1,
      run: async (entry) => {
        order.push(entry.id);
        if (entry.id === 'bad') throw new Error('boom');
      },
      onRunError: (error, entry) => errors.push(`${entry.id}: ${(error as Error).message}`),
    });
    scheduler.enqueue({ id: 'bad', hostId: 'A' });
    scheduler.enqueue({ id: 'good', hostId: 'A' });
    await scheduler.whenIdle();
    expect(order).toEqual(['bad', 'good']);
    expect(errors).toEqual(['bad: boom']);
  });

  it('whenIdle waits for queued and running jobs; pause starts nothing new', async () => {
    const { scheduler, finish, started } = harness(1);
    scheduler.enqueue({ id: 'a1', hostId: 'A' });
    scheduler.enqueue({ id: 'a2', hostId: 'A' });
    let idle = false;
    void scheduler.whenIdle().then(() => {
      idle = true;
    });
    scheduler.pause();
    await finish('a1');
    expect(started()).toEqual(['a1']);
    expect(idle).toBe(true);
  });

  it('refuses a pool without workers', () => {
    expect(() => new JobScheduler({ poolSize: 0, run: async () => {} })).toThrow(RangeError);
  });
});
