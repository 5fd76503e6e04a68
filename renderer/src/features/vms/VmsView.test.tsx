// @vitest-environment happy-dom
import type { EventPayload } from '@shared/contract/api';
import { SAMPLE_HOST_ID } from '@shared/contract/fixtures';
import type { VmInfo } from '@shared/contract/inventory';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StoresProvider } from '../../stores/app-stores';
import { VmsView } from './VmsView';
import { renderVmsView, shownNames, testVm, vmIdOf } from './vms-test-support';

afterEach(cleanup);

function change(
  vms: EventPayload<'inventory.changed'>['change'],
  status: Partial<EventPayload<'inventory.changed'>> = {},
): EventPayload<'inventory.changed'> {
  return {
    hostId: SAMPLE_HOST_ID,
    collectedAt: '2025-01-02T10:45:00.000Z',
    stale: false,
    refreshing: false,
    error: null,
    host: null,
    change: vms,
    ...status,
  };
}

const NO_CHANGE = { kind: 'patch', upserted: [] as VmInfo[], removed: [] as string[] } as const;

describe('VMs view', () => {
  it("shows each host's inventory status: stale, refreshing, and the refresh error as an admin reads it", async () => {
    const { fake } = await renderVmsView([testVm(1)]);
    act(() =>
      fake.emit(
        'inventory.changed',
        change(NO_CHANGE, {
          stale: true,
          refreshing: true,
          error: { code: 'host_unreachable', message: 'WinRM did not answer', details: { hostId: SAMPLE_HOST_ID } },
        }),
      ),
    );
    const line = screen.getByTestId(`inventory-status-${SAMPLE_HOST_ID}`);
    expect(line.textContent).toContain('Lab host');
    expect(line.textContent).toContain('cached copy, not yet refreshed');
    expect(line.textContent).toContain('refreshing…');
    expect(line.textContent).toContain('The host cannot be reached');
    expect(line.textContent).toContain('WinRM did not answer');
    // The VMs shown are still the previous ones.
    expect(shownNames()).toEqual(['vm1']);
  });

  it('Refresh re-reads the selected host', async () => {
    const { fake, stores, user } = await renderVmsView([testVm(1)], {
      'inventory.refresh': () => ({ snapshots: [] }),
    });
    act(() => stores.ui.getState().selectHost(SAMPLE_HOST_ID));
    await user.click(screen.getByTestId('inventory-refresh'));
    await waitFor(() =>
      expect(fake.calls.find((call) => call.channel === 'inventory.refresh')?.args).toEqual({
        hostIds: [SAMPLE_HOST_ID],
      }),
    );
  });

  it('drops a pruned VM from the table and the details pane', async () => {
    const { fake, user } = await renderVmsView([testVm(1), testVm(2)]);
    await user.click(screen.getByTestId(`vm-row-${vmIdOf(1)}`));
    expect(screen.getByTestId('vm-details')).toBeTruthy();
    act(() => fake.emit('inventory.changed', change({ kind: 'patch', upserted: [], removed: [vmIdOf(1)] })));
    expect(shownNames()).toEqual(['vm2']);
    expect(screen.queryByTestId('vm-details')).toBeNull();
  });

  it('keeps the filter, sort, selection and details when the view is left and shown again', async () => {
    const { stores, user } = await renderVmsView([testVm(1), testVm(2), testVm(12)]);
    await user.type(screen.getByTestId('vm-filter'), 'vm1');
    await user.click(screen.getByTestId('vm-sort-name'));
    await user.click(screen.getByTestId(`vm-row-${vmIdOf(12)}`));
    cleanup();
    render(
      <StoresProvider stores={stores}>
        <VmsView />
      </StoresProvider>,
    );
    expect((screen.getByTestId('vm-filter') as HTMLInputElement).value).toBe('vm1');
    expect(shownNames()).toEqual(['vm12', 'vm1']);
    expect(screen.getByTestId('vm-details').textContent).toContain('vm12');
  });
});
