// @vitest-environment happy-dom
import { AppException, appError } from '@shared/contract/errors';
import { SAMPLE_TIME, sampleHost } from '@shared/contract/fixtures';
import type { HostTestResult } from '@shared/contract/hosts';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithStores } from '../../app/testing';
import { HostDialogs } from './HostDialogs';

afterEach(cleanup);

async function openAddDialog(handlers: Parameters<typeof renderWithStores>[1] = {}) {
  const rendered = await renderWithStores(<HostDialogs />, handlers);
  rendered.stores.ui.getState().openHostDialog({ kind: 'add' });
  const dialog = await screen.findByRole('dialog', { name: 'Add a host' });
  return { ...rendered, dialog };
}

const reachable: HostTestResult = {
  status: {
    reachable: true,
    lastChecked: SAMPLE_TIME,
    psEdition: 'Desktop',
    psVersion: '5.1.20348',
    hyperVModule: true,
    clusterName: 'CL-PROD',
    error: null,
  },
  computerName: 'HV01',
  hyperVModuleVersion: '2.0.0.0',
  durationMs: 812,
};

describe('Add host dialog', () => {
  it('announces itself with a title and description', async () => {
    const { dialog } = await openAddDialog();
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(within(dialog).getByText(/how the app reaches this hyper-v host/i)).toBeTruthy();
  });

  it('validates with the contract schema before sending anything', async () => {
    const { dialog, user, fake } = await openAddDialog();
    await user.type(within(dialog).getByLabelText('Address'), '-bad host');
    await user.click(within(dialog).getByTestId('host-save-button'));
    const name = within(dialog).getByLabelText('Name');
    const address = within(dialog).getByLabelText('Address');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(address.getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('must be a host name or an IP address');
    expect(dialog.textContent).toContain('Required.');
    expect(fake.calls.some((c) => c.channel === 'hosts.add')).toBe(false);

    await user.type(within(dialog).getByLabelText('Port'), '99999');
    expect(within(dialog).getByLabelText('Port').getAttribute('aria-invalid')).toBe('true');
    expect(dialog.textContent).toContain('Must be a port number from 1 to 65535.');
  });

  it('shows SSH fields per transport and requires its user name', async () => {
    const { dialog, user } = await openAddDialog();
    await user.selectOptions(within(dialog).getByLabelText('Transport'), 'ssh');
    expect(within(dialog).getByLabelText('Key file')).toBeTruthy();
    expect(within(dialog).queryByLabelText('Password')).toBeNull();
    await user.type(within(dialog).getByLabelText('Name'), 'hv-ssh');
    await user.type(within(dialog).getByLabelText('Address'), 'hv02.example.com');
    await user.click(within(dialog).getByTestId('host-save-button'));
    expect(within(dialog).getByLabelText('User name').getAttribute('aria-invalid')).toBe('true');
  });

  it('tests the draft and shows reachability, PowerShell, Hyper-V and cluster', async () => {
    const { dialog, user, fake } = await openAddDialog({ 'hosts.test': () => reachable });
    await user.type(within(dialog).getByLabelText('Name'), 'Prod 1');
    await user.type(within(dialog).getByLabelText('Address'), 'hv01.corp.example');
    await user.type(within(dialog).getByLabelText('User name'), 'CORP\\admin');
    await user.type(within(dialog).getByLabelText('Password'), 's3cret!');
    await user.click(within(dialog).getByTestId('host-test-button'));

    const result = await within(dialog).findByTestId('host-test-result');
    expect(result.textContent).toContain('Reachable');
    expect(result.textContent).toContain('HV01');
    expect(within(result).getByTestId('test-powershell').textContent).toBe('Desktop 5.1.20348');
    expect(within(result).getByTestId('test-hyperv').textContent).toBe('Present (2.0.0.0)');
    expect(within(result).getByTestId('test-cluster').textContent).toBe('CL-PROD');
    expect(fake.calls.find((c) => c.channel === 'hosts.test')?.args).toEqual({
      kind: 'draft',
      host: {
        displayName: 'Prod 1',
        address: 'hv01.corp.example',
        connection: { transport: 'winrm', useSsl: false, username: 'CORP\\admin' },
        secret: 's3cret!',
      },
    });
  });

  it('shows an unreachable test result with what to do', async () => {
    const { dialog, user } = await openAddDialog({
      'hosts.test': () => ({
        ...reachable,
        computerName: null,
        status: {
          ...reachable.status,
          reachable: false,
          psEdition: null,
          psVersion: null,
          hyperVModule: false,
          clusterName: null,
          error: appError('host_unreachable', 'WinRM cannot complete the operation'),
        },
      }),
    });
    await user.type(within(dialog).getByLabelText('Name'), 'Prod 2');
    await user.type(within(dialog).getByLabelText('Address'), 'hv02');
    await user.click(within(dialog).getByTestId('host-test-button'));
    const result = await within(dialog).findByTestId('host-test-result');
    expect(result.textContent).toContain('Not reachable');
    expect(within(result).getByRole('alert').textContent).toMatch(/cannot be reached.*firewall/is);
    expect(within(result).getByRole('alert').textContent).toContain('Host: Prod 2');
  });

  it("puts main's validation issues beside their fields", async () => {
    const { dialog, user } = await openAddDialog({
      'hosts.add': () => {
        throw new AppException(
          appError('validation_failed', 'Invalid host: secret', {
            issues: [{ path: 'secret', message: 'a WinRM user name needs its password' }],
          }),
        );
      },
    });
    await user.type(within(dialog).getByLabelText('Name'), 'Prod 3');
    await user.type(within(dialog).getByLabelText('Address'), 'hv03');
    await user.type(within(dialog).getByLabelText('User name'), 'admin');
    await user.click(within(dialog).getByTestId('host-save-button'));
    const password = within(dialog).getByLabelText('Password');
    await waitFor(() => expect(password.getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toContain('a WinRM user name needs its password');
  });

  it('saves the host, selects it and closes', async () => {
    const { dialog, user, fake, stores } = await openAddDialog({
      'hosts.add': (draft) => sampleHost({ id: 'h-9', displayName: draft.displayName, address: draft.address }),
    });
    await user.type(within(dialog).getByLabelText('Name'), 'Local');
    await user.selectOptions(within(dialog).getByLabelText('Transport'), 'local');
    await user.type(within(dialog).getByLabelText('Address'), 'localhost');
    await user.click(within(dialog).getByTestId('host-save-button'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.find((c) => c.channel === 'hosts.add')?.args).toEqual({
      displayName: 'Local',
      address: 'localhost',
      connection: { transport: 'local' },
    });
    expect(stores.ui.getState().selectedHostId).toBe('h-9');
    expect(stores.hosts.getState().hosts.map((h) => h.id)).toEqual(['h-9']);
  });
});

describe('Edit host dialog', () => {
  it('keeps the stored password unless a new one is typed, and sends only the changes', async () => {
    const host = sampleHost({
      id: 'h-2',
      displayName: 'hv02',
      address: 'hv02',
      connection: { transport: 'winrm', useSsl: true, username: 'CORP\\svc' },
      hasSecret: true,
    });
    const { user, fake, stores } = await renderWithStores(<HostDialogs />, {
      'hosts.list': () => ({ hosts: [host] }),
      'hosts.update': (update) => ({ ...host, displayName: update.displayName ?? host.displayName }),
      'hosts.test': () => reachable,
    });
    await stores.hosts.getState().load();
    stores.ui.getState().openHostDialog({ kind: 'edit', hostId: 'h-2' });
    const dialog = await screen.findByRole('dialog', { name: 'Edit hv02' });
    expect((within(dialog).getByLabelText('Password') as HTMLInputElement).value).toBe('');
    expect(dialog.textContent).toContain('A password is stored');

    await user.click(within(dialog).getByTestId('host-test-button'));
    await within(dialog).findByTestId('host-test-result');
    expect(fake.calls.find((c) => c.channel === 'hosts.test')?.args).toMatchObject({
      kind: 'draft',
      useSecretOf: 'h-2',
    });

    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'hv02-renamed');
    await user.click(within(dialog).getByTestId('host-save-button'));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const update = fake.calls.find((c) => c.channel === 'hosts.update')?.args as Record<string, unknown>;
    expect(update).toMatchObject({ id: 'h-2', displayName: 'hv02-renamed' });
    expect(update).not.toHaveProperty('secret');
    expect(update).not.toHaveProperty('clearSecret');
  });
});
