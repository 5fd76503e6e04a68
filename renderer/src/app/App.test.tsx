// @vitest-environment happy-dom
import { sampleDeleteJob, sampleHost } from '@shared/contract/fixtures';
import type { HostInfo } from '@shared/contract/hosts';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { renderWithStores } from './testing';

// The shell is under test here; the VM and jobs views are other features' (and have their own tests).
vi.mock('../features/vms/VmsView', () => ({ VmsView: () => <section aria-label="Virtual machines" /> }));
vi.mock('../features/jobs/JobsPanel', () => ({ JobsPanel: () => <section aria-label="Jobs" /> }));

afterEach(cleanup);

describe('App first run', () => {
  it('offers the lab host when no host is configured, and adds it on request', async () => {
    const { fake, user, stores } = await renderWithStores(<App />, {
      'hosts.list': () => ({ hosts: [] }),
      'hosts.add': (draft) => ({
        ...sampleHost({ id: 'lab', displayName: draft.displayName, status: null }),
        address: draft.address,
      }),
    });
    const offer = await screen.findByTestId('first-run-lab');
    const firstRun = screen.getByTestId('first-run');
    expect(firstRun.textContent).toMatch(/simulated Hyper-V host/i);
    expect(within(firstRun).getByRole('button', { name: /add host/i })).toBeTruthy();

    await user.click(offer);
    const add = fake.calls.find((c) => c.channel === 'hosts.add');
    expect(add?.args).toEqual({
      displayName: 'Lab host (simulated)',
      address: 'lab.local',
      connection: { transport: 'lab' },
    });
    await waitFor(() => expect(screen.queryByTestId('first-run')).toBeNull());
    expect(screen.getByTestId('host-item-lab')).toBeTruthy();
    expect(stores.ui.getState().selectedHostId).toBe('lab');
  });

  it('shows why adding the lab failed', async () => {
    const { user } = await renderWithStores(<App />, { 'hosts.list': () => ({ hosts: [] }) });
    // No hosts.add handler: the fake answers `internal`.
    await user.click(await screen.findByTestId('first-run-lab'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/unexpected error/i);
  });

  it('subscribes, then says app.ready, and leaves first run when hosts.changed brings a host', async () => {
    const { fake } = await renderWithStores(<App />);
    await screen.findByTestId('first-run');
    const channels = fake.calls.map((c) => c.channel);
    expect(channels).toContain('app.ready');
    const host: HostInfo = sampleHost({ id: 'h-1', displayName: 'hv01' });
    act(() => fake.emit('hosts.changed', { hosts: [host] }));
    expect(screen.queryByTestId('first-run')).toBeNull();
    expect(screen.getByLabelText('Virtual machines')).toBeTruthy();
  });

  it('switches views with the nav and Ctrl+2', async () => {
    const { user, stores } = await renderWithStores(<App />);
    await screen.findByTestId('first-run');
    await user.click(screen.getByTestId('nav-jobs'));
    expect(stores.ui.getState().view).toBe('jobs');
    expect(screen.getByTestId('nav-jobs').getAttribute('aria-current')).toBe('page');
    await user.keyboard('{Control>}1{/Control}');
    expect(stores.ui.getState().view).toBe('vms');
  });

  it('badges the Jobs nav with the running-job count', async () => {
    const { stores } = await renderWithStores(<App />);
    await screen.findByTestId('first-run');
    expect(screen.queryByTestId('nav-running-count')).toBeNull();
    act(() => stores.jobs.getState().receiveJob(sampleDeleteJob({ id: 'j-1', status: 'running' })));
    expect(screen.getByTestId('nav-running-count').textContent).toBe('1 running');
  });
});
