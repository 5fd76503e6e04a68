// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './App';
import { renderWithStores } from './testing';

// The shell is under test here; the VM and jobs views are other features' (and have their own tests).
vi.mock('../features/vms/VmsView', () => ({ VmsView: () => <section aria-label="Virtual machines" /> }));
vi.mock('../features/jobs/JobsPanel', () => ({ JobsPanel: () => <section aria-label="Jobs" /> }));

afterEach(cleanup);

describe('toasts', () => {
  it('shows a notification event as a toast whose action opens the job', async () => {
    const { fake, user, stores } = await renderWithStores(<App />);
    await screen.findByTestId('first-run');
    act(() => fake.emit('notification', { kind: 'success', title: 'Delete job queued', body: 'web01', jobId: 'j-42' }));
    const toast = await screen.findByTestId('toast');
    expect(toast.textContent).toContain('Delete job queued');
    expect(within(toast).getByTestId('toast-job-id').textContent).toBe('j-42');

    await user.click(within(toast).getByRole('button', { name: /open job/i }));
    expect(stores.ui.getState().view).toBe('jobs');
    expect(stores.ui.getState().openJobId).toBe('j-42');
  });

  it('has no open-job action without a job, and is dismissable', async () => {
    const { fake, user, stores } = await renderWithStores(<App />);
    await screen.findByTestId('first-run');
    act(() => fake.emit('notification', { kind: 'error', title: 'Refresh failed', body: 'hv01', jobId: null }));
    const toast = await screen.findByTestId('toast');
    expect(within(toast).queryByRole('button', { name: /open job/i })).toBeNull();
    await user.click(within(toast).getByRole('button', { name: /dismiss/i }));
    expect(stores.ui.getState().toasts).toEqual([]);
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('opens the job main names when the admin clicked its native notification or tray item', async () => {
    const { fake, stores } = await renderWithStores(<App />);
    await screen.findByTestId('first-run');
    act(() => fake.emit('app.openJob', { jobId: 'j-7' }));
    expect(stores.ui.getState().view).toBe('jobs');
    expect(stores.ui.getState().openJobId).toBe('j-7');
  });
});
