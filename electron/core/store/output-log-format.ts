// On-disk format of a job's output log, shared by the writer and the readers.
//
// `<jobId>.log`: one JSON object per line, `{"seq":n,"ts":ms,"stream":"…","text":"…"}\n`, seq counting from 0
// with no gaps. A line is intact when it ends with a newline, parses, and carries the expected seq; the first
// line that is not ends the readable log (after a crash that is the torn last line).
// `<jobId>.idx`: the sparse index, appended after the lines it covers: entry k (8 bytes, little-endian) is the
// byte offset of line k × indexEvery. It is only a hint: every entry is checked against the line it points at.
import type { FileHandle } from 'node:fs/promises';

export interface OutputLineInput {
  /** Milliseconds since the epoch when the line was produced. */
  readonly ts: number;
  /** Which stream it came from (stdout, stderr, a structured event, the app itself); the contract names them. */
  readonly stream: string;
  readonly text: string;
}

export interface OutputLine extends OutputLineInput {
  readonly seq: number;
}

export const INDEX_ENTRY_BYTES = 8;
const NEWLINE = 0x0a;
const CHUNK_BYTES = 64 * 1024;

/**
 * The bytes of JSON.stringify({ seq, ts, stream, text }) plus a newline, built without the intermediate object:
 * this runs once per output line, and a chatty job writes hundreds of thousands.
 */
export function encodeLine(seq: number, line: OutputLineInput): string {
  return `{"seq":${seq},"ts":${JSON.stringify(line.ts)},"stream":${JSON.stringify(line.stream)},"text":${JSON.stringify(line.text)}}\n`;
}

export function encodeIndex(offsets: readonly number[]): Buffer {
  const buffer = Buffer.alloc(offsets.length * INDEX_ENTRY_BYTES);
  offsets.forEach((offset, k) => {
    buffer.writeBigUInt64LE(BigInt(offset), k * INDEX_ENTRY_BYTES);
  });
  return buffer;
}

/** Whole entries only: a torn last entry (size not a multiple of 8) is ignored. */
export function decodeIndex(buffer: Buffer): number[] {
  const offsets: number[] = [];
  for (let at = 0; at + INDEX_ENTRY_BYTES <= buffer.length; at += INDEX_ENTRY_BYTES) {
    offsets.push(Number(buffer.readBigUInt64LE(at)));
  }
  return offsets;
}

export interface ScanStart {
  /** Byte offset of the line expected to carry `seq`. */
  readonly offset: number;
  readonly seq: number;
  /** Scan no further than this byte (the file size, or what a live writer has committed). */
  readonly end: number;
}

export interface ScanResult {
  /** The seq the next line would have: the number of intact lines up to `goodEnd`. */
  readonly nextSeq: number;
  /** Byte just after the last intact line visited. */
  readonly goodEnd: number;
  /** True when the scan stopped at a line that was torn, unreadable or out of sequence. */
  readonly damaged: boolean;
}

/**
 * Visits intact lines in order from `start`. `visit` gets each line with its byte offset and returns false to
 * stop early. Stops at the first damaged line.
 */
export async function scanLines(
  handle: FileHandle,
  start: ScanStart,
  visit: (line: OutputLine, offset: number) => boolean,
): Promise<ScanResult> {
  let seq = start.seq;
  let goodEnd = start.offset;
  let pending = Buffer.alloc(0);
  let position = start.offset;
  while (position < start.end) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, start.end - position));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
    if (bytesRead === 0) break;
    position += bytesRead;
    const data =
      pending.length === 0 ? chunk.subarray(0, bytesRead) : Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
    let lineStart = 0;
    for (let newline = data.indexOf(NEWLINE); newline !== -1; newline = data.indexOf(NEWLINE, lineStart)) {
      const line = decodeLine(data.toString('utf8', lineStart, newline), seq);
      if (!line) return { nextSeq: seq, goodEnd, damaged: true };
      const offset = goodEnd;
      goodEnd += newline - lineStart + 1;
      seq++;
      if (!visit(line, offset)) return { nextSeq: seq, goodEnd, damaged: false };
      lineStart = newline + 1;
    }
    pending = data.subarray(lineStart);
  }
  // Bytes after the last newline are a line the writer never finished.
  return { nextSeq: seq, goodEnd, damaged: pending.length > 0 };
}

function decodeLine(text: string, expectedSeq: number): OutputLine | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const line = value as Record<string, unknown>;
  if (line.seq !== expectedSeq || typeof line.ts !== 'number') return undefined;
  if (typeof line.stream !== 'string' || typeof line.text !== 'string') return undefined;
  return { seq: expectedSeq, ts: line.ts, stream: line.stream, text: line.text };
}
