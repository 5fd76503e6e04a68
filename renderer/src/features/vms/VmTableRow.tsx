// One row of the VM table. Memoized: a row re-renders only when its VM, its selection or its focus changes,
// which keeps scrolling and filtering smooth with thousands of rows.
import { type KeyboardEvent, type MouseEvent, memo } from 'react';
import { formatBytes, formatUptime } from './format';
import { StateBadge } from './StateBadge';
import type { VmRow } from './vm-rows';

export interface VmTableRowProps {
  readonly row: VmRow;
  /** Position among the rows shown (0-based). */
  readonly index: number;
  readonly selected: boolean;
  readonly active: boolean;
  /** The row that takes Tab focus when the active row is not rendered. */
  readonly tabStop: boolean;
  readonly onToggle: (key: string, range: boolean) => void;
  readonly onActivate: (key: string) => void;
  readonly onRowKeyDown: (event: KeyboardEvent<HTMLTableRowElement>, index: number) => void;
}

export const VmTableRow = memo(function VmTableRow(props: VmTableRowProps) {
  const { row, index, selected, active, tabStop, onToggle, onActivate, onRowKeyDown } = props;
  const { vm } = row;
  const classes = ['vm-row', selected ? 'vm-row--selected' : '', active ? 'vm-row--active' : ''].join(' ').trim();
  return (
    <tr
      className={classes}
      data-testid={`vm-row-${vm.id}`}
      data-vm-name={vm.name}
      data-row-key={row.key}
      aria-rowindex={index + 2}
      aria-current={active ? 'true' : undefined}
      tabIndex={tabStop ? 0 : -1}
      onClick={() => onActivate(row.key)}
      onKeyDown={(event) => onRowKeyDown(event, index)}
    >
      <td className="vm-table__check">
        <input
          type="checkbox"
          checked={selected}
          aria-label={`Select ${vm.name}`}
          data-testid="vm-row-checkbox"
          tabIndex={-1}
          // The click (not change) event carries shiftKey for range selection.
          onClick={(event: MouseEvent<HTMLInputElement>) => {
            event.stopPropagation();
            onToggle(row.key, event.shiftKey);
          }}
          onChange={() => {}}
        />
      </td>
      <td className="vm-table__name" title={vm.name}>
        {vm.name}
      </td>
      <td title={row.hostName}>{row.hostName}</td>
      <td>
        <StateBadge vm={vm} />
      </td>
      <td className="vm-table__num" title={`${vm.cpuUsage}% of ${vm.cpuCount} vCPU`}>
        {vm.cpuUsage}%
      </td>
      <td className="vm-table__num">{formatBytes(row.memoryBytes)}</td>
      <td className="vm-table__num">{formatUptime(vm.uptimeSeconds)}</td>
      <td className="vm-table__num">{formatBytes(row.diskBytes)}</td>
    </tr>
  );
});
