import { spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, rmSync } from 'node:fs';
import { Socket, type SocketConstructorOpts } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuplexOptions } from 'node:stream';

// A child's standard output as a real pipe (a FIFO) read at a measured pace, instead of the socketpair Node
// creates for stdio 'pipe'. Why (measured with pwsh 7.6 writing 200,000 Write-Host lines, `npm run bench`):
// - pwsh makes one write(2) per line. A reader that reads whenever data is there wakes once per line: about
//   150,000 reads, 1 s of Node CPU, and three times the kernel time in pwsh (each write wakes the reader), on a
//   machine of two cores where pwsh alone keeps one busy.
// - Reading less often lets lines collect, one read for hundreds of them. A socketpair cannot do that: it holds
//   only ~280 small writes before the writer blocks. A pipe holds 64 KiB (~1,400 such lines).
// So after a read that returned a small chunk, reading pauses for `paceMs`; a chunk of `fullChunkBytes` or more
// means the pipe was filling and reading goes on at once. A line written after a quiet spell is read at once,
// so pacing adds at most `paceMs` to a line's latency. POSIX only (mkfifo); elsewhere, or when a FIFO cannot be
// made, open() returns null and the caller uses an ordinary pipe.

export interface PacedOutputPipeOptions {
  /** How long reading pauses after a small chunk. */
  paceMs?: number;
  /** A chunk this large means the pipe is filling: read on without a pause. */
  fullChunkBytes?: number;
}

// pwsh writes ~70,000 lines of ~85 bytes a second at most here: 64 KiB fill in ~11 ms. A pause of 2 ms (which a
// busy event loop may stretch several-fold) keeps the pipe from ever filling, so the writer never waits for us;
// at 5 ms, one read in five found it full. Still ~2,000 reads for 200,000 lines instead of ~150,000.
export const DEFAULT_PACE_MS = 2;
export const DEFAULT_FULL_CHUNK_BYTES = 16 * 1024;

export class PacedOutputPipe {
  private childEndOpen = true;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  private onCloseCallback: () => void = () => undefined;

  private constructor(
    /** The write end: give it to spawn as the child's stdout. */
    readonly childEnd: number,
    private readonly reader: Socket,
    private readonly paceMs: number,
    private readonly fullChunkBytes: number,
  ) {}

  /** A new pipe, or null when this platform cannot make one (use stdio 'pipe' then). */
  static open(
    options: PacedOutputPipeOptions = {},
    platform: NodeJS.Platform = process.platform,
  ): PacedOutputPipe | null {
    if (platform === 'win32') return null;
    let dir: string | null = null;
    let readEnd = -1;
    let writeEnd = -1;
    try {
      // A private folder (mode 0700), so no other user can open the FIFO between mkfifo and our opens.
      dir = mkdtempSync(join(tmpdir(), 'hvd-out-'));
      const path = join(dir, 'stdout');
      if (spawnSync('mkfifo', ['-m', '600', path], { stdio: 'ignore' }).status !== 0) return null;
      // The read end first and non-blocking (a FIFO's open blocks until the other end is open), then the write
      // end, blocking as a child's stdout should be. Both ends open, the name is no longer needed.
      readEnd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
      writeEnd = openSync(path, constants.O_WRONLY);
      // A small high-water mark: while paused, the socket stops reading after one chunk, so data stays in the pipe.
      // (net.Socket passes it on to its Duplex; @types/node does not list it.)
      const socketOptions: SocketConstructorOpts & Pick<DuplexOptions, 'readableHighWaterMark'> = {
        fd: readEnd,
        readable: true,
        writable: false,
        readableHighWaterMark: 1,
      };
      const reader = new Socket(socketOptions);
      return new PacedOutputPipe(
        writeEnd,
        reader,
        options.paceMs ?? DEFAULT_PACE_MS,
        options.fullChunkBytes ?? DEFAULT_FULL_CHUNK_BYTES,
      );
    } catch {
      if (readEnd >= 0) closeSync(readEnd);
      if (writeEnd >= 0) closeSync(writeEnd);
      return null;
    } finally {
      if (dir !== null) rmSync(dir, { recursive: true, force: true });
    }
  }

  /**
   * Starts reading: `onData` gets every chunk in order, `onClose` once every writer closed the pipe (the child and
   * anything that inherited it) or the pipe was destroyed.
   */
  start(onData: (chunk: Buffer) => void, onClose: () => void): void {
    this.onCloseCallback = onClose;
    this.reader.on('data', (chunk: Buffer) => {
      onData(chunk);
      if (chunk.length < this.fullChunkBytes && this.timer === null && !this.closed) {
        this.reader.pause();
        this.timer = setTimeout(() => {
          this.timer = null;
          this.reader.resume();
        }, this.paceMs);
      }
    });
    // A read error ends the output as the end of the pipe would; the exit code still tells what happened.
    this.reader.on('error', () => undefined);
    this.reader.on('close', () => this.markClosed());
  }

  /** After spawn (started or not): the child has its own copy; ours would keep the pipe from ever ending. */
  releaseChildEnd(): void {
    if (!this.childEndOpen) return;
    this.childEndOpen = false;
    closeSync(this.childEnd);
  }

  /** Stops reading and closes both ends; onClose follows if it has not yet. */
  destroy(): void {
    this.releaseChildEnd();
    this.reader.destroy();
    this.markClosed();
  }

  private markClosed(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    if (this.closed) return;
    this.closed = true;
    this.onCloseCallback();
  }
}
