// Who, what, where and when of one job: VM, host, type, status, requester, times, and the links between a job
// and its retries.
import type { JobInfo } from '@shared/contract/jobs';
import { useAppStores, useStoreOf } from '../../stores/app-stores';
import { hostNameOf } from '../../stores/hosts-store';
import { JobStatusBadge } from './JobStatusBadge';
import { formatTimestamp, jobDuration, jobTypeLabel } from './model/job-format';
import { useNow } from './use-now';

export function JobHeader({ job, titleId }: { job: JobInfo; titleId: string }) {
  const { ui } = useAppStores();
  const hostName = useStoreOf('hosts', (s) => hostNameOf(s.hosts, job.hostId));
  const retriedBy = useStoreOf('jobs', (s) => s.jobs.find((j) => j.retryOf === job.id)?.id ?? null);
  const now = useNow(job.status === 'running');
  return (
    <header className="job-view__header">
      <div className="job-view__heading">
        <h2 id={titleId} className="job-view__title">
          {jobTypeLabel(job)} <span className="job-view__vm">{job.vmName}</span>
        </h2>
        <JobStatusBadge status={job.status} />
        <button type="button" className="job-view__close" onClick={() => ui.getState().closeJob()}>
          Close
        </button>
      </div>
      <dl className="job-view__facts">
        <Fact label="Host" value={hostName ?? job.hostId} />
        <Fact label="Job" value={job.id} />
        <Fact label="Requested by" value={job.requestedBy} />
        <Fact label="Requested" value={formatTimestamp(job.createdAt, now)} />
        <Fact label="Started" value={formatTimestamp(job.startedAt, now)} />
        <Fact label="Finished" value={formatTimestamp(job.finishedAt, now)} />
        <Fact label="Duration" value={jobDuration(job, now)} />
        {job.retryOf && (
          <div className="job-view__fact">
            <dt>Retry of</dt>
            <dd>
              <button
                type="button"
                className="link-button"
                data-testid="job-retry-of"
                onClick={() => job.retryOf && ui.getState().openJob(job.retryOf)}
              >
                {job.retryOf}
              </button>
            </dd>
          </div>
        )}
        {retriedBy && (
          <div className="job-view__fact">
            <dt>Retried by</dt>
            <dd>
              <button
                type="button"
                className="link-button"
                data-testid="job-retried-by"
                onClick={() => ui.getState().openJob(retriedBy)}
              >
                {retriedBy}
              </button>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="job-view__fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
