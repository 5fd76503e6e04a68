// Test support for the VM view's component tests: VMs with distinct ids, the view rendered over a fake API with
// the inventory loaded, and a layout stub (happy-dom lays nothing out, so the virtualizer would see a 0px
// viewport and render no rows).
import { SAMPLE_HOST_ID, sampleHost, sampleSnapshot, sampleVm } from '@shared/contract/fixtures';
import type { VmInfo } from '@shared/contract/inventory';
import { render, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { type AppStores, createAppStores, StoresProvider } from '../../stores/app-stores';
import { connectInventoryEvents } from '../../stores/inventory-store';
import { createFakeApi, type FakeApi, type FakeHandlers } from '../../test-support/fake-api';
import { VmsView } from './VmsView';

/** A VM id that is a valid GUID, distinct per index. */
export function vmIdOf(index: number): string {
  return `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
}

export function testVm(index: number, overrides: Partial<VmInfo> = {}): VmInfo {
  return sampleVm({ id: vmIdOf(index), name: `vm${index}`, ...overrides });
}

let layoutStubbed = false;

/** Gives every element a 1000x600 client box, so the virtualizer renders the rows of one viewport. */
export function stubLayout(): void {
  if (layoutStubbed) return;
  layoutStubbed = true;
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 1000 });
}

export interface RenderedVms {
  readonly fake: FakeApi;
  readonly stores: AppStores;
  readonly user: ReturnType<typeof userEvent.setup>;
}

/** Renders VmsView with these VMs on the sample host (hosts named too), the inventory loaded. */
export async function renderVmsView(vms: VmInfo[], handlers: FakeHandlers = {}): Promise<RenderedVms> {
  stubLayout();
  const fake = createFakeApi({
    'inventory.list': () => ({ snapshots: [sampleSnapshot({ hostId: SAMPLE_HOST_ID, vms })] }),
    ...handlers,
  });
  const stores = createAppStores(fake.api);
  stores.hosts.setState({ hosts: [sampleHost()], loaded: true });
  connectInventoryEvents(fake.api, stores.inventory);
  await waitFor(() => {
    if (!stores.inventory.getState().loaded) throw new Error('inventory not loaded yet');
  });
  const user = userEvent.setup();
  render(
    <StoresProvider stores={stores}>
      <VmsView />
    </StoresProvider>,
  );
  return { fake, stores, user };
}

/** The names of the rendered rows, top to bottom. */
export function shownNames(container: ParentNode = document): string[] {
  return [...container.querySelectorAll<HTMLElement>('tr[data-vm-name]')].map((row) => row.dataset.vmName ?? '');
}
