// C5 through the whole service: one mutating job per host (FIFO, never overlapping, as the executor saw them),
// hosts in parallel, and a job waiting for its host holds no worker.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestEngine, HOST_A, HOST_B, type TestEngine, VM_1, VM_2, VM_3, VM_4 } from './test-support/engine';
import { type FakeRun, gated, succeed, type TimelineEntry } from './test-support/fake-executor';
import { deferred } from './test-support/fakes';

let engine: TestEngine;
afterEach(async () => {
  await engine.close();
});

async function submit(hostId: string, vmId: string): Promise<string> {
  const { items } = await engine.service.submitDelete({
    targets: [{ hostId, vmId, vmName: `vm-${vmId.slice(0, 4)}`, force: false }],
  });
  const outcome = items[0]?.outcome;
  if (!outcome?.ok) throw new Error('refused');
  return outcome.value.id;
}

function addVms(): void {
  for (const host of [HOST_A, HOST_B]) {
    for (const vm of [VM_1, VM_2, VM_3, VM_4]) engine.inventory.addVm(host, vm, `vm-${vm.slice(0, 4)}`);
  }
}

function edgesOf(timeline: readonly TimelineEntry[], hostId: string): string[] {
  return timeline.filter((entry) => entry.hostId === hostId).map((entry) => `${entry.edge} ${entry.jobId}`);
}

describe('job engine concurrency', () => {
  it('runs a host jobs one at a time in submission order while another host runs in parallel', async () => {
    engine = await createTestEngine({ poolSize: 4 });
    addVms();
    engine.executor.behaviour = async (run: FakeRun) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return succeed(run);
    };
    const a = [await submit(HOST_A, VM_1), await submit(HOST_A, VM_2), await submit(HOST_A, VM_3)];
    const b = [await submit(HOST_B, VM_1), await submit(HOST_B, VM_2)];
    await engine.service.whenIdle();
    const timeline = engine.executor.timeline;
    // Per host: start, end, start, end ... (no overlap), in the order the jobs were submitted (FIFO).
    expect(edgesOf(timeline, HOST_A)).toEqual(a.flatMap((id) => [`start ${id}`, `end ${id}`]));
    expect(edgesOf(timeline, HOST_B)).toEqual(b.flatMap((id) => [`start ${id}`, `end ${id}`]));
    // In parallel: host B's first job started before host A's first job ended.
    const index = (edge: string, jobId: string) =>
      timeline.findIndex((entry) => entry.edge === edge && entry.jobId === jobId);
    expect(index('start', b[0] ?? '')).toBeLessThan(index('end', a[0] ?? ''));
    expect(engine.store.list((job) => job.status === 'succeeded')).toHaveLength(5);
  });

  it('a job waiting for its busy host holds no worker: a job for another host submitted after it runs at once', async () => {
    // Two workers. a1 runs on host A; a2 and a3 wait for A. If waiting jobs held workers, b1 (submitted last)
    // could not start until a1 ended; it starts while a1 is still running.
    engine = await createTestEngine({ poolSize: 2 });
    addVms();
    const releaseA1 = deferred();
    engine.executor.behaviour = gated((run) => (run.hostId === HOST_A ? releaseA1.promise : Promise.resolve()));
    const a1 = await submit(HOST_A, VM_1);
    const a2 = await submit(HOST_A, VM_2);
    const a3 = await submit(HOST_A, VM_3);
    const b1 = await submit(HOST_B, VM_1);
    await vi.waitFor(() => expect(engine.store.get(b1)?.status).toBe('succeeded'));
    expect(engine.store.get(a1)?.status).toBe('running');
    expect([a2, a3].map((id) => engine.store.get(id)?.status)).toEqual(['queued', 'queued']);
    expect(engine.executor.runs.map((run) => run.jobId)).toEqual([a1, b1]);
    releaseA1.resolve();
    await engine.service.whenIdle();
    expect(edgesOf(engine.executor.timeline, HOST_A).filter((edge) => edge.startsWith('start'))).toEqual([
      `start ${a1}`,
      `start ${a2}`,
      `start ${a3}`,
    ]);
  });

  it('never runs more jobs at once than the pool has workers', async () => {
    engine = await createTestEngine({ poolSize: 1 });
    addVms();
    const release = deferred();
    engine.executor.behaviour = gated(() => release.promise);
    const a1 = await submit(HOST_A, VM_1);
    const b1 = await submit(HOST_B, VM_1);
    await vi.waitFor(() => expect(engine.executor.runs).toHaveLength(1));
    expect(engine.store.get(b1)?.status).toBe('queued');
    release.resolve();
    await engine.service.whenIdle();
    expect(engine.executor.runs.map((run) => run.jobId)).toEqual([a1, b1]);
  });

  it('reports whether a host has active jobs (a host with work cannot be removed)', async () => {
    engine = await createTestEngine();
    addVms();
    const release = deferred();
    engine.executor.behaviour = gated(() => release.promise);
    await submit(HOST_A, VM_1);
    expect(engine.service.hasActiveJobs(HOST_A)).toBe(true);
    expect(engine.service.hasActiveJobs(HOST_B)).toBe(false);
    release.resolve();
    await engine.service.whenIdle();
    expect(engine.service.hasActiveJobs(HOST_A)).toBe(false);
  });
});
