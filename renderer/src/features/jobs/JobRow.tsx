// One row of the jobs list, memoized: a job.updated re-renders its own row, not the whole history.
import type { JobInfo } from '@shared/contract/jobs';
import { type KeyboardEvent, memo } from 'react';
import { JobStatusBadge } from './JobStatusBadge';
import { formatShortTimestamp, formatTimestamp, jobDuration, jobTypeLabel } from './model/job-format';

export interface JobRowProps {
  job: JobInfo;
  hostName: string;
  open: boolean;
  inBatch: boolean;
  /** The one row in the tab order (roving tabindex). */
  tabStop: boolean;
  /** The time durations and "today" are measured against (ticks each second only for running jobs). */
  now: number;
  onOpen(jobId: string): void;
  onFocusRow(jobId: string): void;
  onRowKeyDown(event: KeyboardEvent<HTMLTableRowElement>, jobId: string): void;
  registerRow(jobId: string, element: HTMLTableRowElement | null): void;
}

export const JobRow = memo(function JobRow(props: JobRowProps) {
  const { job, hostName, open, inBatch, tabStop, now } = props;
  const className = ['job-row', open && 'job-row--open', inBatch && 'job-row--batch'].filter(Boolean).join(' ');
  return (
    <tr
      ref={(element) => props.registerRow(job.id, element)}
      data-testid={`job-row-${job.id}`}
      data-batch={inBatch ? 'true' : undefined}
      className={className}
      tabIndex={tabStop ? 0 : -1}
      aria-current={open ? 'true' : undefined}
      onClick={() => props.onOpen(job.id)}
      onFocus={() => props.onFocusRow(job.id)}
      onKeyDown={(event) => props.onRowKeyDown(event, job.id)}
    >
      <td className="job-table__vm" title={job.vmName}>
        {job.vmName}
      </td>
      <td>{hostName}</td>
      <td>{jobTypeLabel(job)}</td>
      <td>
        <JobStatusBadge status={job.status} />
      </td>
      <td title={formatTimestamp(job.createdAt, now)}>{formatShortTimestamp(job.createdAt, now)}</td>
      <td title={formatTimestamp(job.startedAt, now)}>{formatShortTimestamp(job.startedAt, now)}</td>
      <td title={formatTimestamp(job.finishedAt, now)}>{formatShortTimestamp(job.finishedAt, now)}</td>
      <td>{jobDuration(job, now)}</td>
    </tr>
  );
});
