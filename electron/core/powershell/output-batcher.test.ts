import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type OutputBatch, OutputBatcher } from './output-batcher';

describe('OutputBatcher', () => {
  let batches: OutputBatch<string>[];
  const collect = (batch: OutputBatch<string>) => batches.push(batch);

  beforeEach(() => {
    batches = [];
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('flushes at once when maxLines lines are waiting, and the rest after maxDelayMs', () => {
    const batcher = new OutputBatcher<string>({ onFlush: collect, maxLines: 500, maxDelayMs: 16 });
    for (let index = 0; index < 1200; index += 1) batcher.push(`line ${index}`);
    expect(batches.map((batch) => [batch.firstSeq, batch.lines.length])).toEqual([
      [0, 500],
      [500, 500],
    ]);
    vi.advanceTimersByTime(15);
    expect(batches).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(batches.map((batch) => [batch.firstSeq, batch.lines.length])).toEqual([
      [0, 500],
      [500, 500],
      [1000, 200],
    ]);
    expect(batches[2]?.lines[199]).toBe('line 1199');
  });

  it('flushes maxDelayMs after the first line of a batch, not after the last', () => {
    const batcher = new OutputBatcher<string>({ onFlush: collect, maxDelayMs: 20 });
    batcher.push('a');
    vi.advanceTimersByTime(10);
    batcher.push('b');
    vi.advanceTimersByTime(9);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(batches).toEqual([{ firstSeq: 0, lines: ['a', 'b'] }]);
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(1);
  });

  it('uses one timer per batch, never one per line', () => {
    const timers = { setTimeout: vi.fn(setTimeout), clearTimeout: vi.fn(clearTimeout) };
    const batcher = new OutputBatcher<string>({ onFlush: collect, maxDelayMs: 16, timers });
    for (let index = 0; index < 300; index += 1) batcher.push('x');
    expect(timers.setTimeout).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(16);
    batcher.push('y');
    expect(timers.setTimeout).toHaveBeenCalledTimes(2);
  });

  it('numbers lines across batches and returns each line its number', () => {
    const batcher = new OutputBatcher<string>({ onFlush: collect, maxLines: 2, firstSeq: 40 });
    expect(['a', 'b', 'c'].map((line) => batcher.push(line))).toEqual([40, 41, 42]);
    expect(batcher.nextSeq).toBe(43);
    batcher.end();
    expect(batches).toEqual([
      { firstSeq: 40, lines: ['a', 'b'] },
      { firstSeq: 42, lines: ['c'] },
    ]);
  });

  it('flushes on end(), clears its timer, and refuses lines after end', () => {
    const batcher = new OutputBatcher<string>({ onFlush: collect, maxDelayMs: 16 });
    batcher.push('last');
    batcher.end();
    expect(batches).toEqual([{ firstSeq: 0, lines: ['last'] }]);
    expect(vi.getTimerCount()).toBe(0);
    expect(() => batcher.push('late')).toThrow();
    batcher.end();
    expect(batches).toHaveLength(1);
  });

  it('does not emit empty batches', () => {
    const batcher = new OutputBatcher<string>({ onFlush: collect });
    batcher.flush();
    batcher.end();
    expect(batches).toEqual([]);
  });

  it('flushes every line alone with maxLines 1', () => {
    const batcher = new OutputBatcher<string>({ onFlush: collect, maxLines: 1 });
    batcher.push('a');
    batcher.push('b');
    expect(batches).toEqual([
      { firstSeq: 0, lines: ['a'] },
      { firstSeq: 1, lines: ['b'] },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
