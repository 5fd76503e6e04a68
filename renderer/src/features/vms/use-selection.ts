// Multi-select of table rows by key, over the view state: a click toggles one row and sets the anchor; a
// shift-click selects every row between the anchor and the clicked one in the order shown; "select all"
// takes the filtered rows.
import { useMemo } from 'react';
import { useVmsView } from './vms-view-state';

export interface Selection {
  readonly selected: ReadonlySet<string>;
  /** Toggles `key`; with `range`, selects from the anchor to `key` within `order` (the rows shown). */
  toggle(key: string, range: boolean, order: readonly string[]): void;
  /** Selects exactly these keys (select all of the filtered rows). */
  setAll(keys: readonly string[]): void;
  clear(): void;
}

export function useSelection(): Selection {
  const selected = useVmsView((state) => state.selected);
  const toggle = useVmsView((state) => state.toggle);
  const setSelected = useVmsView((state) => state.setSelected);
  return useMemo(
    () => ({ selected, toggle, setAll: (keys) => setSelected(keys), clear: () => setSelected([]) }),
    [selected, toggle, setSelected],
  );
}
