// The VM table: a real <table> whose body renders only the rows in view (TanStack Virtual, fixed row height)
// between two spacer rows, so thousands of VMs scroll smoothly while screen readers still get table semantics
// (aria-rowcount/aria-rowindex say where each rendered row sits). Keyboard: Tab reaches one row (roving
// tabindex); arrows, Page Up/Down, Home/End move it; Space toggles its checkbox (Shift+Space: a range).
import { useVirtualizer } from '@tanstack/react-virtual';
import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Selection } from './use-selection';
import { VmTableHeader } from './VmTableHeader';
import { VmTableRow } from './VmTableRow';
import type { SortColumn, SortSpec, VmRow } from './vm-rows';

const ROW_HEIGHT = 34;
const COLUMN_COUNT = 8;
const PAGE_ROWS = 10;
/** Rows rendered beyond each edge of the view: enough for smooth scrolling with a fixed row height, few
 *  enough that the first frame with thousands of VMs (and each filter keystroke) builds little more than
 *  what is seen. */
const OVERSCAN_ROWS = 6;

export interface VmTableProps {
  readonly rows: readonly VmRow[];
  readonly sort: SortSpec;
  readonly onSort: (column: SortColumn) => void;
  readonly selection: Selection;
  readonly activeKey: string | null;
  readonly onActivate: (key: string) => void;
}

function targetIndex(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'PageDown':
      return Math.min(count - 1, index + PAGE_ROWS);
    case 'PageUp':
      return Math.max(0, index - PAGE_ROWS);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

export function VmTable({ rows, sort, onSort, selection, activeKey, onActivate }: VmTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    // The sticky header covers the first row's height: keyboard scrolling keeps the focused row below it.
    scrollPaddingStart: ROW_HEIGHT,
    // No getItemKey: rows have one fixed height, so positions depend on the count alone, and the virtualizer's
    // 5,000-item measurement list is then rebuilt only when the count changes, not on every render (a new key
    // function each render invalidated it). React's keys are the rows' own (below).
  });
  const order = useMemo(() => rows.map((row) => row.key), [rows]);

  // Stable callbacks for the memoized rows: they read the latest values through refs.
  const latest = useRef({ order, rows, selection, onActivate });
  latest.current = { order, rows, selection, onActivate };
  const focusAfterRender = useRef<string | null>(null);

  const onToggle = useCallback((key: string, range: boolean) => {
    latest.current.selection.toggle(key, range, latest.current.order);
  }, []);
  const onRowActivate = useCallback((key: string) => latest.current.onActivate(key), []);
  const onRowKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableRowElement>, index: number) => {
      const { rows: current, selection: sel, order: keys } = latest.current;
      const row = current[index];
      if (!row) return;
      if (event.key === ' ') {
        event.preventDefault();
        sel.toggle(row.key, event.shiftKey, keys);
        return;
      }
      if (event.key === 'Enter') {
        latest.current.onActivate(row.key);
        return;
      }
      const next = targetIndex(event.key, index, current.length);
      const nextRow = next === null ? undefined : current[next];
      if (next === null || !nextRow) return;
      event.preventDefault();
      focusAfterRender.current = nextRow.key;
      virtualizer.scrollToIndex(next, { align: 'auto' });
      latest.current.onActivate(nextRow.key);
    },
    [virtualizer],
  );

  // Moves focus to the row the keyboard went to, once it is rendered.
  useEffect(() => {
    const key = focusAfterRender.current;
    if (key === null || key !== activeKey) return;
    const element = scrollRef.current?.querySelector<HTMLElement>(`tr[data-row-key="${CSS.escape(key)}"]`);
    if (element) {
      focusAfterRender.current = null;
      element.focus();
    }
  });

  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = Math.max(0, virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0));
  const activeRendered = activeKey !== null && items.some((item) => rows[item.index]?.key === activeKey);
  const selectedShown = useMemo(
    () =>
      selection.selected.size === 0
        ? 0
        : order.reduce((count, key) => count + (selection.selected.has(key) ? 1 : 0), 0),
    [order, selection.selected],
  );
  const onSelectAll = useCallback(
    (select: boolean) => (select ? selection.setAll(order) : selection.clear()),
    [selection, order],
  );

  return (
    <div className="vm-table__scroll" ref={scrollRef}>
      <table className="vm-table" data-testid="vm-table" aria-label="Virtual machines" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col className="vm-table__w-check" />
          <col className="vm-table__w-name" />
          <col className="vm-table__w-host" />
          <col className="vm-table__w-state" />
          <col className="vm-table__w-num" />
          <col className="vm-table__w-num" />
          <col className="vm-table__w-num" />
          <col className="vm-table__w-num" />
        </colgroup>
        <VmTableHeader
          sort={sort}
          onSort={onSort}
          shownCount={rows.length}
          selectedShownCount={selectedShown}
          onSelectAll={onSelectAll}
        />
        <tbody>
          {padTop > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row is never focusable; it only holds the scroll height
            <tr className="vm-table__spacer" aria-hidden="true" style={{ height: padTop }}>
              <td colSpan={COLUMN_COUNT} />
            </tr>
          )}
          {items.map((item, position) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <VmTableRow
                key={row.key}
                row={row}
                index={item.index}
                selected={selection.selected.has(row.key)}
                active={row.key === activeKey}
                tabStop={activeRendered ? row.key === activeKey : position === 0}
                onToggle={onToggle}
                onActivate={onRowActivate}
                onRowKeyDown={onRowKeyDown}
              />
            );
          })}
          {padBottom > 0 && (
            // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a spacer row is never focusable; it only holds the scroll height
            <tr className="vm-table__spacer" aria-hidden="true" style={{ height: padBottom }}>
              <td colSpan={COLUMN_COUNT} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
