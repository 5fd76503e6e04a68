// A small job-like record and helpers shared by the store tests and the crash child.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const TestJobSchema = z.object({
  id: z.string().min(1),
  updatedAt: z.string(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  counter: z.number().int().nonnegative(),
  steps: z.array(z.object({ name: z.string(), state: z.string() })).default([]),
  note: z.string().optional(),
});
export type TestJob = z.infer<typeof TestJobSchema>;

export function testJob(id: string, overrides: Partial<TestJob> = {}): TestJob {
  return {
    id,
    updatedAt: '2024-05-01T10:00:00.000Z',
    status: 'queued',
    counter: 0,
    steps: [{ name: 'plan', state: 'pending' }],
    ...overrides,
  };
}

/** The text of output line `seq` of a job in the crash test, so a reader can check every line it gets back. */
export const lineText = (jobId: string, seq: number) => `${jobId} line ${seq} ${'x'.repeat(seq % 50)}`;

/** A fresh folder under the OS temp dir; remove it with removeTempDir. */
export function makeTempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'hvd-store-'));
}

export function removeTempDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
