// The benchmarks' fake fleet must be data the real renderer accepts: every object passes the contract.
import { describe, expect, it } from 'vitest';
import { eventEnvelopeSchema } from '../shared/contract/api';
import { contract } from '../shared/contract/channels';
import { fakeFleet, fakeOutputLines } from './fake-fleet';

describe('fakeFleet', () => {
  it('builds 5,000 schema-valid VMs over 20 hosts with unique ids', () => {
    const fleet = fakeFleet(20, 250);
    const vms = fleet.snapshots.flatMap((snapshot) => snapshot.vms);
    expect(vms).toHaveLength(5000);
    expect(new Set(vms.map((vm) => vm.id)).size).toBe(5000);
    expect(contract['hosts.list'].result.safeParse({ hosts: fleet.hosts }).success).toBe(true);
    expect(contract['inventory.list'].result.safeParse({ snapshots: fleet.snapshots }).success).toBe(true);
  });

  it('builds output lines that pass the job.output event schema', () => {
    const lines = fakeOutputLines(10, 3);
    expect(lines.map((line) => line.seq)).toEqual([10, 11, 12]);
    const parsed = eventEnvelopeSchema.safeParse({
      event: 'job.output',
      payload: { jobId: 'j-1', fromSeq: 10, lines },
    });
    expect(parsed.success).toBe(true);
  });
});
