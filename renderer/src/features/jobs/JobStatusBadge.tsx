// A job's status as a badge; colour is never the only signal (the badge always says the status in words).
import type { JobStatus } from '@shared/contract/jobs';
import { STATUS_LABEL } from './model/job-format';

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return (
    <span className={`job-status job-status--${status}`} data-testid="job-status" data-status={status}>
      {STATUS_LABEL[status]}
    </span>
  );
}
