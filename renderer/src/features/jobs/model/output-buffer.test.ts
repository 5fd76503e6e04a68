import { sampleOutputLine } from '@shared/contract/fixtures';
import type { JobOutputLine } from '@shared/contract/jobs';
import { describe, expect, it } from 'vitest';
import { OutputBuffer } from './output-buffer';

function lines(from: number, count: number, stream: JobOutputLine['stream'] = 'out'): JobOutputLine[] {
  return Array.from({ length: count }, (_, i) => ({ ...sampleOutputLine(from + i), stream }));
}

describe('OutputBuffer', () => {
  it('stores lines by seq in fixed-size chunks, written in place (no copy of earlier lines per batch)', () => {
    const buffer = new OutputBuffer({ chunkSize: 4, maxChunks: 100 });
    buffer.write(lines(0, 3));
    const first = buffer.chunkAt(0);
    const texts = first?.texts;
    buffer.write(lines(3, 3));
    buffer.write(lines(6, 3));

    // The chunk holding seq 0..3 is the same object with the same arrays: later batches did not re-copy it.
    expect(buffer.chunkAt(0)).toBe(first);
    expect(buffer.chunkAt(0)?.texts).toBe(texts);
    expect(buffer.chunkIndexes()).toEqual([0, 1, 2]);
    expect(texts).toHaveLength(4);
    expect(buffer.chunkAt(2)?.count).toBe(1);
    expect(buffer.storedLines).toBe(9);
    expect(buffer.line(5)).toMatchObject({ seq: 5, text: 'line 5', stream: 'out' });
    expect(buffer.line(9)).toBeUndefined();
  });

  it('keeps each seq once whatever order and overlap the lines come in', () => {
    const buffer = new OutputBuffer({ chunkSize: 8 });
    expect(buffer.write(lines(4, 4))).toBe(4);
    expect(buffer.write(lines(0, 6))).toBe(4); // 4 and 5 were held
    expect(buffer.write(lines(2, 2))).toBe(0);
    expect(buffer.storedLines).toBe(8);
    expect(buffer.missingSpan(0, 8)).toBeNull();
  });

  it('keeps the stream of each line', () => {
    const buffer = new OutputBuffer();
    buffer.write([...lines(0, 1, 'err'), ...lines(1, 1, 'event')]);
    expect(buffer.line(0)?.stream).toBe('err');
    expect(buffer.line(1)?.stream).toBe('event');
  });

  it('names the missing range inside a chunk', () => {
    const buffer = new OutputBuffer({ chunkSize: 10 });
    buffer.write([...lines(0, 2), ...lines(6, 2)]);
    expect(buffer.missingSpan(0, 10)).toEqual([2, 10]);
    expect(buffer.missingSpan(0, 8)).toEqual([2, 6]);
    expect(buffer.missingSpan(20, 25)).toEqual([20, 25]);
  });

  it('stays within its chunk budget, dropping the least recently used chunks but never protected ones', () => {
    const buffer = new OutputBuffer({ chunkSize: 100, maxChunks: 10 });
    for (let batch = 0; batch < 200; batch++) {
      buffer.write(lines(batch * 50, 50));
      buffer.touch(0, 100); // the admin keeps looking at the first lines
      buffer.trim([
        [0, 100],
        [batch * 50, batch * 50 + 50],
      ]);
    }
    expect(buffer.chunkCount).toBeLessThanOrEqual(10);
    expect(buffer.line(0)?.text).toBe('line 0'); // protected: still held
    expect(buffer.line(9_999)?.text).toBe('line 9999'); // the tail
    expect(buffer.line(5_000)).toBeUndefined(); // evicted: read again when shown
  });
});
