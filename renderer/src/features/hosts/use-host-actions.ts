// The host context actions that need no dialog: refresh inventory, test a saved host, reset the lab. Each one
// reports its outcome as a toast (an error as the admin reads it), because the menu that started it is gone.
import type { AppError } from '@shared/contract/errors';
import type { HostInfo } from '@shared/contract/hosts';
import { useMemo } from 'react';
import { describeError } from '../../lib/errors';
import { type AppStores, useAppStores } from '../../stores/app-stores';

export interface HostActions {
  refreshInventory(host: HostInfo): Promise<void>;
  testSaved(host: HostInfo): Promise<void>;
  resetLab(host: HostInfo): Promise<void>;
}

function toastError(stores: AppStores, error: AppError, host: HostInfo): void {
  const { title, detail, hint } = describeError(error, host.displayName);
  stores.ui
    .getState()
    .pushToast({ kind: 'error', title, body: [detail, hint].filter(Boolean).join(' — '), jobId: null });
}

export function hostActionsFor(stores: AppStores): HostActions {
  const toast = (kind: 'success' | 'warning', title: string, body: string) =>
    stores.ui.getState().pushToast({ kind, title, body, jobId: null });
  return {
    refreshInventory: async (host) => {
      const result = await stores.api.inventory.refresh({ hostIds: [host.id] });
      if (!result.ok) toastError(stores, result.error, host);
      else toast('success', 'Inventory refreshed', `${host.displayName} was read again.`);
    },
    testSaved: async (host) => {
      const result = await stores.hosts.getState().test({ kind: 'saved', hostId: host.id });
      if (!result.ok) return toastError(stores, result.error, host);
      const { status } = result.value;
      if (status.reachable) toast('success', 'Connection works', `${host.displayName} answered.`);
      else if (status.error) toastError(stores, status.error, host);
      else toast('warning', 'Host unreachable', `${host.displayName} did not answer.`);
    },
    resetLab: async (host) => {
      const result = await stores.api.lab.reset();
      if (!result.ok) toastError(stores, result.error, host);
      else toast('success', 'Lab reset', 'The lab host was rebuilt from its scenario and is being read again.');
    },
  };
}

export function useHostActions(): HostActions {
  const stores = useAppStores();
  return useMemo(() => hostActionsFor(stores), [stores]);
}
