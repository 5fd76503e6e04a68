import { describe, expect, it } from 'vitest';
import { FakeClock, ManualTimers } from './test-support/fakes';
import { UpdateCoalescer } from './update-coalescer';

function setup() {
  const clock = new FakeClock();
  const timers = new ManualTimers();
  let emitted = 0;
  const coalescer = new UpdateCoalescer(500, clock, timers, () => {
    emitted++;
  });
  return { clock, timers, coalescer, emitted: () => emitted };
}

describe('UpdateCoalescer', () => {
  it('emits the first request at once and folds the rest of the interval into one timer', () => {
    const { clock, timers, coalescer, emitted } = setup();
    coalescer.request();
    expect(emitted()).toBe(1);
    for (let i = 0; i < 10; i++) coalescer.request();
    expect(emitted()).toBe(1);
    expect([...timers.pending.values()].map((timer) => timer.ms)).toEqual([500]);
    clock.advance(500);
    timers.fireAll();
    expect(emitted()).toBe(2);
    clock.advance(600);
    coalescer.request();
    expect(emitted()).toBe(3);
  });

  it('now() emits at once and drops the waiting update', () => {
    const { timers, coalescer, emitted } = setup();
    coalescer.request();
    coalescer.request();
    coalescer.now();
    expect(emitted()).toBe(2);
    expect(timers.pending.size).toBe(0);
  });
});
