// The jobs list: newest first, a status filter, the group of jobs just submitted together (a multi-select delete)
// shown as one, keyboard navigation (arrows, Home/End move between rows; Enter or Space opens the job).
import type { JobInfo } from '@shared/contract/jobs';
import { type KeyboardEvent, useCallback, useMemo, useRef, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores, useStoreOf } from '../../stores/app-stores';
import { hostNameOf } from '../../stores/hosts-store';
import { JobBatchBanner } from './JobBatchBanner';
import { JobRow } from './JobRow';
import { matchesStatusFilter, STATUS_FILTER_LABEL, STATUS_FILTERS, type StatusFilter } from './model/job-list';
import { useNow } from './use-now';

const NAV_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End']);

export function JobList() {
  const { jobs: jobsStore, ui } = useAppStores();
  const jobs = useStoreOf('jobs', (s) => s.jobs);
  const loaded = useStoreOf('jobs', (s) => s.loaded);
  const loadError = useStoreOf('jobs', (s) => s.loadError);
  const historyTotal = useStoreOf('jobs', (s) => s.historyTotal);
  const loadingMore = useStoreOf('jobs', (s) => s.loadingMore);
  const submittedTogether = useStoreOf('jobs', (s) => s.submittedTogether);
  const openJobId = useStoreOf('ui', (s) => s.openJobId);
  const hosts = useStoreOf('hosts', (s) => s.hosts);

  const [filter, setFilter] = useState<StatusFilter>('all');
  const [onlyBatch, setOnlyBatch] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());

  const batch = useMemo(() => new Set(submittedTogether), [submittedTogether]);
  const showOnlyBatch = onlyBatch && batch.size > 0;
  const visible = useMemo(
    () => jobs.filter((job) => matchesStatusFilter(job.status, filter) && (!showOnlyBatch || batch.has(job.id))),
    [jobs, filter, showOnlyBatch, batch],
  );
  const counts = useMemo(() => countByFilter(jobs), [jobs]);
  const now = useNow(visible.some((job) => job.status === 'running'));

  // One row is in the tab order (roving tabindex): the one last focused, else the open job, else the first.
  const tabStopId =
    (focusId && visible.some((job) => job.id === focusId) ? focusId : null) ??
    visible.find((job) => job.id === openJobId)?.id ??
    visible[0]?.id ??
    null;

  // Row handlers stay the same across renders (rows are memoized); they read the latest list from a ref.
  const visibleRef = useRef(visible);
  visibleRef.current = visible;

  const focusRow = useCallback((index: number) => {
    const list = visibleRef.current;
    const job = list[Math.max(0, Math.min(list.length - 1, index))];
    if (!job) return;
    setFocusId(job.id);
    rows.current.get(job.id)?.focus();
  }, []);

  const onOpen = useCallback(
    (jobId: string) => {
      setFocusId(jobId);
      ui.getState().openJob(jobId);
    },
    [ui],
  );

  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableRowElement>, jobId: string) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        ui.getState().openJob(jobId);
        return;
      }
      if (!NAV_KEYS.has(event.key)) return;
      event.preventDefault();
      const list = visibleRef.current;
      const index = list.findIndex((job) => job.id === jobId);
      if (event.key === 'ArrowDown') focusRow(index + 1);
      else if (event.key === 'ArrowUp') focusRow(index - 1);
      else if (event.key === 'Home') focusRow(0);
      else focusRow(list.length - 1);
    },
    [ui, focusRow],
  );

  const registerRow = useCallback((jobId: string, element: HTMLTableRowElement | null) => {
    if (element) rows.current.set(jobId, element);
    else rows.current.delete(jobId);
  }, []);

  // Ended jobs' cells only change with the day: give them a clock that moves once a minute.
  const minute = Math.floor(now / 60_000) * 60_000;

  return (
    <div className="job-list">
      <div className="job-list__toolbar">
        <label className="job-list__filter">
          <span>Status</span>
          <select
            data-testid="job-status-filter"
            value={filter}
            onChange={(event) => setFilter(event.target.value as StatusFilter)}
          >
            {STATUS_FILTERS.map((option) => (
              <option key={option} value={option}>
                {STATUS_FILTER_LABEL[option]} ({counts[option]})
              </option>
            ))}
          </select>
        </label>
      </div>
      {batch.size >= 2 && (
        <JobBatchBanner
          jobs={jobs.filter((job) => batch.has(job.id))}
          onlyThese={showOnlyBatch}
          onToggleOnlyThese={() => setOnlyBatch((value) => !value)}
          onDismiss={() => {
            setOnlyBatch(false);
            jobsStore.getState().clearSubmittedTogether();
          }}
        />
      )}
      {loadError && <ErrorNotice error={loadError} />}
      <div className="job-list__scroll">
        <table className="job-table" aria-label="Jobs" aria-rowcount={visible.length}>
          <thead>
            <tr>
              <th scope="col">VM</th>
              <th scope="col">Host</th>
              <th scope="col">Type</th>
              <th scope="col">Status</th>
              <th scope="col">Requested</th>
              <th scope="col">Started</th>
              <th scope="col">Finished</th>
              <th scope="col">Duration</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((job) => (
              <JobRow
                key={job.id}
                job={job}
                hostName={hostNameOf(hosts, job.hostId) ?? job.hostId}
                open={job.id === openJobId}
                inBatch={batch.has(job.id)}
                tabStop={job.id === tabStopId}
                now={job.status === 'running' ? now : minute}
                onOpen={onOpen}
                onFocusRow={setFocusId}
                onRowKeyDown={onRowKeyDown}
                registerRow={registerRow}
              />
            ))}
          </tbody>
        </table>
        {loaded && visible.length === 0 && (
          <p className="job-list__empty">{jobs.length === 0 ? 'No jobs yet.' : 'No jobs match this filter.'}</p>
        )}
        {!loaded && <p className="job-list__empty">Loading jobs…</p>}
        {historyTotal > jobs.length && (
          <button
            type="button"
            className="job-list__more"
            disabled={loadingMore}
            onClick={() => void jobsStore.getState().loadMore()}
          >
            {loadingMore ? 'Loading…' : `Load older jobs (${historyTotal - jobs.length} more)`}
          </button>
        )}
      </div>
    </div>
  );
}

function countByFilter(jobs: readonly JobInfo[]): Record<StatusFilter, number> {
  const counts = Object.fromEntries(STATUS_FILTERS.map((f) => [f, 0])) as Record<StatusFilter, number>;
  for (const job of jobs) for (const f of STATUS_FILTERS) if (matchesStatusFilter(job.status, f)) counts[f]++;
  return counts;
}
