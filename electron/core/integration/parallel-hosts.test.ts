import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobInfo } from '../../../shared/contract/jobs';
import { hostInterval } from './support/host-times';
import { disposeTestCore, startTestCore, type TestCore } from './support/test-core';

// Two lab hosts (two sandboxes, two simulated machines) in one core: their jobs run at the same time, while the
// jobs of one host run one after the other. Both are read from the host's own clock (the agent's log line
// times); a same-host overlap would also fail the second job on the agent's host lock (lock_held).

const HOSTS = [
  { id: 'lab', displayName: 'Lab A' },
  { id: 'lab-b', displayName: 'Lab B' },
];

let harness: TestCore;

beforeAll(async () => {
  harness = await startTestCore({ labHosts: HOSTS });
});

afterAll(async () => {
  await disposeTestCore(harness);
});

function target(hostId: string, name: string) {
  const vm = harness.core.services.inventory.list(hostId)[0]?.vms.find((v) => v.name === name);
  if (!vm) throw new Error(`no VM ${name} on ${hostId}`);
  return { hostId, vmId: vm.id, vmName: name, force: false };
}

describe('jobs on two lab hosts', () => {
  it('the hosts work in parallel; one host never runs two jobs at once', async () => {
    expect(harness.sandbox('lab')).not.toBe(harness.sandbox('lab-b'));
    const targets = ['lab', 'lab-b'].flatMap((hostId) => [target(hostId, 'db01'), target(hostId, 'api01')]);
    const submitted = await harness.call['jobs.submitDelete']({ targets });
    const ids = submitted.items.map((item) => {
      if (!item.outcome.ok) throw new Error(`refused: ${item.outcome.error.message}`);
      return item.outcome.value.id;
    });
    await harness.core.services.jobs.whenIdle();
    const jobs: JobInfo[] = [];
    for (const jobId of ids) jobs.push((await harness.call['jobs.get']({ jobId })).job);
    expect(jobs.map((job) => [job.hostId, job.vmName, job.status, job.error?.code ?? null])).toEqual([
      ['lab', 'db01', 'succeeded', null],
      ['lab', 'api01', 'succeeded', null],
      ['lab-b', 'db01', 'succeeded', null],
      ['lab-b', 'api01', 'succeeded', null],
    ]);

    const onHost = jobs.map((job) => hostInterval(harness.events.outputLines(job.id)));
    const [a1, a2, b1, b2] = onHost;
    const [ja1, ja2, jb1, jb2] = jobs;
    if (!a1 || !a2 || !b1 || !b2 || !ja1 || !ja2 || !jb1 || !jb2) throw new Error('missing job');

    // Same host, in submission order, one after the other: by the host's clock (whole seconds) and by the
    // workstation's (ms).
    for (const [first, second, firstJob, secondJob] of [
      [a1, a2, ja1, ja2],
      [b1, b2, jb1, jb2],
    ] as const) {
      expect(second.first).toBeGreaterThanOrEqual(first.last);
      expect(Date.parse(secondJob.startedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(firstJob.finishedAt ?? ''));
    }
    // Different hosts at the same time: the first jobs of A and B overlap by seconds on the hosts' clock (run
    // one after the other they could share at most the one second where one ended and the other began).
    const overlap = Math.min(a1.last, b1.last) - Math.max(a1.first, b1.first);
    expect(overlap).toBeGreaterThanOrEqual(2000);
    // And both hosts were busy for the whole time: the makespan is well under the sum of all runs.
    const makespan = Math.max(a2.last, b2.last) - Math.min(a1.first, b1.first);
    const total = [a1, a2, b1, b2].reduce((sum, run) => sum + (run.last - run.first), 0);
    expect(makespan).toBeLessThan(total * 0.75);
    expect(harness.events.invalid).toEqual([]);
  });
});
