import { spawn } from 'node:child_process';
import { fstatSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PacedOutputPipe } from './paced-output-pipe';

// The paced pipe with a real child writing to it: what arrives, how it is coalesced, when it ends.

/** A Node child that writes `lines` lines to stdout, one write(2) each (as pwsh's Write-Host does). */
const WRITER = `
const { writeSync } = require('node:fs');
const lines = Number(process.argv[1]);
for (let i = 0; i < lines; i++) writeSync(1, 'line ' + i + ' of the paced pipe test\\n');
if (process.argv[2] === 'grandchild') {
  require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => { require("node:fs").writeSync(1, "late\\\\n"); }, 400)'], { stdio: ['ignore', 'inherit', 'ignore'] }).unref();
}
`;

function runWriter(pipe: PacedOutputPipe, lines: number, mode = '') {
  const chunks: Buffer[] = [];
  let closes = 0;
  const closed = new Promise<void>((resolve) => {
    pipe.start(
      (chunk) => chunks.push(chunk),
      () => {
        closes++;
        resolve();
      },
    );
  });
  const child = spawn(process.execPath, ['-e', WRITER, String(lines), mode], {
    stdio: ['ignore', pipe.childEnd, 'inherit'],
  });
  pipe.releaseChildEnd();
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return { chunks, closed, exited, closes: () => closes };
}

const expectedText = (lines: number) =>
  Array.from({ length: lines }, (_, i) => `line ${i} of the paced pipe test\n`).join('');

describe.skipIf(process.platform === 'win32')('PacedOutputPipe', () => {
  it('delivers every byte in order and coalesces many small writes into few reads', async () => {
    const pipe = PacedOutputPipe.open();
    expect(pipe).not.toBeNull();
    if (pipe === null) return;
    const lines = 20_000;
    const run = runWriter(pipe, lines);
    await run.closed;
    expect(Buffer.concat(run.chunks).toString('utf8')).toBe(expectedText(lines));
    // Read as data arrives, 20,000 writes make thousands of reads; paced, a few dozen to a few hundred.
    expect(run.chunks.length).toBeLessThan(lines / 20);
    expect(run.closes()).toBe(1);
  });

  it('ends only when the last writer closes it, a grandchild that inherited it included', async () => {
    const pipe = PacedOutputPipe.open();
    if (pipe === null) throw new Error('no pipe');
    const run = runWriter(pipe, 3, 'grandchild');
    await run.exited;
    expect(run.closes()).toBe(0);
    await run.closed;
    expect(Buffer.concat(run.chunks).toString('utf8')).toBe(`${expectedText(3)}late\n`);
  });

  it('destroy() closes both ends at once and reports the close exactly once', async () => {
    const pipe = PacedOutputPipe.open();
    if (pipe === null) throw new Error('no pipe');
    const childEnd = pipe.childEnd;
    let closes = 0;
    pipe.start(
      () => undefined,
      () => closes++,
    );
    pipe.destroy();
    pipe.destroy();
    expect(closes).toBe(1);
    expect(() => fstatSync(childEnd)).toThrow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(closes).toBe(1);
  });

  it('is not offered on Windows, where the caller keeps the ordinary pipe', () => {
    expect(PacedOutputPipe.open({}, 'win32')).toBeNull();
  });
});
