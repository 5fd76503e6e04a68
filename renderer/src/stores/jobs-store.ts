// Mirrors main's jobs (owned by the jobs feature; filled in by its work).
import type { HvApi } from '@shared/preload-api';
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface JobsState {
  loaded: boolean;
}

export type JobsStore = StoreApi<JobsState>;

export function createJobsStore(_api: HvApi): JobsStore {
  return createStore<JobsState>()(() => ({ loaded: false }));
}

/** Subscribes the store to main's events and loads the initial state; returns the unsubscribe. */
export function connectJobsEvents(_api: HvApi, _store: JobsStore): () => void {
  return () => {};
}
