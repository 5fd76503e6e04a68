// The jobs of one multi-select delete, summed up as one group: how many, and where they stand. The list marks
// their rows; "Show only these" narrows the list to them.
import type { JobInfo, JobStatus } from '@shared/contract/jobs';
import { STATUS_LABEL } from './model/job-format';

export interface JobBatchBannerProps {
  jobs: readonly JobInfo[];
  onlyThese: boolean;
  onToggleOnlyThese(): void;
  onDismiss(): void;
}

export function JobBatchBanner({ jobs, onlyThese, onToggleOnlyThese, onDismiss }: JobBatchBannerProps) {
  return (
    <div className="job-batch" data-testid="jobs-batch" role="status">
      <span className="job-batch__text">
        {jobs.length} jobs submitted together{jobs.length > 0 ? `: ${summarize(jobs)}` : ''}
      </span>
      <button type="button" aria-pressed={onlyThese} data-testid="jobs-batch-only" onClick={onToggleOnlyThese}>
        {onlyThese ? 'Show all jobs' : 'Show only these'}
      </button>
      <button type="button" aria-label="Dismiss the group" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

function summarize(jobs: readonly JobInfo[]): string {
  const counts = new Map<JobStatus, number>();
  for (const job of jobs) counts.set(job.status, (counts.get(job.status) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${count} ${STATUS_LABEL[status].toLowerCase()}`).join(', ');
}
