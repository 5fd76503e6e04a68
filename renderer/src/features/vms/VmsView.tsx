// The VM table of the selected host(s), the details pane and the delete dialogs (C9). The table state (sort,
// filter, selection, the VM shown in details) lives here; the data comes from the inventory and hosts stores.
import type { VmInfo } from '@shared/contract/inventory';
import { useCallback, useMemo, useState } from 'react';
import { useStoreOf } from '../../stores/app-stores';
import { selectVm } from '../../stores/inventory-store';
import { BulkDeleteDialog } from './BulkDeleteDialog';
import { DeleteDialog } from './DeleteDialog';
import { InventoryStatus } from './InventoryStatus';
import { useSelection } from './use-selection';
import { useHostNames, useVmRows } from './use-vm-rows';
import { VmDetails } from './VmDetails';
import { VmTable } from './VmTable';
import { splitRowKey, type VmRow } from './vm-rows';
import { useVmsView } from './vms-view-state';
import './vms.css';

const NO_ROWS: readonly VmRow[] = [];

type OpenDialog = { readonly kind: 'single'; readonly vm: VmInfo } | { readonly kind: 'bulk'; readonly vms: VmInfo[] };

export function VmsView() {
  const sort = useVmsView((state) => state.sort);
  const query = useVmsView((state) => state.query);
  const activeKey = useVmsView((state) => state.activeKey);
  const onSort = useVmsView((state) => state.sortBy);
  const setQuery = useVmsView((state) => state.setQuery);
  const setActiveKey = useVmsView((state) => state.activate);
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const selectedHostId = useStoreOf('ui', (state) => state.selectedHostId);
  const hostNames = useHostNames();
  const { all, visible } = useVmRows(sort, query);
  const selection = useSelection();
  const activeVm = useStoreOf('inventory', (state) => {
    if (activeKey === null) return null;
    const { hostId, vmId } = splitRowKey(activeKey);
    return selectVm(state, hostId, vmId);
  });
  // Nothing selected (always so when the inventory first arrives): no pass over the thousands of rows.
  const selectedRows = useMemo(
    () => (selection.selected.size === 0 ? NO_ROWS : all.filter((row) => selection.selected.has(row.key))),
    [all, selection.selected],
  );
  const hiddenSelected =
    selectedRows.length === 0
      ? 0
      : selectedRows.length - visible.filter((row) => selection.selected.has(row.key)).length;

  const openDelete = useCallback((vm: VmInfo) => setDialog({ kind: 'single', vm }), []);
  const deleteSelected = () => {
    const vms = selectedRows.map((row) => row.vm);
    const only = vms.length === 1 ? vms[0] : undefined;
    if (only) setDialog({ kind: 'single', vm: only });
    else if (vms.length > 1) setDialog({ kind: 'bulk', vms });
  };
  const hostNameOf = (hostId: string) => hostNames.get(hostId) ?? hostId;

  return (
    <section className="vms-view" aria-label="Virtual machines" data-testid="vms-view">
      <InventoryStatus hostId={selectedHostId} hostNames={hostNames} />
      <div className="vms-toolbar" role="toolbar" aria-label="VM list">
        <input
          type="search"
          className="vms-toolbar__filter"
          placeholder="Filter by name, host or state (state:off)"
          aria-label="Filter VMs by name, host or state"
          data-testid="vm-filter"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <span className="vms-toolbar__count" data-testid="vm-count" aria-live="polite">
          {visible.length === all.length ? `${all.length} VMs` : `${visible.length} of ${all.length} VMs`}
          {selectedRows.length > 0 &&
            ` · ${selectedRows.length} selected${hiddenSelected > 0 ? ` (${hiddenSelected} hidden by the filter)` : ''}`}
        </span>
        <button
          type="button"
          className="danger"
          data-testid="delete-selected"
          disabled={selectedRows.length === 0}
          onClick={deleteSelected}
        >
          Delete selected…
        </button>
        <button type="button" disabled={selectedRows.length === 0} onClick={selection.clear}>
          Clear selection
        </button>
      </div>
      <div className="vms-body">
        <div className="vms-body__table">
          {all.length === 0 ? (
            <p className="vms-empty" data-testid="vm-empty">
              No VMs on {selectedHostId === null ? 'any host' : hostNameOf(selectedHostId)} yet.
            </p>
          ) : visible.length === 0 ? (
            <p className="vms-empty" data-testid="vm-empty">
              No VM matches “{query}”.
            </p>
          ) : null}
          {visible.length > 0 && (
            <VmTable
              rows={visible}
              sort={sort}
              onSort={onSort}
              selection={selection}
              activeKey={activeKey}
              onActivate={setActiveKey}
            />
          )}
        </div>
        <aside className="vms-body__details" aria-label="VM details">
          {activeVm ? (
            <VmDetails vm={activeVm} hostName={hostNameOf(activeVm.hostId)} onDelete={openDelete} />
          ) : (
            <p className="vms-empty">Select a VM to see its details and actions.</p>
          )}
        </aside>
      </div>
      {dialog?.kind === 'single' && (
        <DeleteDialog vm={dialog.vm} hostName={hostNameOf(dialog.vm.hostId)} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'bulk' && (
        <BulkDeleteDialog
          vms={dialog.vms}
          hostNames={hostNames}
          onClose={() => setDialog(null)}
          onSubmitted={selection.clear}
        />
      )}
    </section>
  );
}
