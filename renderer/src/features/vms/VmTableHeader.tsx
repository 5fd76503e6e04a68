// The VM table's header: a select-all checkbox for the rows shown, and one sort button per column. The sorted
// column carries aria-sort; the buttons are reachable by Tab and work with Enter or Space.
import { useEffect, useRef } from 'react';
import type { SortColumn, SortSpec } from './vm-rows';

export const COLUMN_LABELS: Record<SortColumn, string> = {
  name: 'Name',
  host: 'Host',
  state: 'State',
  cpu: 'CPU',
  memory: 'Memory',
  uptime: 'Uptime',
  disks: 'Disks',
};

const COLUMNS = Object.keys(COLUMN_LABELS) as SortColumn[];

export interface VmTableHeaderProps {
  readonly sort: SortSpec;
  readonly onSort: (column: SortColumn) => void;
  readonly shownCount: number;
  readonly selectedShownCount: number;
  readonly onSelectAll: (select: boolean) => void;
}

export function VmTableHeader({ sort, onSort, shownCount, selectedShownCount, onSelectAll }: VmTableHeaderProps) {
  const checkbox = useRef<HTMLInputElement>(null);
  const all = shownCount > 0 && selectedShownCount === shownCount;
  const some = selectedShownCount > 0 && !all;
  useEffect(() => {
    if (checkbox.current) checkbox.current.indeterminate = some;
  }, [some]);
  return (
    <thead>
      <tr aria-rowindex={1}>
        <th scope="col" className="vm-table__check">
          <input
            ref={checkbox}
            type="checkbox"
            checked={all}
            disabled={shownCount === 0}
            aria-label={`Select all ${shownCount} VMs shown`}
            data-testid="vm-select-all"
            onChange={() => onSelectAll(!all)}
          />
        </th>
        {COLUMNS.map((column) => {
          const sorted = sort.column === column;
          const ariaSort = sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
          return (
            <th key={column} scope="col" aria-sort={ariaSort} className={`vm-table__col-${column}`}>
              <button
                type="button"
                className="vm-table__sort"
                data-testid={`vm-sort-${column}`}
                onClick={() => onSort(column)}
              >
                {COLUMN_LABELS[column]}
                <span aria-hidden="true" className="vm-table__sort-mark">
                  {sorted ? (sort.direction === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
