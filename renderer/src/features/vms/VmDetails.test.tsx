// @vitest-environment happy-dom

import { AppException, appError } from '@shared/contract/errors';
import { SAMPLE_HOST_ID, sampleDeleteJob, sampleLifecycleJob } from '@shared/contract/fixtures';
import type { VmInfo } from '@shared/contract/inventory';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeHandlers } from '../../test-support/fake-api';
import { renderVmsView, testVm } from './vms-test-support';

afterEach(cleanup);

async function showDetails(vm: VmInfo, handlers: FakeHandlers = {}) {
  const rendered = await renderVmsView([vm], handlers);
  await rendered.user.click(screen.getByTestId(`vm-row-${vm.id}`));
  return rendered;
}

function enabled(testId: string): boolean {
  return !(screen.getByTestId(testId) as HTMLButtonElement).disabled;
}

function lifecycleState() {
  return {
    start: enabled('lifecycle-start'),
    shutdown: enabled('lifecycle-shutdown'),
    turnoff: enabled('lifecycle-turnoff'),
    save: enabled('lifecycle-save'),
  };
}

describe('VM details: buttons by state', () => {
  it('shows the facts, disks with their chain, DVD drives, checkpoints and cluster role', async () => {
    await showDetails(testVm(1, { isClustered: true, clusterName: 'CL01-web' }));
    const details = screen.getByTestId('vm-details');
    expect(details.textContent).toContain('C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx');
    expect(details.textContent).toContain('parent: C:\\Templates\\ws2022.vhdx');
    expect(details.textContent).toContain('4.0 MB on disk');
    expect(details.textContent).toContain('C:\\ISO\\WS2022.iso');
    expect(details.textContent).toContain('before patch');
    expect(details.textContent).toContain('CL01-web');
  });

  it('Running: Delete disabled with the reason beside it; Shut down, Turn off, Save enabled', async () => {
    await showDetails(testVm(1, { state: 'Running' }));
    expect(enabled('delete-button')).toBe(false);
    const reason = screen.getByTestId('delete-disabled-reason');
    expect(reason.textContent).toContain('Running');
    expect(reason.textContent).toContain('Shut it down or turn it off first');
    expect(screen.getByTestId('delete-button').getAttribute('aria-describedby')).toBe(reason.id);
    expect(lifecycleState()).toEqual({ start: false, shutdown: true, turnoff: true, save: true });
  });

  it('RunningCritical acts as Running', async () => {
    await showDetails(testVm(1, { state: 'RunningCritical' }));
    expect(enabled('delete-button')).toBe(false);
    expect(lifecycleState()).toEqual({ start: false, shutdown: true, turnoff: true, save: true });
  });

  it('Off: Delete enabled without a reason; only Start enabled', async () => {
    await showDetails(testVm(1, { state: 'Off' }));
    expect(enabled('delete-button')).toBe(true);
    expect(screen.queryByTestId('delete-disabled-reason')).toBeNull();
    expect(lifecycleState()).toEqual({ start: true, shutdown: false, turnoff: false, save: false });
  });

  it('Paused and Saved: Delete enabled (force in the dialog); Start and Turn off enabled', async () => {
    await showDetails(testVm(1, { state: 'Paused' }));
    expect(enabled('delete-button')).toBe(true);
    expect(lifecycleState()).toEqual({ start: true, shutdown: false, turnoff: true, save: true });
    cleanup();
    await showDetails(testVm(2, { state: 'Saved' }));
    expect(enabled('delete-button')).toBe(true);
    expect(lifecycleState()).toEqual({ start: true, shutdown: false, turnoff: true, save: false });
  });

  it('Starting: Delete disabled, wait until it is Off', async () => {
    await showDetails(testVm(1, { state: 'Starting' }));
    expect(enabled('delete-button')).toBe(false);
    expect(screen.getByTestId('delete-disabled-reason').textContent).toContain('Wait until it is Off');
  });

  it('Deleting: every action disabled', async () => {
    await showDetails(testVm(1, { state: 'Deleting', activeJobId: 'j-5' }));
    expect(enabled('delete-button')).toBe(false);
    expect(screen.getByTestId('delete-disabled-reason').textContent).toContain('being deleted');
    expect(lifecycleState()).toEqual({ start: false, shutdown: false, turnoff: false, save: false });
  });

  it('a lifecycle job in flight disables the actions and names the job', async () => {
    await showDetails(testVm(1, { state: 'Running', activeJobId: 'j-8' }));
    expect(screen.getByTestId('delete-disabled-reason').textContent).toContain('j-8');
    expect(lifecycleState()).toEqual({ start: false, shutdown: false, turnoff: false, save: false });
  });
});

describe('VM details: actions', () => {
  it('Shut down queues a lifecycle job and toasts its id', async () => {
    const vm = testVm(1, { state: 'Running' });
    const { fake, stores, user } = await showDetails(vm, {
      'jobs.submitLifecycle': () => sampleLifecycleJob({ id: 'j-30', vmId: vm.id }),
    });
    await user.click(screen.getByTestId('lifecycle-shutdown'));
    await waitFor(() => expect(stores.ui.getState().toasts).toHaveLength(1));
    expect(fake.calls.find((call) => call.channel === 'jobs.submitLifecycle')?.args).toEqual({
      hostId: SAMPLE_HOST_ID,
      vmId: vm.id,
      vmName: 'vm1',
      action: 'shutdown',
    });
    expect(stores.ui.getState().toasts[0]).toMatchObject({ jobId: 'j-30', title: 'Shut down queued for vm1' });
  });

  it('shows a refused lifecycle action as an error an admin can act on', async () => {
    const { user } = await showDetails(testVm(1, { state: 'Running' }), {
      'jobs.submitLifecycle': () => {
        throw new AppException(appError('job_active_for_vm', 'VM vm1 already has an active job (j-1).'));
      },
    });
    await user.click(screen.getByTestId('lifecycle-turnoff'));
    const notice = await screen.findByTestId('error-notice');
    expect(notice.textContent).toContain('Another job is working on this VM');
    expect(notice.textContent).toContain('j-1');
  });

  it('a failed delete shows its message and Retry re-queues the job and opens it', async () => {
    const vm = testVm(1, { deleteFailed: { jobId: 'j-7', message: 'The file is in use' } });
    const { fake, stores, user } = await showDetails(vm, {
      'jobs.retry': () => sampleDeleteJob({ id: 'j-31', retryOf: 'j-7' }),
    });
    expect(screen.getByTestId('vm-delete-failed-notice').textContent).toContain('The file is in use');
    await user.click(screen.getByTestId('delete-retry'));
    await waitFor(() => expect(stores.ui.getState().openJobId).toBe('j-31'));
    expect(fake.calls.find((call) => call.channel === 'jobs.retry')?.args).toEqual({ jobId: 'j-7' });
  });
});
