// The VM view's own state (sort, filter, selection, the VM in the details pane), kept per window for as long
// as the window lives, so switching to the jobs view and back finds the table as the admin left it.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type AppStores, useAppStores } from '../../stores/app-stores';
import type { SortColumn, SortSpec } from './vm-rows';

export interface VmsViewState {
  sort: SortSpec;
  query: string;
  /** The row shown in the details pane (`hostId/vmId`). */
  activeKey: string | null;
  selected: ReadonlySet<string>;
  /** Where a shift-click range starts. */
  anchor: string | null;
  sortBy(column: SortColumn): void;
  setQuery(query: string): void;
  activate(key: string | null): void;
  /** Toggles `key`; with `range`, selects from the anchor to `key` within `order` (the rows shown). */
  toggle(key: string, range: boolean, order: readonly string[]): void;
  setSelected(keys: Iterable<string>): void;
}

function createVmsViewStore(): StoreApi<VmsViewState> {
  return createStore<VmsViewState>()((set) => ({
    sort: { column: 'name', direction: 'asc' },
    query: '',
    activeKey: null,
    selected: new Set(),
    anchor: null,
    sortBy: (column) =>
      set(({ sort }) => ({
        sort:
          sort.column === column
            ? { column, direction: sort.direction === 'asc' ? 'desc' : 'asc' }
            : { column, direction: 'asc' },
      })),
    setQuery: (query) => set({ query }),
    activate: (activeKey) => set({ activeKey }),
    toggle: (key, range, order) =>
      set(({ selected, anchor }) => {
        const from = anchor === null ? -1 : order.indexOf(anchor);
        const to = order.indexOf(key);
        if (range && from >= 0 && to >= 0) {
          const [start, end] = from <= to ? [from, to] : [to, from];
          return { selected: new Set([...selected, ...order.slice(start, end + 1)]), anchor: key };
        }
        const next = new Set(selected);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return { selected: next, anchor: key };
      }),
    setSelected: (keys) => set({ selected: new Set(keys), anchor: null }),
  }));
}

const viewStores = new WeakMap<AppStores, StoreApi<VmsViewState>>();

function viewStoreOf(stores: AppStores): StoreApi<VmsViewState> {
  let store = viewStores.get(stores);
  if (!store) {
    store = createVmsViewStore();
    viewStores.set(stores, store);
  }
  return store;
}

/** Selects from the VM view's state of this window. */
export function useVmsView<T>(selector: (state: VmsViewState) => T): T {
  return useStore(viewStoreOf(useAppStores()), selector);
}
