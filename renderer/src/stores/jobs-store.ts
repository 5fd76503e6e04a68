// Mirrors main's jobs: the list (jobs.list on connect, then every job.created / job.updated), and the output of
// the one job being viewed (read page by page with jobs.getOutput, grown by live job.output batches). Output is
// held only for the viewed job, in an OutputBuffer (chunked, bounded, written in place): the state carries the
// buffer by reference plus a version, so a batch of 5,000 lines costs O(batch), never a copy of the log.
import type { AppError } from '@shared/contract/errors';
import type { JobInfo } from '@shared/contract/jobs';
import type { Result } from '@shared/contract/result';
import type { HvApi } from '@shared/preload-api';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { countActive, countRunning, mergeJobs, upsertJob } from '../features/jobs/model/job-list';
import { OutputBuffer, type OutputBufferOptions } from '../features/jobs/model/output-buffer';
import { type LiveOutput, OutputLoader } from '../features/jobs/model/output-loader';

/** The viewed job's output. `buffer` is mutated in place; `version` changes whenever it or `total` did. */
export interface JobOutputState {
  readonly jobId: string;
  readonly buffer: OutputBuffer;
  /** Lines the job has so far (not all of them need be held). */
  readonly total: number;
  readonly version: number;
  /** The last failed read, if any. */
  readonly error: AppError | null;
}

export interface JobsState {
  /** The first jobs.list answered (successfully or not). */
  loaded: boolean;
  loadError: AppError | null;
  /** Newest first. */
  jobs: readonly JobInfo[];
  /** How many jobs the history holds (jobs.list `total`); more than `jobs.length` means older pages exist. */
  historyTotal: number;
  loadingMore: boolean;
  /** Jobs submitted together (a multi-select delete): the panel shows them as a group. */
  submittedTogether: readonly string[];
  output: JobOutputState | null;

  /** (Re)reads the newest page of the history. */
  load(): Promise<void>;
  /** Reads the next older page. */
  loadMore(): Promise<void>;
  /** A job from main (an event, or the answer of cancel/retry/submit). */
  receiveJob(job: JobInfo): void;
  /** Jobs created at once; two or more become the `submittedTogether` group. */
  receiveCreated(jobs: readonly JobInfo[]): void;
  /** A live `job.output` batch (ignored unless that job is viewed). */
  receiveOutput(batch: LiveOutput & { readonly jobId: string }): void;
  /** Starts holding the output of this job (and drops any other job's). */
  viewOutput(jobId: string): void;
  /** Drops the output of this job if it is still the viewed one. */
  releaseOutput(jobId: string): void;
  /** The rows [from, to) of the viewed job's output are on screen: read what is not held. */
  ensureOutput(from: number, to: number): void;
  showSubmittedTogether(jobIds: readonly string[]): void;
  clearSubmittedTogether(): void;
  cancel(jobId: string): Promise<Result<JobInfo>>;
  retry(jobId: string): Promise<Result<JobInfo>>;
}

export type JobsStore = StoreApi<JobsState>;

export interface JobsStoreOptions {
  /** How many jobs one jobs.list page asks for (at most JOB_PAGE_MAX). */
  readonly pageSize?: number;
  readonly buffer?: OutputBufferOptions;
}

export const selectRunningCount = (state: JobsState): number => countRunning(state.jobs);
export const selectActiveCount = (state: JobsState): number => countActive(state.jobs);
export const selectJob =
  (jobId: string | null) =>
  (state: JobsState): JobInfo | undefined =>
    jobId === null ? undefined : state.jobs.find((job) => job.id === jobId);

