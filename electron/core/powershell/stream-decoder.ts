import { TextDecoder } from 'node:util';
import { ClixmlDecoder } from './clixml-decoder';

// Turns the byte chunks of a child's stdout or stderr into complete lines, as they arrive.
//
// - Encoding: UTF-8 by default; a UTF-8 BOM is dropped; a UTF-16 BOM (or UTF-16LE text without one, recognised by
//   its zero high bytes) switches to UTF-16. Multi-byte characters split across chunks are completed by the
//   TextDecoder's stream mode.
// - Line ends: LF, CRLF and a lone CR all end a line; a CRLF split across two chunks is one line end.
// - A final line without a line end is returned by end().
// - Long lines are capped (default 64 Ki characters) with a visible truncation marker, so one runaway line cannot
//   hold the whole output in memory. Lines starting with `longLinePrefix` (agent events: an inventory result is
//   one JSON line holding every VM of the host) get a much larger cap.
// - With `clixml`, a `#< CLIXML` line switches to the CLIXML decoder until its document ends (stderr of Windows
//   PowerShell under a non-interactive caller).

export const DEFAULT_MAX_LINE_CHARS = 64 * 1024;
export const DEFAULT_MAX_LONG_LINE_CHARS = 32 * 1024 * 1024;
export const CLIXML_MARKER = '#< CLIXML';

/** The text appended to a line that was cut at the cap. */
export function truncationMarker(droppedChars: number): string {
  return ` [... line truncated: ${droppedChars} more characters]`;
}

export interface StreamDecoderOptions {
  /** Cap for ordinary lines, in UTF-16 code units. */
  maxLineChars?: number;
  /** Lines that start with this prefix may grow to maxLongLineChars. */
  longLinePrefix?: string;
  maxLongLineChars?: number;
  /** Decode `#< CLIXML` documents (standard error). */
  clixml?: boolean;
}

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Picks the encoding from the first bytes; null while too few bytes have arrived to tell. */
function sniffEncoding(head: Uint8Array, final: boolean): Encoding | null {
  const [b0, b1, b2] = head;
  if (b0 === 0xef && (b1 === undefined || b1 === 0xbb) && (b2 === undefined || b2 === 0xbf)) {
    if (head.length < 3 && !final) return null;
    return 'utf-8';
  }
  if (head.length < 2) return final ? 'utf-8' : null;
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  // UTF-8 text never holds NUL; "A\0" is the first character of UTF-16LE output without a BOM.
  if (b0 !== 0 && b1 === 0) return 'utf-16le';
  return 'utf-8';
}

export class StreamDecoder {
  private readonly maxLineChars: number;
  private readonly maxLongLineChars: number;
  private readonly longLinePrefix: string | undefined;
  private readonly clixmlEnabled: boolean;

  private decoder: TextDecoder | null = null;
  private head: Uint8Array = new Uint8Array(0);
  private pending = '';
  private droppedChars = 0;
  private skipLeadingLf = false;
  private clixml: ClixmlDecoder | null = null;
  private ended = false;

  constructor(options: StreamDecoderOptions = {}) {
    this.maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
    this.maxLongLineChars = Math.max(options.maxLongLineChars ?? DEFAULT_MAX_LONG_LINE_CHARS, this.maxLineChars);
    this.longLinePrefix = options.longLinePrefix;
    this.clixmlEnabled = options.clixml ?? false;
  }

  /** Decodes one chunk; returns the lines it completed (possibly none). */
  push(chunk: Uint8Array): string[] {
    if (this.ended) throw new Error('StreamDecoder.push after end');
    const out: string[] = [];
    const text = this.decode(chunk, false);
    if (text !== '') this.consume(text, out);
    return out;
  }

  /** The stream ended: returns the last, unterminated line (and anything a CLIXML document left). */
  end(): string[] {
    if (this.ended) return [];
    const out: string[] = [];
    const text = this.decode(new Uint8Array(0), true);
    if (text !== '') this.consume(text, out);
    this.ended = true;
    if (this.clixml !== null) {
      this.clixml.end(out);
      this.clixml = null;
    }
    if (this.pending !== '' || this.droppedChars > 0) this.completeLine(out);
    return out;
  }

  private decode(chunk: Uint8Array, final: boolean): string {
    if (this.decoder === null) {
      const head = new Uint8Array(this.head.length + chunk.length);
      head.set(this.head, 0);
      head.set(chunk, this.head.length);
      const encoding = sniffEncoding(head, final);
      if (encoding === null) {
        this.head = head;
        return '';
      }
      // ignoreBOM false: the decoder drops a BOM that matches its encoding.
      this.decoder = new TextDecoder(encoding, { ignoreBOM: false });
      this.head = new Uint8Array(0);
      return this.decoder.decode(head, { stream: !final });
    }
    return this.decoder.decode(chunk, { stream: !final });
  }

  private consume(text: string, out: string[]): void {
    let rest = text;
    while (rest !== '') {
      if (this.clixml !== null) {
        const after = this.clixml.push(rest, out);
        if (after === null) return;
        this.clixml = null;
        // The document's closing tag usually ends its line: that line end is not an empty line of its own.
        rest = after.replace(/^\r?\n?/, '');
        this.skipLeadingLf = after === '\r';
        continue;
      }
      rest = this.splitLines(rest, out);
    }
  }

  /** Splits text into lines; returns the text left over when a CLIXML document starts, else ''. */
  private splitLines(text: string, out: string[]): string {
    let start = 0;
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (text.charCodeAt(0) === 10) start = 1;
    }
    const lineEnds = /\r\n|\r|\n/g;
    lineEnds.lastIndex = start;
    for (let match = lineEnds.exec(text); match !== null; match = lineEnds.exec(text)) {
      this.append(text.slice(start, match.index));
      start = match.index + match[0].length;
      // A CR at the very end may be the first half of a CRLF that the next chunk completes.
      if (match[0] === '\r' && start === text.length) this.skipLeadingLf = true;
      const line = this.completeLine(out);
      if (this.clixmlEnabled && line === CLIXML_MARKER) {
        out.pop();
        this.clixml = new ClixmlDecoder();
        this.skipLeadingLf = false;
        return text.slice(start);
      }
    }
    if (start < text.length) this.append(text.slice(start));
    return '';
  }

  private append(segment: string): void {
    if (segment === '') return;
    if (this.droppedChars > 0) {
      this.droppedChars += segment.length;
      return;
    }
    const combined = this.pending.length + segment.length;
    if (combined <= this.maxLineChars) {
      this.pending += segment;
      return;
    }
    const limit = this.limitFor(segment);
    if (combined <= limit) {
      this.pending += segment;
      return;
    }
    let room = limit - this.pending.length;
    // Never cut between the two halves of a surrogate pair.
    const lastKept = segment.charCodeAt(room - 1);
    if (room > 0 && lastKept >= 0xd800 && lastKept <= 0xdbff) room -= 1;
    this.pending += segment.slice(0, room);
    this.droppedChars = segment.length - room;
  }

  private limitFor(segment: string): number {
    const prefix = this.longLinePrefix;
    if (prefix === undefined) return this.maxLineChars;
    const start = this.pending.length >= prefix.length ? this.pending : this.pending + segment.slice(0, prefix.length);
    return start.startsWith(prefix) ? this.maxLongLineChars : this.maxLineChars;
  }

  private completeLine(out: string[]): string {
    const line = this.droppedChars > 0 ? this.pending + truncationMarker(this.droppedChars) : this.pending;
    this.pending = '';
    this.droppedChars = 0;
    out.push(line);
    return line;
  }
}
