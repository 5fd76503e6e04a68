import { describe, expect, it } from 'vitest';
import { jobIdSchema } from '../../../shared/contract/primitives';
import { JobIdFactory } from './job-ids';
import { FakeClock } from './test-support/fakes';

const OUTPUT_LOG_SAFE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

describe('JobIdFactory', () => {
  it('makes ids that sort in creation order, within one millisecond and across time', () => {
    const clock = new FakeClock();
    const ids = new JobIdFactory(clock);
    const made: string[] = [];
    for (let i = 0; i < 50; i++) made.push(ids.next());
    clock.advance(1);
    made.push(ids.next());
    clock.advance(86_400_000 * 400);
    made.push(ids.next());
    expect([...made].sort()).toEqual(made);
    expect(new Set(made).size).toBe(made.length);
  });

  it('keeps the order when the wall clock goes back', () => {
    const clock = new FakeClock();
    const ids = new JobIdFactory(clock);
    const first = ids.next();
    clock.advance(-5000);
    expect(ids.next() > first).toBe(true);
  });

  it('is a valid job id and a safe output-log file name', () => {
    const id = new JobIdFactory(new FakeClock()).next();
    expect(id).toMatch(/^j-[0-9a-z]{13}-[0-9a-f]{8}$/);
    expect(id).toMatch(OUTPUT_LOG_SAFE);
    expect(jobIdSchema.parse(id)).toBe(id);
  });
});
