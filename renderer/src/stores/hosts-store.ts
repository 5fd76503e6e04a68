// Mirrors main's hosts: loaded once with hosts.list on connect, then replaced by every `hosts.changed` event.
// The actions call the API and hand back the typed Result, so a dialog can show the error where it happened;
// on success they also apply the returned host at once (the event that follows carries the same state).
import type { ChannelArgsInput, ChannelValue } from '@shared/contract/api';
import type { AppError } from '@shared/contract/errors';
import type { HostDraft, HostInfo, HostUpdate } from '@shared/contract/hosts';
import type { Result } from '@shared/contract/result';
import type { HvApi } from '@shared/preload-api';
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface HostsState {
  /** The first hosts.list answered (successfully or not). */
  loaded: boolean;
  hosts: readonly HostInfo[];
  /** Why the initial list failed, when it did. */
  loadError: AppError | null;
  /** (Re)reads the list from main. */
  load(): Promise<Result<ChannelValue<'hosts.list'>>>;
  add(draft: HostDraft): Promise<Result<HostInfo>>;
  update(update: HostUpdate): Promise<Result<HostInfo>>;
  remove(hostId: string): Promise<Result<{ hostId: string }>>;
  test(args: ChannelArgsInput<'hosts.test'>): Promise<Result<ChannelValue<'hosts.test'>>>;
}

export type HostsStore = StoreApi<HostsState>;

function upsert(hosts: readonly HostInfo[], host: HostInfo): HostInfo[] {
  const index = hosts.findIndex((h) => h.id === host.id);
  if (index < 0) return [...hosts, host];
  const next = [...hosts];
  next[index] = host;
  return next;
}

export function createHostsStore(api: HvApi): HostsStore {
  return createStore<HostsState>()((set) => ({
    loaded: false,
    hosts: [],
    loadError: null,
    load: async () => {
      const result = await api.hosts.list();
      if (result.ok) set({ loaded: true, hosts: result.value.hosts, loadError: null });
      else set({ loaded: true, loadError: result.error });
      return result;
    },
    add: async (draft) => {
      const result = await api.hosts.add(draft);
      if (result.ok) set((state) => ({ hosts: upsert(state.hosts, result.value) }));
      return result;
    },
    update: async (update) => {
      const result = await api.hosts.update(update);
      if (result.ok) set((state) => ({ hosts: upsert(state.hosts, result.value) }));
      return result;
    },
    remove: async (hostId) => {
      const result = await api.hosts.remove({ hostId });
      if (result.ok) set((state) => ({ hosts: state.hosts.filter((h) => h.id !== hostId) }));
      return result;
    },
    test: (args) => api.hosts.test(args),
  }));
}

/** Subscribes the store to main's events and loads the initial state; returns the unsubscribe. */
export function connectHostsEvents(api: HvApi, store: HostsStore): () => void {
  let eventSeen = false;
  const unsubscribe = api.on('hosts.changed', ({ hosts }) => {
    eventSeen = true;
    store.setState({ loaded: true, hosts, loadError: null });
  });
  // An event that arrives while the list is in flight is newer than the list's answer: keep the event's.
  void api.hosts.list().then((result) => {
    if (eventSeen) return;
    if (result.ok) store.setState({ loaded: true, hosts: result.value.hosts, loadError: null });
    else store.setState({ loaded: true, loadError: result.error });
  });
  return unsubscribe;
}

/** The admin-facing name of a host id (falls back to the id for a host no longer listed). */
export function hostNameOf(hosts: readonly HostInfo[], hostId: string | undefined): string | undefined {
  if (hostId === undefined) return undefined;
  return hosts.find((h) => h.id === hostId)?.displayName ?? hostId;
}
