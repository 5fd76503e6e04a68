import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frameLine, Journal, parseJournal } from './journal';
import { makeTempDir, removeTempDir } from './test-support/test-job';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeTempDir(dir);
});

describe('journal framing', () => {
  it('frames each entry as crc32, space, JSON, newline', () => {
    expect(frameLine('{"a":1}').toString()).toMatch(/^[0-9a-f]{8} \{"a":1\}\n$/);
  });

  it('keeps intact lines, skips damaged ones and marks where the intact part ends', () => {
    const damaged = frameLine('{"n":2}');
    damaged[14] = 0x39; // the digit inside the JSON changed, the checksum not
    const content = Buffer.concat([frameLine('{"n":1}'), damaged, frameLine('{"n":3}'), Buffer.from('0000')]);
    const parsed = parseJournal(content);
    expect(parsed.entries).toEqual([{ n: 1 }, { n: 3 }]);
    expect(parsed.corruptLines).toBe(1);
    expect(parsed.goodEnd).toBe(content.length - 4);
    expect(parseJournal(Buffer.from('not framed at all\n{"n":1}\n')).entries).toEqual([]);
  });
});

describe('Journal', () => {
  it('writes appends made together as one group, durable and in order', async () => {
    const path = join(dir, 'j');
    const { journal } = await Journal.open(path);
    await Promise.all(Array.from({ length: 50 }, (_, n) => journal.append(JSON.stringify({ n }))));
    await journal.close();
    const reopened = await Journal.open(path);
    expect(reopened.entries).toEqual(Array.from({ length: 50 }, (_, n) => ({ n })));
    await reopened.journal.close();
  });

  it('runs an exclusive task between writes, and reset() empties the file', async () => {
    const path = join(dir, 'j');
    const { journal } = await Journal.open(path);
    const order: string[] = [];
    const first = journal.append('{"n":1}').then(() => order.push('append 1'));
    const task = journal.exclusive(async () => {
      order.push(`task sees ${(await readFile(path, 'utf8')).split('\n').length - 1} line(s)`);
      await journal.reset();
    });
    const second = journal.append('{"n":2}').then(() => order.push('append 2'));
    await Promise.all([first, task, second]);
    expect(order).toEqual(['append 1', 'task sees 1 line(s)', 'append 2']);
    await journal.close();
    const reopened = await Journal.open(path);
    expect(reopened.entries).toEqual([{ n: 2 }]);
    await reopened.journal.close();
  });

  it('stops taking writes after a write fails, so nothing lands after a half-written line', async () => {
    const path = join(dir, 'j');
    const { journal } = await Journal.open(path);
    await journal.append('{"n":1}');
    // Pull the file out from under the journal: the next write fails at the OS level (EBADF).
    await (Reflect.get(journal, 'handle') as { close(): Promise<void> }).close();
    await expect(journal.append('{"n":2}')).rejects.toMatchObject({ code: 'write-failed' });
    await expect(journal.append('{"n":3}')).rejects.toMatchObject({ code: 'write-failed' });
    expect(() => journal.assertWritable()).toThrow(expect.objectContaining({ code: 'write-failed' }));
    await expect(journal.exclusive(async () => 'ran')).rejects.toMatchObject({ code: 'write-failed' });
    const reopened = await Journal.open(path);
    expect(reopened.entries).toEqual([{ n: 1 }]);
    await reopened.journal.close();
  });
});
