import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from '../../../shared/contract/api';
import { SAMPLE_JOB_ID, sampleOutputLine } from '../../../shared/contract/fixtures';
import { EventBatchGate } from './event-batch-gate';

function outputEvent(seq: number) {
  return { jobId: SAMPLE_JOB_ID, fromSeq: seq, lines: [sampleOutputLine(seq)] };
}

describe('EventBatchGate', () => {
  let batches: EventEnvelope[][];
  beforeEach(() => {
    vi.useFakeTimers();
    batches = [];
  });
  afterEach(() => vi.useRealTimers());

  it('holds events until open(), then sends them in order as one batch', () => {
    const gate = new EventBatchGate({ send: (batch) => batches.push(batch) });
    gate.emit('job.output', outputEvent(0));
    gate.emit('job.output', outputEvent(1));
    vi.advanceTimersByTime(1000);
    expect(batches).toEqual([]);
    gate.open();
    expect(batches.map((batch) => batch.map((e) => (e.payload as { fromSeq: number }).fromSeq))).toEqual([[0, 1]]);
  });

  it('batches events that arrive within one flush delay', () => {
    const gate = new EventBatchGate({ send: (batch) => batches.push(batch), flushDelayMs: 16 });
    gate.open();
    for (let seq = 0; seq < 500; seq++) gate.emit('job.output', outputEvent(seq));
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(16);
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(500);
    gate.emit('job.output', outputEvent(500));
    vi.advanceTimersByTime(16);
    expect(batches).toHaveLength(2);
  });

  it('holds again after close() until the next open()', () => {
    const gate = new EventBatchGate({ send: (batch) => batches.push(batch) });
    gate.open();
    gate.close();
    gate.emit('job.output', outputEvent(0));
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([]);
    gate.open();
    expect(batches).toHaveLength(1);
  });

  it('drops output lines, never other events, once too many are held', () => {
    const gate = new EventBatchGate({ send: (batch) => batches.push(batch), maxHeld: 2 });
    gate.emit('job.output', outputEvent(0));
    gate.emit('job.output', outputEvent(1));
    gate.emit('job.output', outputEvent(2));
    gate.emit('notification', { kind: 'info', title: 'Kept', body: 'kept', jobId: null });
    gate.open();
    expect(batches[0]?.map((e) => e.event)).toEqual(['job.output', 'job.output', 'notification']);
  });
});
