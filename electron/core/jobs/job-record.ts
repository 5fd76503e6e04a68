// The job record as the job store keeps it: the contract's JobInfo plus `updatedAt`, which the store needs to
// order records and apply retention. JobInfo is what leaves the core (events, IPC, exports); `toJobInfo` strips
// the store's field so a strict schema downstream never sees it.
import { z } from 'zod';
import type { DeletePlan, DeleteResult, LifecycleResult } from '../../../shared/contract/delete-plan';
import {
  DELETE_STEPS,
  deleteJobSchema,
  type JobError,
  type JobInfo,
  type JobStatus,
  type JobStep,
  lifecycleJobSchema,
} from '../../../shared/contract/jobs';
import { timestampSchema } from '../../../shared/contract/primitives';
import type { JobStore } from '../store/job-store';

export const storedJobSchema = z.discriminatedUnion('type', [
  deleteJobSchema.extend({ updatedAt: timestampSchema }),
  lifecycleJobSchema.extend({ updatedAt: timestampSchema }),
]);
export type StoredJob = z.output<typeof storedJobSchema>;
export type StoredDeleteJob = Extract<StoredJob, { type: 'delete_vm' }>;
export type StoredLifecycleJob = Extract<StoredJob, { type: 'vm_lifecycle' }>;

/** Bump when storedJobSchema changes: the store then re-validates every record once (store/job-store.ts). */
export const STORED_JOB_SCHEMA_VERSION = 1;

export type JobRecordStore = JobStore<StoredJob>;

/** What a running job changes about itself. `plan` exists on delete jobs only; the store's schema enforces it. */
export interface JobChanges {
  status?: JobStatus;
  startedAt?: string | null;
  finishedAt?: string | null;
  steps?: JobStep[];
  error?: JobError | null;
  outputLineCount?: number;
  plan?: DeletePlan | null;
  result?: DeleteResult | LifecycleResult | null;
}

export function toJobInfo(record: StoredJob): JobInfo {
  const { updatedAt: _updatedAt, ...info } = record;
  return info;
}

export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** A delete shows the whole checklist from the start; a lifecycle job's steps arrive as the agent reports them. */
export function initialDeleteSteps(): JobStep[] {
  return DELETE_STEPS.map((step) => ({ id: step.id, name: step.name, status: 'pending', detail: null, at: null }));
}

/** The job store's write methods want the record type's own keys; JobChanges is a subset of both variants. */
export function applyChanges(record: StoredJob, changes: JobChanges, updatedAt: string): StoredJob {
  return { ...record, ...changes, updatedAt } as StoredJob;
}
