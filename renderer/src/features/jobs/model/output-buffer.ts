// The viewed job's output lines, held in fixed-size chunks indexed by seq (chunk k holds seq k*size .. (k+1)*size-1).
// Why chunks: a log grows to 200,000 lines at 5,000 lines a second, so a batch must cost O(batch), never a copy of
// everything before it; a chunk is allocated once and written in place. Why columns (text, stream, time) instead
// of one object per line: far less memory per line. Why eviction: the buffer keeps at most `maxChunks` chunks;
// the least recently used ones (never those the caller protects: what is on screen and the tail) are dropped and
// read again with jobs.getOutput when the admin scrolls back to them. Lines may arrive in any order (a page read
// after live lines, a gap re-fetched): a seq already held is skipped, so every line is stored once.
import { type JobOutputLine, OUTPUT_STREAMS } from '@shared/contract/jobs';

export type OutputStream = JobOutputLine['stream'];

/** One stored line, as the output view renders it. */
export interface BufferedLine {
  readonly seq: number;
  readonly stream: OutputStream;
  /** Milliseconds since the epoch. */
  readonly time: number;
  readonly text: string;
}

export interface OutputChunk {
  readonly index: number;
  /** `size` slots, written in place; an empty slot is a line not held (not loaded yet, or never sent). */
  readonly texts: (string | undefined)[];
  readonly streams: Uint8Array;
  readonly times: Float64Array;
  /** How many slots hold a line. */
  count: number;
  /** Use counter: higher = used more recently (written or shown). */
  lastUsed: number;
}

export interface OutputBufferOptions {
  readonly chunkSize?: number;
  readonly maxChunks?: number;
}

export const DEFAULT_CHUNK_SIZE = 1024;
/** 128 chunks of 1,024 lines: the last ~131,000 lines stay in memory, older ones are read again on demand. */
export const DEFAULT_MAX_CHUNKS = 128;

const STREAM_CODE: Record<OutputStream, number> = { out: 0, err: 1, event: 2 };

export class OutputBuffer {
  readonly chunkSize: number;
  readonly maxChunks: number;
  private readonly chunks = new Map<number, OutputChunk>();
  private useClock = 0;

  constructor(options: OutputBufferOptions = {}) {
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
    this.maxChunks = Math.max(2, options.maxChunks ?? DEFAULT_MAX_CHUNKS);
  }

  /** Stores the lines not held yet; returns how many were new. */
  write(lines: readonly JobOutputLine[]): number {
    let added = 0;
    const tick = ++this.useClock;
    let chunk: OutputChunk | undefined;
    for (const line of lines) {
      const index = Math.floor(line.seq / this.chunkSize);
      if (chunk?.index !== index) chunk = this.chunks.get(index) ?? this.allocate(index);
      chunk.lastUsed = tick;
      const slot = line.seq - index * this.chunkSize;
      if (chunk.texts[slot] !== undefined) continue;
      chunk.texts[slot] = line.text;
      chunk.streams[slot] = STREAM_CODE[line.stream];
      chunk.times[slot] = Date.parse(line.ts);
      chunk.count++;
      added++;
    }
    return added;
  }

  line(seq: number): BufferedLine | undefined {
    const index = Math.floor(seq / this.chunkSize);
    const chunk = this.chunks.get(index);
    if (!chunk) return undefined;
    const slot = seq - index * this.chunkSize;
    const text = chunk.texts[slot];
    if (text === undefined) return undefined;
    return {
      seq,
      text,
      stream: OUTPUT_STREAMS[chunk.streams[slot] ?? 0] ?? 'out',
      time: chunk.times[slot] ?? 0,
    };
  }

  has(seq: number): boolean {
    const index = Math.floor(seq / this.chunkSize);
    return this.chunks.get(index)?.texts[seq - index * this.chunkSize] !== undefined;
  }

  /** The smallest range [from, to) covering every line not held within [start, end) (inside one chunk), or null. */
  missingSpan(start: number, end: number): [number, number] | null {
    if (end <= start) return null;
    const index = Math.floor(start / this.chunkSize);
    const chunk = this.chunks.get(index);
    if (!chunk) return [start, end];
    const base = index * this.chunkSize;
    if (chunk.count === this.chunkSize) return null;
    let first = -1;
    let last = -1;
    for (let seq = start; seq < end; seq++) {
      if (chunk.texts[seq - base] !== undefined) continue;
      if (first < 0) first = seq;
      last = seq;
    }
    return first < 0 ? null : [first, last + 1];
  }

  /** Marks the chunks of [from, to) as just used (on screen), so eviction keeps them longest. */
  touch(from: number, to: number): void {
    const tick = ++this.useClock;
    for (const index of this.indexesOf(from, to)) {
      const chunk = this.chunks.get(index);
      if (chunk) chunk.lastUsed = tick;
    }
  }

  /** Drops least recently used chunks while over budget, never one overlapping a protected range. */
  trim(protectedRanges: readonly (readonly [number, number])[]): number {
    if (this.chunks.size <= this.maxChunks) return 0;
    const keep = new Set<number>();
    for (const [from, to] of protectedRanges) for (const index of this.indexesOf(from, to)) keep.add(index);
    // Drop down to ~90% of the budget so a steady stream sorts once per ~13 chunks, not once per batch.
    const target = Math.max(1, Math.floor(this.maxChunks * 0.9));
    const candidates = [...this.chunks.values()]
      .filter((chunk) => !keep.has(chunk.index))
      .sort((a, b) => a.lastUsed - b.lastUsed);
    let dropped = 0;
    for (const chunk of candidates) {
      if (this.chunks.size <= target) break;
      this.chunks.delete(chunk.index);
      dropped++;
    }
    return dropped;
  }

  get chunkCount(): number {
    return this.chunks.size;
  }

  /** Lines held now (across all chunks). */
  get storedLines(): number {
    let total = 0;
    for (const chunk of this.chunks.values()) total += chunk.count;
    return total;
  }

  /** Read-only look at one chunk (tests check the structure: chunks are allocated once, written in place). */
  chunkAt(index: number): Readonly<OutputChunk> | undefined {
    return this.chunks.get(index);
  }

  chunkIndexes(): number[] {
    return [...this.chunks.keys()].sort((a, b) => a - b);
  }

  private allocate(index: number): OutputChunk {
    const chunk: OutputChunk = {
      index,
      texts: new Array<string | undefined>(this.chunkSize),
      streams: new Uint8Array(this.chunkSize),
      times: new Float64Array(this.chunkSize),
      count: 0,
      lastUsed: this.useClock,
    };
    this.chunks.set(index, chunk);
    return chunk;
  }

  private *indexesOf(from: number, to: number): Iterable<number> {
    if (to <= from) return;
    const last = Math.floor((to - 1) / this.chunkSize);
    for (let index = Math.floor(from / this.chunkSize); index <= last; index++) yield index;
  }
}