export function createJobsStore(api: HvApi, options: JobsStoreOptions = {}): JobsStore {
  const pageSize = options.pageSize ?? 500;
  let loader: OutputLoader | null = null;
  /** Jobs an event delivered while a list read was in flight: the event's copy is newer than the page's. */
  let touchedByEvents: Set<string> | null = null;

  return createStore<JobsState>()((set, get) => {
    const bumpOutput = (patch: Partial<Pick<JobOutputState, 'error'>> = {}) => {
      const output = get().output;
      if (!output || !loader) return;
      set({ output: { ...output, ...patch, total: loader.total, version: output.version + 1 } });
    };

    const readPage = async (offset: number) => {
      touchedByEvents = new Set();
      const result = await api.jobs.list({ offset, limit: pageSize });
      const keep = touchedByEvents;
      touchedByEvents = null;
      if (!result.ok) {
        set({ loaded: true, loadError: result.error });
        return;
      }
      set((state) => ({
        loaded: true,
        loadError: null,
        jobs: mergeJobs(state.jobs, result.value.jobs, keep),
        historyTotal: result.value.total,
      }));
    };

    const receiveJob = (job: JobInfo) => {
      touchedByEvents?.add(job.id);
      set((state) => ({ jobs: upsertJob(state.jobs, job) }));
      if (loader && get().output?.jobId === job.id) loader.noteTotal(job.outputLineCount);
    };

    return {
      loaded: false,
      loadError: null,
      jobs: [],
      historyTotal: 0,
      loadingMore: false,
      submittedTogether: [],
      output: null,

      load: () => readPage(0),
      loadMore: async () => {
        if (get().loadingMore) return;
        set({ loadingMore: true });
        try {
          await readPage(get().jobs.length);
        } finally {
          set({ loadingMore: false });
        }
      },
      receiveJob,
      receiveCreated: (jobs) => {
        for (const job of jobs) receiveJob(job);
        if (jobs.length >= 2) set({ submittedTogether: jobs.map((job) => job.id) });
      },
      receiveOutput: (batch) => {
        if (get().output?.jobId === batch.jobId) loader?.receive(batch);
      },

      viewOutput: (jobId) => {
        if (get().output?.jobId === jobId) return;
        loader?.dispose();
        const buffer = new OutputBuffer(options.buffer);
        const known = get().jobs.find((job) => job.id === jobId)?.outputLineCount ?? 0;
        const current = new OutputLoader(
          {
            buffer,
            fetchPage: (from, limit) => api.jobs.getOutput({ jobId, from, limit }),
            onChange: () => {
              if (loader === current) bumpOutput();
            },
            onError: (error) => {
              if (loader === current) bumpOutput({ error });
            },
          },
          known,
        );
        loader = current;
        set({ output: { jobId, buffer, total: known, version: 0, error: null } });
        void current.start();
      },
      releaseOutput: (jobId) => {
        if (get().output?.jobId !== jobId) return;
        loader?.dispose();
        loader = null;
        set({ output: null });
      },
      ensureOutput: (from, to) => loader?.ensure(from, to),

      showSubmittedTogether: (jobIds) => set({ submittedTogether: [...jobIds] }),
      clearSubmittedTogether: () => set({ submittedTogether: [] }),

      cancel: async (jobId) => {
        const result = await api.jobs.cancel({ jobId });
        if (result.ok) receiveJob(result.value);
        return result;
      },
      retry: async (jobId) => {
        const result = await api.jobs.retry({ jobId });
        if (result.ok) receiveJob(result.value);
        return result;
      },
    };
  });
}

/** Subscribes the store to main's events and loads the first page of the history; returns the unsubscribe. */
export function connectJobsEvents(api: HvApi, store: JobsStore): () => void {
  // Main sends the jobs of one multi-select delete in one event batch, handed to us in one synchronous loop:
  // job.created events of the same tick are grouped, and the group is applied once the batch is through.
  let created: JobInfo[] = [];
  const flushCreated = () => {
    const group = created;
    created = [];
    store.getState().receiveCreated(group);
  };
  const unsubscribers = [
    api.on('job.created', ({ job }) => {
      if (created.length === 0) queueMicrotask(flushCreated);
      created.push(job);
    }),
    api.on('job.updated', ({ job }) => {
      // A job created earlier in this tick (one that started at once) is still waiting for its group: its
      // newer copy takes its place there, so the group stays whole and the newest state wins.
      const pending = created.findIndex((j) => j.id === job.id);
      if (pending >= 0) created[pending] = job;
      else store.getState().receiveJob(job);
    }),
    api.on('job.output', (batch) => store.getState().receiveOutput(batch)),
  ];
  void store.getState().load();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
