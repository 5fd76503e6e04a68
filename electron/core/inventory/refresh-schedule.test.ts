import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RefreshSchedule } from './refresh-schedule';
import { systemTimers } from './timers';

describe('RefreshSchedule', () => {
  let due: { hostId: string; at: number }[];
  let schedule: RefreshSchedule;

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    due = [];
    schedule = new RefreshSchedule(systemTimers, 1000, (hostId) => due.push({ hostId, at: Date.now() }));
  });
  afterEach(() => {
    schedule.stop();
    vi.useRealTimers();
  });

  it('staggers the first reads across one interval: host i at i * interval / n, then every interval', () => {
    schedule.start(['a', 'b', 'c', 'd']);
    vi.advanceTimersByTime(2999);
    expect(due).toEqual([
      { hostId: 'a', at: 0 },
      { hostId: 'b', at: 250 },
      { hostId: 'c', at: 500 },
      { hostId: 'd', at: 750 },
      { hostId: 'a', at: 1000 },
      { hostId: 'b', at: 1250 },
      { hostId: 'c', at: 1500 },
      { hostId: 'd', at: 1750 },
      { hostId: 'a', at: 2000 },
      { hostId: 'b', at: 2250 },
      { hostId: 'c', at: 2500 },
      { hostId: 'd', at: 2750 },
    ]);
  });

  it('rounds offsets down to whole milliseconds', () => {
    schedule.start(['a', 'b', 'c']);
    vi.advanceTimersByTime(999);
    expect(due.map((item) => item.at)).toEqual([0, 333, 666]);
  });

  it('reads an added host at once and a removed host never again', () => {
    schedule.start(['a']);
    vi.advanceTimersByTime(100);
    schedule.add('b');
    schedule.remove('a');
    vi.advanceTimersByTime(2000);
    expect(due).toEqual([
      { hostId: 'a', at: 0 },
      { hostId: 'b', at: 100 },
      { hostId: 'b', at: 1100 },
      { hostId: 'b', at: 2100 },
    ]);
    expect(schedule.scheduledHosts()).toEqual(['b']);
  });

  it('restaggers over a new interval', () => {
    schedule.start(['a', 'b']);
    vi.advanceTimersByTime(600);
    due.length = 0;
    schedule.setInterval(4000);
    vi.advanceTimersByTime(3999);
    expect(due).toEqual([
      { hostId: 'a', at: 600 },
      { hostId: 'b', at: 2600 },
    ]);
  });

  it('does nothing after stop, and ignores add before start', () => {
    schedule.add('x');
    schedule.start(['a']);
    schedule.stop();
    vi.advanceTimersByTime(5000);
    expect(due).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('refuses an interval that is not positive', () => {
    expect(() => new RefreshSchedule(systemTimers, 0, () => undefined)).toThrow(RangeError);
    expect(() => schedule.setInterval(Number.NaN)).toThrow(RangeError);
  });
});
