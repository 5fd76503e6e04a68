// What the admin can do with one job: cancel it (queued or running), retry it (ended without success; the new
// job opens), export its log as text or JSON. A disabled button says why beside it.
import type { AppError } from '@shared/contract/errors';
import type { ExportFormat } from '@shared/contract/job-export';
import { isJobActive, type JobInfo } from '@shared/contract/jobs';
import { useId, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores } from '../../stores/app-stores';
import { exportDestination, exportOutcome } from './model/job-transfer';

type Busy = 'cancel' | 'retry' | ExportFormat | null;

export function cancelBlockedReason(job: JobInfo): string | null {
  return isJobActive(job.status) ? null : 'Only a queued or running job can be cancelled; this one has ended.';
}

export function retryBlockedReason(job: JobInfo): string | null {
  if (isJobActive(job.status)) return 'A job can be retried once it has ended.';
  if (job.status === 'succeeded') return 'This job succeeded: there is nothing to retry.';
  return null;
}

export function JobActions({ job }: { job: JobInfo }) {
  const { api, jobs, ui } = useAppStores();
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const reasonId = useId();

  const cancelReason = cancelBlockedReason(job);
  const retryReason = retryBlockedReason(job);
  const reasons = [cancelReason && `Cancel: ${cancelReason}`, retryReason && `Retry: ${retryReason}`].filter(
    (reason): reason is string => Boolean(reason),
  );

  const run = async (kind: Exclude<Busy, null>, action: () => Promise<string | null | undefined>) => {
    setBusy(kind);
    setError(null);
    setMessage(null);
    try {
      const done = await action();
      if (done) setMessage(done);
    } finally {
      setBusy(null);
    }
  };

  const cancel = () =>
    run('cancel', async () => {
      const result = await jobs.getState().cancel(job.id);
      if (!result.ok) setError(withHost(result.error, job.hostId));
      return result.ok ? 'Cancel requested.' : null;
    });

  const retry = () =>
    run('retry', async () => {
      const result = await jobs.getState().retry(job.id);
      if (!result.ok) {
        setError(withHost(result.error, job.hostId));
        return null;
      }
      ui.getState().openJob(result.value.id);
      return undefined;
    });

  const exportAs = (format: ExportFormat) =>
    run(format, async () => {
      const result = await api.jobs.export({ jobId: job.id, format, destination: exportDestination(api) });
      if (!result.ok) {
        setError(result.error);
        return null;
      }
      return exportOutcome(result.value);
    });

  return (
    <div className="job-actions">
      <div className="job-actions__buttons" role="toolbar" aria-label="Job actions">
        <button
          type="button"
          data-testid="job-cancel"
          disabled={busy !== null || cancelReason !== null}
          aria-describedby={cancelReason ? reasonId : undefined}
          title={cancelReason ?? 'Stop this job'}
          onClick={() => void cancel()}
        >
          {busy === 'cancel' ? 'Cancelling…' : 'Cancel job'}
        </button>
        <button
          type="button"
          data-testid="job-retry"
          disabled={busy !== null || retryReason !== null}
          aria-describedby={retryReason ? reasonId : undefined}
          title={retryReason ?? 'Run this job again as a new job'}
          onClick={() => void retry()}
        >
          {busy === 'retry' ? 'Retrying…' : 'Retry'}
        </button>
        <button
          type="button"
          data-testid="job-export-text"
          disabled={busy !== null}
          onClick={() => void exportAs('text')}
        >
          {busy === 'text' ? 'Exporting…' : 'Export text'}
        </button>
        <button
          type="button"
          data-testid="job-export-json"
          disabled={busy !== null}
          onClick={() => void exportAs('json')}
        >
          {busy === 'json' ? 'Exporting…' : 'Export JSON'}
        </button>
      </div>
      {reasons.length > 0 && (
        <p className="job-actions__reason" id={reasonId} data-testid="job-actions-reason">
          {reasons.join(' ')}
        </p>
      )}
      {message && (
        <p className="job-actions__message" role="status">
          {message}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

/** Cancel and retry concern the job's host even when main's error did not say so (exports are local). */
function withHost(error: AppError, hostId: string): AppError {
  return error.details?.hostId ? error : { ...error, details: { ...error.details, hostId } };
}
