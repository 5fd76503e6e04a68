// Mirrors main's inventory (owned by the inventory feature; filled in by its work).
import type { HvApi } from '@shared/preload-api';
import { createStore, type StoreApi } from 'zustand/vanilla';

export interface InventoryState {
  loaded: boolean;
}

export type InventoryStore = StoreApi<InventoryState>;

export function createInventoryStore(_api: HvApi): InventoryStore {
  return createStore<InventoryState>()(() => ({ loaded: false }));
}

/** Subscribes the store to main's events and loads the initial state; returns the unsubscribe. */
export function connectInventoryEvents(_api: HvApi, _store: InventoryStore): () => void {
  return () => {};
}
