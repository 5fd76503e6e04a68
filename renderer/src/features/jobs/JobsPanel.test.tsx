// @vitest-environment happy-dom
import { sampleDeleteJob, sampleLifecycleJob } from '@shared/contract/fixtures';
import type { JobInfo } from '@shared/contract/jobs';
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HOST_NAME, renderJobsPanel, settle } from './jobs-test-kit';

afterEach(cleanup);

const at = (minute: number) => `2025-01-02T10:${String(minute).padStart(2, '0')}:00.000Z`;
const jobs: JobInfo[] = [
  sampleDeleteJob({ id: 'j-1', vmName: 'web01', status: 'succeeded', createdAt: at(1), finishedAt: at(2) }),
  sampleDeleteJob({ id: 'j-2', vmName: 'web02', status: 'failed', createdAt: at(2), finishedAt: at(3) }),
  sampleLifecycleJob({ id: 'j-3', vmName: 'db01', status: 'queued', createdAt: at(3) }),
  sampleDeleteJob({ id: 'j-4', vmName: 'app01', status: 'running', createdAt: at(4) }),
  sampleDeleteJob({ id: 'j-5', vmName: 'app02', status: 'timed_out', createdAt: at(5), finishedAt: at(6) }),
];

const rowIds = () =>
  screen
    .queryAllByTestId(/^job-row-/)
    .map((row) => row.getAttribute('data-testid')?.replace('job-row-', ''))
    .filter(Boolean);

describe('JobsPanel list', () => {
  it('lists jobs newest first with VM, host, type and status', async () => {
    await renderJobsPanel(jobs);
    expect(screen.getByTestId('jobs-panel')).toBeTruthy();
    expect(rowIds()).toEqual(['j-5', 'j-4', 'j-3', 'j-2', 'j-1']);
    const row = within(screen.getByTestId('job-row-j-3'));
    expect(row.getByText('db01')).toBeTruthy();
    expect(row.getByText(HOST_NAME)).toBeTruthy();
    expect(row.getByText('Shut down')).toBeTruthy();
    expect(row.getByTestId('job-status').textContent).toBe('Queued');
  });

  it('filters by status', async () => {
    const { user } = await renderJobsPanel(jobs);
    const filter = screen.getByTestId('job-status-filter');
    await user.selectOptions(filter, 'failed');
    expect(rowIds()).toEqual(['j-2']);
    await user.selectOptions(filter, 'active');
    expect(rowIds()).toEqual(['j-4', 'j-3']);
    await user.selectOptions(filter, 'timed_out');
    expect(rowIds()).toEqual(['j-5']);
    await user.selectOptions(filter, 'cancelled');
    expect(rowIds()).toEqual([]);
    expect(screen.getByText('No jobs match this filter.')).toBeTruthy();
    await user.selectOptions(filter, 'all');
    expect(rowIds()).toHaveLength(5);
  });

  it('moves between rows with the arrow keys and opens one with Enter', async () => {
    const { user, stores } = await renderJobsPanel(jobs);
    await user.tab(); // the filter
    await user.tab(); // the first row (the one row in the tab order)
    expect(document.activeElement).toBe(screen.getByTestId('job-row-j-5'));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(screen.getByTestId('job-row-j-3'));
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(screen.getByTestId('job-row-j-1'));
    await user.keyboard('{ArrowUp}{Enter}');
    await settle();
    expect(stores.ui.getState().openJobId).toBe('j-2');
    expect(screen.getByTestId('job-view').getAttribute('data-job-id')).toBe('j-2');
    expect(screen.getByTestId('job-row-j-2').getAttribute('aria-current')).toBe('true');
  });

  it('opens a job on click', async () => {
    const { user, stores } = await renderJobsPanel(jobs);
    await user.click(within(screen.getByTestId('job-row-j-4')).getByText('app01'));
    expect(stores.ui.getState().openJobId).toBe('j-4');
    expect(screen.getByTestId('job-view')).toBeTruthy();
  });

  it('shows jobs submitted together as one group', async () => {
    const { fake, user } = await renderJobsPanel(jobs);
    act(() => {
      fake.emit('job.created', {
        job: sampleDeleteJob({ id: 'j-6', vmName: 'web03', status: 'queued', createdAt: at(7) }),
      });
      fake.emit('job.created', {
        job: sampleDeleteJob({ id: 'j-7', vmName: 'web04', status: 'queued', createdAt: at(7) }),
      });
    });
    await settle();
    expect(screen.getByTestId('jobs-batch').textContent).toContain('2 jobs submitted together: 2 queued');
    expect(screen.getByTestId('job-row-j-6').getAttribute('data-batch')).toBe('true');
    expect(screen.getByTestId('job-row-j-7').getAttribute('data-batch')).toBe('true');
    expect(screen.getByTestId('job-row-j-5').getAttribute('data-batch')).toBeNull();
    await user.click(screen.getByTestId('jobs-batch-only'));
    expect(rowIds()).toEqual(['j-7', 'j-6']);
    await user.click(screen.getByRole('button', { name: 'Dismiss the group' }));
    expect(screen.queryByTestId('jobs-batch')).toBeNull();
    expect(rowIds()).toHaveLength(7);
  });
});
