// @vitest-environment happy-dom
import { AppException, appError } from '@shared/contract/errors';
import { sampleHost } from '@shared/contract/fixtures';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStores } from '../../app/testing';
import { HostDialogs } from './HostDialogs';
import { HostsSidebar } from './HostsSidebar';

afterEach(cleanup);

const winrm = { transport: 'winrm', useSsl: false } as const;
const online = sampleHost({ id: 'h-1', displayName: 'hv01', address: 'hv01', connection: winrm });
const down = sampleHost({
  id: 'h-2',
  displayName: 'hv02',
  address: 'hv02',
  connection: winrm,
  status: {
    reachable: false,
    lastChecked: '2025-01-02T10:00:00.000Z',
    psEdition: null,
    psVersion: null,
    hyperVModule: false,
    clusterName: null,
    error: appError('host_unreachable', 'timeout'),
  },
});
const unchecked = sampleHost({ id: 'h-3', displayName: 'hv03', connection: winrm, status: null });
const lab = sampleHost({ id: 'lab', displayName: 'Lab host (simulated)', address: 'lab.local' });

async function renderSidebar(handlers: Parameters<typeof renderWithStores>[1] = {}) {
  return renderWithStores(
    <>
      <HostsSidebar />
      <HostDialogs />
    </>,
    { 'hosts.list': () => ({ hosts: [online, down, unchecked, lab] }), ...handlers },
    { connect: true },
  );
}

describe('HostsSidebar', () => {
  it('lists each host with its status in words', async () => {
    await renderSidebar();
    const sidebar = await screen.findByTestId('hosts-sidebar');
    await within(sidebar).findByTestId('host-item-h-1');
    const status = (id: string) => within(screen.getByTestId(`host-item-${id}`)).getByTestId('host-status').textContent;
    expect(status('h-1')).toBe('Online');
    expect(status('h-2')).toBe('Unreachable');
    expect(status('h-3')).toBe('Not checked');
    expect(screen.getByTestId('host-item-h-2').getAttribute('data-status')).toBe('error');
  });

  it('follows hosts.changed', async () => {
    const { fake } = await renderSidebar();
    await screen.findByTestId('host-item-h-1');
    act(() => fake.emit('hosts.changed', { hosts: [{ ...unchecked, status: online.status }] }));
    expect(screen.queryByTestId('host-item-h-1')).toBeNull();
    expect(within(screen.getByTestId('host-item-h-3')).getByTestId('host-status').textContent).toBe('Online');
  });

  it('selects a host, and All hosts, with the mouse and the keyboard', async () => {
    const { user, stores } = await renderSidebar();
    const item = await screen.findByTestId('host-item-h-2');
    await user.click(within(item).getByRole('button', { name: /^hv02/ }));
    expect(stores.ui.getState().selectedHostId).toBe('h-2');
    expect(within(item).getByRole('button', { name: /^hv02/ }).getAttribute('aria-current')).toBe('true');

    within(screen.getByTestId('host-item-all')).getByRole('button').focus();
    await user.keyboard('{ArrowDown}{Enter}');
    expect(stores.ui.getState().selectedHostId).toBe('h-1');

    await user.click(within(screen.getByTestId('host-item-all')).getByRole('button'));
    expect(stores.ui.getState().selectedHostId).toBeNull();
  });

  it('opens the add dialog, and Escape returns focus to its button', async () => {
    const { user } = await renderSidebar();
    const addButton = await screen.findByTestId('add-host-button');
    await user.click(addButton);
    expect(await screen.findByRole('dialog', { name: 'Add a host' })).toBeTruthy();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(addButton);
  });

  it('refreshes the inventory of one host and resets the lab from the host actions', async () => {
    const { user, fake } = await renderSidebar({
      'inventory.refresh': () => ({ snapshots: [] }),
      'lab.reset': () => ({ hostId: 'lab' }),
    });
    await user.click(await screen.findByTestId('host-actions-h-1'));
    expect(within(screen.getByTestId('host-item-h-1')).queryByTestId('reset-lab')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Refresh inventory' }));
    expect(fake.calls.find((c) => c.channel === 'inventory.refresh')?.args).toEqual({ hostIds: ['h-1'] });

    await user.click(screen.getByTestId('host-actions-lab'));
    await user.click(screen.getByTestId('reset-lab'));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'lab.reset')).toBe(true));
  });

  it('closes the actions with Escape and returns focus to their button', async () => {
    const { user } = await renderSidebar();
    const toggle = await screen.findByTestId('host-actions-h-1');
    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('explains a host that cannot be removed because jobs use it', async () => {
    const { user, stores } = await renderSidebar({
      'hosts.remove': ({ hostId }) => {
        throw new AppException(appError('host_in_use', 'The host has queued or running jobs.', { hostId }));
      },
    });
    await user.click(await screen.findByTestId('host-actions-h-1'));
    await user.click(screen.getByRole('button', { name: 'Remove…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove hv01?' });
    await user.click(within(dialog).getByTestId('remove-host-confirm'));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('The host has jobs in progress');
    expect(alert.textContent).toContain('Host: hv01');
    expect(alert.textContent).toMatch(/cancel them in Jobs/);
    await user.click(within(dialog).getByRole('button', { name: 'Show jobs' }));
    expect(stores.ui.getState().view).toBe('jobs');
    expect(stores.hosts.getState().hosts.some((h) => h.id === 'h-1')).toBe(true);
  });

  it('removes a host after confirmation', async () => {
    const { user, stores } = await renderSidebar({ 'hosts.remove': ({ hostId }) => ({ hostId }) });
    await user.click(await screen.findByTestId('host-actions-h-3'));
    await user.click(screen.getByRole('button', { name: 'Remove…' }));
    await user.click(await screen.findByTestId('remove-host-confirm'));
    await waitFor(() => expect(screen.queryByTestId('host-item-h-3')).toBeNull());
    expect(stores.hosts.getState().hosts.map((h) => h.id)).toEqual(['h-1', 'h-2', 'lab']);
  });
});
