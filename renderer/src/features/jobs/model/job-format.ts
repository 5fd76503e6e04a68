// How a job reads in the panel: its kind in words, its status in words, times and durations. Pure functions; the
// one locale-dependent part (time of day) goes through Intl so the admin sees their own format.
import type { AppError } from '@shared/contract/errors';
import type { JobInfo, JobStatus, JobStep } from '@shared/contract/jobs';

const LIFECYCLE_LABEL: Record<string, string> = {
  start: 'Start',
  shutdown: 'Shut down',
  turnoff: 'Turn off',
  save: 'Save',
};

export function jobTypeLabel(job: JobInfo): string {
  if (job.type === 'delete_vm') return job.params.force ? 'Delete (force)' : 'Delete';
  return LIFECYCLE_LABEL[job.params.action] ?? job.params.action;
}

export const STATUS_LABEL: Record<JobStatus, string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  timed_out: 'Timed out',
  interrupted: 'Interrupted',
};

export const STEP_STATUS_LABEL: Record<JobStep['status'], string> = {
  pending: 'Pending',
  started: 'Running',
  succeeded: 'Done',
  skipped: 'Skipped',
  failed: 'Failed',
};

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dateAndTime = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

const shortDateAndTime = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** For the list's narrow columns: today's times as the time of day, older ones as date and minute. */
export function formatShortTimestamp(iso: string | null, now: number = Date.now()): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay ? timeOfDay.format(date) : shortDateAndTime.format(date);
}

/** Today's times as the time of day; older ones with their date. */
export function formatTimestamp(iso: string | null, now: number = Date.now()): string {
  if (iso === null) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '—';
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay ? timeOfDay.format(date) : dateAndTime.format(date);
}

export function formatTimeOfDay(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? timeOfDay.format(new Date(ms)) : '';
}

/** `1h 02m`, `3m 05s`, `12s`, `0.4s`. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)}s`;
  const seconds = Math.floor(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(s).padStart(2, '0')}s`;
  return `${s}s`;
}

/** From start to end (or to now while it runs); a job that never started has none. */
export function jobDuration(job: JobInfo, now: number = Date.now()): string {
  if (job.startedAt === null) return '—';
  const end = job.finishedAt === null ? now : Date.parse(job.finishedAt);
  return formatDuration(end - Date.parse(job.startedAt));
}

/** The job's stored error as an AppError, so ErrorNotice can say what failed, where, and what to do. */
export function jobErrorAsAppError(job: JobInfo): AppError | null {
  const error = job.error;
  if (!error) return null;
  const details: NonNullable<AppError['details']> = { hostId: job.hostId, jobId: job.id };
  if (error.hostCode) details.hostCode = error.hostCode;
  if (error.step) details.step = error.step;
  if (error.object) details.object = error.object;
  return { code: error.code, message: error.message, details };
}
