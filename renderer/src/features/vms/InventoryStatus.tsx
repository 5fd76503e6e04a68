// How current the VMs shown are, per host: when the host was read, whether the list is still the cached copy
// (stale), a refresh running now, and why the last refresh failed (the VMs shown are then the previous ones).
// With all hosts shown, only hosts with something to say get a line of their own.
import type { AppError } from '@shared/contract/errors';
import { useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useStoreOf } from '../../stores/app-stores';
import { type HostInventory, selectHostInventories } from '../../stores/inventory-store';
import { formatTimestamp } from './format';

function HostLine({ host, name }: { host: HostInventory; name: string }) {
  const notes = [
    `${host.vms.length} VM${host.vms.length === 1 ? '' : 's'}`,
    `read ${formatTimestamp(host.collectedAt)}`,
  ];
  if (host.stale) notes.push('cached copy, not yet refreshed');
  if (host.refreshing) notes.push('refreshing…');
  return (
    <li className="inventory-status__host" data-testid={`inventory-status-${host.hostId}`}>
      <span className="inventory-status__name">{name}</span>: {notes.join(' · ')}
      {host.error && <ErrorNotice error={host.error} hostName={name} className="inventory-status__error" />}
    </li>
  );
}

export interface InventoryStatusProps {
  readonly hostId: string | null;
  readonly hostNames: ReadonlyMap<string, string>;
}

export function InventoryStatus({ hostId, hostNames }: InventoryStatusProps) {
  const hosts = useStoreOf('inventory', selectHostInventories);
  const loaded = useStoreOf('inventory', (state) => state.loaded);
  const loadError = useStoreOf('inventory', (state) => state.loadError);
  const refresh = useStoreOf('inventory', (state) => state.refresh);
  const [refreshError, setRefreshError] = useState<AppError | null>(null);
  const [refreshing, setRefreshing] = useState(false);
  const inScope = hostId === null ? hosts : hosts.filter((host) => host.hostId === hostId);
  const shown = hostId === null ? inScope.filter((host) => host.stale || host.refreshing || host.error) : inScope;
  const anyRefreshing = refreshing || inScope.some((host) => host.refreshing);

  const onRefresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    const result = await refresh(hostId === null ? undefined : [hostId]);
    setRefreshing(false);
    if (!result.ok) setRefreshError(result.error);
  };

  return (
    <div className="inventory-status" data-testid="inventory-status" aria-live="polite">
      <div className="inventory-status__summary">
        <span>
          {!loaded
            ? 'Loading the inventory…'
            : hostId === null
              ? `${inScope.reduce((sum, host) => sum + host.vms.length, 0)} VMs on ${inScope.length} host(s)`
              : ''}
        </span>
        <button type="button" data-testid="inventory-refresh" disabled={anyRefreshing} onClick={() => void onRefresh()}>
          {anyRefreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {shown.length > 0 && (
        <ul className="inventory-status__hosts">
          {shown.map((host) => (
            <HostLine key={host.hostId} host={host} name={hostNames.get(host.hostId) ?? host.hostId} />
          ))}
        </ul>
      )}
      {loadError && <ErrorNotice error={loadError} />}
      {refreshError && <ErrorNotice error={refreshError} />}
    </div>
  );
}
