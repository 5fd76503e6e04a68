// The jobs list as the panel shows it: newest first (as jobs.list answers), one entry per job id, and the status
// filter's choices. Pure functions over arrays, so the store stays a thin mirror.
import { isJobActive, type JobInfo, type JobStatus } from '@shared/contract/jobs';

export const STATUS_FILTERS = [
  'all',
  'active',
  'succeeded',
  'failed',
  'cancelled',
  'timed_out',
  'interrupted',
] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_FILTER_LABEL: Record<StatusFilter, string> = {
  all: 'All',
  active: 'Active (queued or running)',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  timed_out: 'Timed out',
  interrupted: 'Interrupted',
};

export function matchesStatusFilter(status: JobStatus, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'active') return isJobActive(status);
  return status === filter;
}

const idCollator = new Intl.Collator('en', { numeric: true });

/** Newer first: by creation time, then by id (ids count up, `j-9` before `j-10`). */
export function newerFirst(a: JobInfo, b: JobInfo): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return idCollator.compare(b.id, a.id);
}

/** The list with `job` added or replaced, still newest first. */
export function upsertJob(jobs: readonly JobInfo[], job: JobInfo): JobInfo[] {
  const index = jobs.findIndex((j) => j.id === job.id);
  if (index >= 0 && jobs[index]?.createdAt === job.createdAt) {
    const next = [...jobs];
    next[index] = job;
    return next;
  }
  const rest = index >= 0 ? jobs.filter((j) => j.id !== job.id) : [...jobs];
  const at = rest.findIndex((j) => newerFirst(job, j) < 0);
  if (at < 0) rest.push(job);
  else rest.splice(at, 0, job);
  return rest;
}

/** Merges a page from jobs.list into the list; jobs in `keep` (newer copies from events) are not replaced. */
export function mergeJobs(jobs: readonly JobInfo[], page: readonly JobInfo[], keep: ReadonlySet<string>): JobInfo[] {
  const byId = new Map(jobs.map((job) => [job.id, job]));
  for (const job of page) if (!keep.has(job.id) || !byId.has(job.id)) byId.set(job.id, job);
  return [...byId.values()].sort(newerFirst);
}

export function countRunning(jobs: readonly JobInfo[]): number {
  let count = 0;
  for (const job of jobs) if (job.status === 'running') count++;
  return count;
}

export function countActive(jobs: readonly JobInfo[]): number {
  let count = 0;
  for (const job of jobs) if (isJobActive(job.status)) count++;
  return count;
}
