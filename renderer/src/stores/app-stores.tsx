// The renderer's stores, built once per window from the API object (never on import) and handed to components
// through one React context. Each domain store mirrors main's events; `connectAppStores` subscribes them all and
// only then tells main `app.ready`, so no event is lost between the first render and the first subscription.
import type { HvApi } from '@shared/preload-api';
import { createContext, type ReactNode, useContext } from 'react';
import { type StoreApi, useStore } from 'zustand';
import { connectHostsEvents, createHostsStore, type HostsStore } from './hosts-store';
import { connectInventoryEvents, createInventoryStore, type InventoryStore } from './inventory-store';
import { connectJobsEvents, createJobsStore, type JobsStore } from './jobs-store';
import { connectNotifications } from './notifications';
import { createUiStore, type UiState, type UiStore } from './ui-store';

export interface AppStores {
  readonly api: HvApi;
  readonly ui: UiStore;
  readonly hosts: HostsStore;
  readonly inventory: InventoryStore;
  readonly jobs: JobsStore;
}

export function createAppStores(api: HvApi): AppStores {
  return {
    api,
    ui: createUiStore(),
    hosts: createHostsStore(api),
    inventory: createInventoryStore(api),
    jobs: createJobsStore(api),
  };
}

/** Subscribes every store to main's events, then says `app.ready`. Returns the unsubscribe for all. */
export async function connectAppStores(stores: AppStores): Promise<() => void> {
  const { api } = stores;
  const unsubscribers = [
    connectHostsEvents(api, stores.hosts),
    connectInventoryEvents(api, stores.inventory),
    connectJobsEvents(api, stores.jobs),
    connectNotifications(api, stores.ui),
  ];
  await stores.api.app.ready();
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

const StoresContext = createContext<AppStores | null>(null);

/** The stores when rendered inside StoresProvider, else null (shared components that also work alone). */
export function useOptionalAppStores(): AppStores | null {
  return useContext(StoresContext);
}

export function StoresProvider({ stores, children }: { stores: AppStores; children: ReactNode }) {
  return <StoresContext.Provider value={stores}>{children}</StoresContext.Provider>;
}

export function useAppStores(): AppStores {
  const stores = useContext(StoresContext);
  if (!stores) throw new Error('useAppStores outside StoresProvider');
  return stores;
}

/** Selects from one store of the context: `useStoreOf('ui', (s) => s.view)`. */
export function useStoreOf<K extends Exclude<keyof AppStores, 'api'>, T>(
  key: K,
  selector: (state: AppStores[K] extends StoreApi<infer S> ? S : never) => T,
): T {
  const store = useAppStores()[key] as StoreApi<unknown>;
  return useStore(store, selector as (state: unknown) => T);
}

export type { UiState };
