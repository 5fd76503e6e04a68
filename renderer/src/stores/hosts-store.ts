// Mirrors main's hosts (owned by the hosts feature; filled in by its work).
import type { HvApi } from '@shared/preload-api';
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface HostsState {
  loaded: boolean;
}

export type HostsStore = StoreApi<HostsState>;

export function createHostsStore(_api: HvApi): HostsStore {
  return createStore<HostsState>()(() => ({ loaded: false }));
}

/** Subscribes the store to main's events and loads the initial state; returns the unsubscribe. */
export function connectHostsEvents(_api: HvApi, _store: HostsStore): () => void {
  return () => {};
}
