// Small helpers of the job service: turning any failure into the contract's AppError, and announcing a job that
// was cancelled before it ran.
import { type AppError, AppException, appError, isAppException } from '../../../shared/contract/errors';
import type { JobInfo } from '../../../shared/contract/jobs';
import { clip } from '../../../shared/contract/primitives';
import { StoreError } from '../store/store-error';
import { jobEndNotification } from './job-notification';
import type { JobEngineDeps } from './job-ports';

export function toAppError(error: unknown): AppError {
  if (isAppException(error)) return error.error;
  if (error instanceof StoreError) return storeFailure(error).error;
  const message = error instanceof Error ? error.message : String(error);
  return appError('internal', clip(`Unexpected failure: ${message}`));
}

export function storeFailure(cause: unknown): AppException {
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AppException(appError('store_failed', clip(`The job store could not be written or read: ${message}`)));
}

export function announceCancelled(deps: Pick<JobEngineDeps, 'events' | 'hosts'>, job: JobInfo): void {
  deps.events.emit('job.updated', { job });
  deps.events.emit('notification', jobEndNotification(job, deps.hosts.displayNameOf(job.hostId) ?? job.hostId));
}
