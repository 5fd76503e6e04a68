// One job: header, the error as the admin understands it, actions, the step checklist and the live output.
// While it is shown, the jobs store holds this job's output (and no other's); a job not in the loaded list
// (opened from a notification about an old job) is read with jobs.get.
import type { AppError } from '@shared/contract/errors';
import { useEffect, useId, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores, useStoreOf } from '../../stores/app-stores';
import { JobActions } from './JobActions';
import { JobHeader } from './JobHeader';
import { JobOutput } from './JobOutput';
import { JobSteps } from './JobSteps';
import { jobErrorAsAppError } from './model/job-format';

export function JobView({ jobId }: { jobId: string }) {
  const { api, jobs, ui } = useAppStores();
  const job = useStoreOf('jobs', (s) => s.jobs.find((j) => j.id === jobId));
  const listLoaded = useStoreOf('jobs', (s) => s.loaded);
  const [readError, setReadError] = useState<AppError | null>(null);
  const titleId = useId();

  useEffect(() => {
    jobs.getState().viewOutput(jobId);
    return () => jobs.getState().releaseOutput(jobId);
  }, [jobId, jobs]);

  const known = job !== undefined;
  useEffect(() => {
    if (known || !listLoaded) return;
    let current = true;
    void api.jobs.get({ jobId }).then((result) => {
      if (!current) return;
      if (result.ok) jobs.getState().receiveJob(result.value.job);
      else setReadError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api, jobs, jobId, known, listLoaded]);

  if (!job) {
    return (
      <article className="job-view" data-testid="job-view" aria-label={`Job ${jobId}`}>
        {readError ? <ErrorNotice error={readError} /> : <p className="job-view__loading">Loading job {jobId}…</p>}
        <button type="button" onClick={() => ui.getState().closeJob()}>
          Close
        </button>
      </article>
    );
  }

  const failure = jobErrorAsAppError(job);
  return (
    <article className="job-view" data-testid="job-view" data-job-id={job.id} aria-labelledby={titleId}>
      <JobHeader job={job} titleId={titleId} />
      {failure && <ErrorNotice error={failure} className="job-view__error" />}
      <JobActions job={job} />
      <JobSteps steps={job.steps} />
      <JobOutput jobId={job.id} />
    </article>
  );
}
