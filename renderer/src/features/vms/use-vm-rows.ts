// The rows the table shows: the VMs of the selected host (or all hosts) as rows, sorted, then filtered. Each
// step is memoized on its inputs alone, so a filter keystroke only re-filters, a status-only inventory change
// (refreshing, stale) re-does nothing, and a host's status change does not re-sort.
import type { HostInfo } from '@shared/contract/hosts';
import { useMemo } from 'react';
import { useStoreOf } from '../../stores/app-stores';
import { selectVms } from '../../stores/inventory-store';
import { filterRows, type SortSpec, sortRows, toRow, type VmRow } from './vm-rows';

const NAME_SEPARATOR = '\u0000';
const HOST_SEPARATOR = '\u0001';

/** Host names as one string: equal by value, so a host's status change does not count as a change. */
function namesSignature(hosts: readonly HostInfo[]): string {
  return hosts.map((host) => `${host.id}${NAME_SEPARATOR}${host.displayName}`).join(HOST_SEPARATOR);
}

function parseNames(signature: string): ReadonlyMap<string, string> {
  const names = new Map<string, string>();
  if (signature === '') return names;
  for (const entry of signature.split(HOST_SEPARATOR)) {
    const [id = '', name = ''] = entry.split(NAME_SEPARATOR);
    names.set(id, name);
  }
  return names;
}

/** The display name of each configured host, by id. */
export function useHostNames(): ReadonlyMap<string, string> {
  const signature = useStoreOf('hosts', (state) => namesSignature(state.hosts));
  return useMemo(() => parseNames(signature), [signature]);
}

export interface VmRows {
  /** Every row of the selected host(s), sorted. */
  readonly all: readonly VmRow[];
  /** The rows matching the filter, in sorted order. */
  readonly visible: readonly VmRow[];
}

export function useVmRows(sort: SortSpec, query: string): VmRows {
  const hostId = useStoreOf('ui', (state) => state.selectedHostId);
  const vms = useStoreOf('inventory', (state) => selectVms(state, hostId));
  const hostNames = useHostNames();
  const rows = useMemo(() => vms.map((vm) => toRow(vm, hostNames.get(vm.hostId) ?? vm.hostId)), [vms, hostNames]);
  const all = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const visible = useMemo(() => filterRows(all, query), [all, query]);
  return { all, visible };
}
