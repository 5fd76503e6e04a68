// @vitest-environment happy-dom
import type { ChannelArgs } from '@shared/contract/api';
import { appError } from '@shared/contract/errors';
import { SAMPLE_HOST_ID, sampleDeleteJob, samplePlan } from '@shared/contract/fixtures';
import { fail, ok } from '@shared/contract/result';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeHandlers } from '../../test-support/fake-api';
import { renderVmsView, testVm, vmIdOf } from './vms-test-support';

afterEach(cleanup);

const VMS = [
  testVm(1, { name: 'off1' }),
  testVm(2, { name: 'paused2', state: 'Paused' }),
  testVm(3, { name: 'running3', state: 'Running' }),
  testVm(4, { name: 'off4' }),
];

function submitHandler(refuse: ReadonlySet<string> = new Set()): NonNullable<FakeHandlers['jobs.submitDelete']> {
  return (args: ChannelArgs<'jobs.submitDelete'>) => ({
    items: args.targets.map((target, index) => ({
      hostId: target.hostId,
      vmId: target.vmId,
      outcome: refuse.has(target.vmName)
        ? fail(appError('job_active_for_vm', `VM ${target.vmName} already has an active job (j-1).`))
        : ok(sampleDeleteJob({ id: `j-${50 + index}`, vmId: target.vmId, vmName: target.vmName, status: 'queued' })),
    })),
  });
}

async function openBulk(more: FakeHandlers = {}) {
  const rendered = await renderVmsView(VMS, {
    'jobs.planDelete': (args) => ({
      plan: samplePlan({ vm: { ...samplePlan().vm, id: args.vmId, name: args.vmName } }),
      warnings: [],
    }),
    'jobs.submitDelete': submitHandler(),
    ...more,
  });
  // Select all four: click the first, shift-click the last.
  fireEvent.click(within(screen.getByTestId(`vm-row-${vmIdOf(1)}`)).getByRole('checkbox'));
  fireEvent.click(within(screen.getByTestId(`vm-row-${vmIdOf(3)}`)).getByRole('checkbox'), { shiftKey: true });
  await rendered.user.click(screen.getByTestId('delete-selected'));
  const dialog = await screen.findByTestId('delete-dialog');
  await waitFor(() => expect(within(dialog).getAllByTestId('bulk-plan-summary')).toHaveLength(3));
  return { ...rendered, dialog };
}

function submit(): HTMLButtonElement {
  return screen.getByTestId('delete-submit') as HTMLButtonElement;
}

describe('multi-select delete', () => {
  it('lists each VM with its plan summary and the ones that cannot be deleted now, with why', async () => {
    const { dialog, fake } = await openBulk();
    expect(screen.getByRole('dialog', { name: 'Delete 4 VMs' })).toBe(dialog);
    const items = within(dialog)
      .getAllByTestId('bulk-delete-item')
      .map((item) => item.dataset.vmName);
    expect(items).toEqual(['off1', 'off4', 'paused2']);
    expect(within(dialog).getAllByTestId('bulk-plan-summary')[0]?.textContent).toContain('1 file (4.0 MB) deleted');
    const blocked = within(dialog).getByTestId('bulk-delete-blocked').textContent ?? '';
    expect(blocked).toContain('running3');
    expect(blocked).toContain('Shut it down or turn it off first');
    const planned = fake.calls.filter((call) => call.channel === 'jobs.planDelete').map((call) => call.args);
    expect(planned).toHaveLength(3);
  });

  it('asks to type "delete N" with N the VMs that will be deleted; force adds the Paused one', async () => {
    const { user } = await openBulk();
    const input = screen.getByTestId('delete-confirm-input');
    expect(screen.getByText('delete 2')).toBeTruthy();
    await user.type(input, 'delete 2');
    expect(submit().disabled).toBe(false);
    await user.click(screen.getByTestId('force-checkbox'));
    expect(submit().disabled).toBe(true);
    expect(screen.getByText('delete 3')).toBeTruthy();
    await user.clear(input);
    await user.type(input, 'delete 3');
    expect(submit().disabled).toBe(false);
  });

  it('queues one job per VM in one call, force only where needed, and opens the jobs view', async () => {
    const { fake, stores, user } = await openBulk();
    await user.click(screen.getByTestId('force-checkbox'));
    await user.type(screen.getByTestId('delete-confirm-input'), 'delete 3');
    await user.click(submit());
    await waitFor(() => expect(screen.queryByTestId('delete-dialog')).toBeNull());
    const submits = fake.calls.filter((call) => call.channel === 'jobs.submitDelete');
    expect(submits).toHaveLength(1);
    const args = submits[0]?.args as ChannelArgs<'jobs.submitDelete'>;
    expect(args.targets).toEqual([
      { hostId: SAMPLE_HOST_ID, vmId: vmIdOf(1), vmName: 'off1', force: false },
      { hostId: SAMPLE_HOST_ID, vmId: vmIdOf(4), vmName: 'off4', force: false },
      { hostId: SAMPLE_HOST_ID, vmId: vmIdOf(2), vmName: 'paused2', force: true },
    ]);
    expect(stores.ui.getState().view).toBe('jobs');
    expect(stores.ui.getState().toasts[0]).toMatchObject({ jobId: 'j-50', title: 'Queued 3 delete jobs' });
    for (const index of [1, 2, 4]) {
      const row = screen.getByTestId(`vm-row-${vmIdOf(index)}`);
      expect(within(row).getByTestId('vm-state').textContent).toBe('Deleting');
    }
    expect(within(screen.getByTestId(`vm-row-${vmIdOf(3)}`)).getByTestId('vm-state').textContent).toBe('Running');
  });

  it('shows the per-VM refusals and lets the admin open the jobs that were queued', async () => {
    const { stores, user } = await openBulk({ 'jobs.submitDelete': submitHandler(new Set(['off4'])) });
    await user.type(screen.getByTestId('delete-confirm-input'), 'delete 2');
    await user.click(submit());
    const outcome = await screen.findByTestId('bulk-delete-outcome');
    expect(outcome.textContent).toContain('Queued 1 job');
    const refused = within(outcome).getAllByTestId('bulk-delete-refused');
    expect(refused).toHaveLength(1);
    expect(refused[0]?.textContent).toContain('off4');
    expect(refused[0]?.textContent).toContain('Another job is working on this VM');
    expect(within(screen.getByTestId(`vm-row-${vmIdOf(1)}`)).getByTestId('vm-state').textContent).toBe('Deleting');
    expect(within(screen.getByTestId(`vm-row-${vmIdOf(4)}`)).getByTestId('vm-state').textContent).toBe('Off');
    await user.click(screen.getByRole('button', { name: 'Show the queued jobs' }));
    expect(stores.ui.getState().openJobId).toBe('j-50');
    expect(screen.queryByTestId('delete-dialog')).toBeNull();
  });
});
