// @vitest-environment happy-dom
import type { ChannelArgs } from '@shared/contract/api';
import { AppException, appError } from '@shared/contract/errors';
import { SAMPLE_HOST_ID, sampleDeleteJob, samplePlan } from '@shared/contract/fixtures';
import type { VmInfo } from '@shared/contract/inventory';
import { fail, ok } from '@shared/contract/result';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FakeHandlers } from '../../test-support/fake-api';
import { renderVmsView, testVm } from './vms-test-support';

afterEach(cleanup);

const PLAN = samplePlan({
  clusterRole: { name: 'SCVMM web01 Resources', state: 'Offline' },
  filesToDelete: [
    { path: 'C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx', kind: 'disk', sizeBytes: 4_194_304 },
    { path: 'C:\\VMs\\web01\\Snapshots\\web01_1.avhdx', kind: 'checkpoint_disk', sizeBytes: 1_073_741_824 },
  ],
  filesToKeep: [
    { path: 'C:\\ISO\\WS2022.iso', kind: 'iso', reason: 'outside_vm_folders', detail: 'a library ISO' },
    { path: 'C:\\Templates\\ws2022.vhdx', kind: 'disk', reason: 'parent', detail: null },
    { path: 'C:\\Shared\\data.vhdx', kind: 'disk', reason: 'shared', detail: 'used by web02' },
  ],
  foldersToPrune: ['C:\\VMs\\web01\\Virtual Hard Disks', 'C:\\VMs\\web01'],
});

function handlers(more: FakeHandlers = {}): FakeHandlers {
  return {
    'jobs.planDelete': () => ({
      plan: PLAN,
      warnings: [{ message: 'A stray file stays', path: 'C:\\VMs\\web01\\notes.txt' }],
    }),
    'jobs.submitDelete': (args: ChannelArgs<'jobs.submitDelete'>) => ({
      items: args.targets.map((target) => ({
        hostId: target.hostId,
        vmId: target.vmId,
        outcome: ok(sampleDeleteJob({ id: 'j-42', vmId: target.vmId, status: 'queued' })),
      })),
    }),
    ...more,
  };
}

async function openDialog(vm: VmInfo, more: FakeHandlers = {}) {
  const rendered = await renderVmsView([vm], handlers(more));
  await rendered.user.click(screen.getByTestId(`vm-row-${vm.id}`));
  await rendered.user.click(screen.getByTestId('delete-button'));
  const dialog = await screen.findByTestId('delete-dialog');
  return { ...rendered, dialog };
}

function submit(): HTMLButtonElement {
  return screen.getByTestId('delete-submit') as HTMLButtonElement;
}

describe('delete dialog', () => {
  it('is a titled, described dialog that runs the plan-only delete and lists what is deleted and kept, and why', async () => {
    const vm = testVm(1, { name: 'web01' });
    const { fake, dialog } = await openDialog(vm);
    expect(screen.getByRole('dialog', { name: 'Delete VM web01' })).toBe(dialog);
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    const plan = await screen.findByTestId('delete-plan');
    expect(fake.calls.find((call) => call.channel === 'jobs.planDelete')?.args).toEqual({
      hostId: SAMPLE_HOST_ID,
      vmId: vm.id,
      vmName: 'web01',
    });
    expect(within(plan).getByTestId('plan-cluster-role').textContent).toContain('SCVMM web01 Resources');
    const deleted = within(plan).getByTestId('plan-files-delete').textContent ?? '';
    expect(deleted).toContain('web01.vhdx');
    expect(deleted).toContain('4.0 MB');
    expect(deleted).toContain('web01_1.avhdx');
    expect(deleted).toContain('1.0 GB');
    const kept = within(plan).getByTestId('plan-files-keep').textContent ?? '';
    expect(kept).toContain('C:\\ISO\\WS2022.iso');
    expect(kept).toContain("outside this VM's folders (a library ISO)");
    expect(kept).toContain('a template or base image');
    expect(kept).toContain('another VM uses it (used by web02)');
    expect(within(plan).getByTestId('plan-folders-prune').textContent).toContain('C:\\VMs\\web01');
    expect(within(plan).getByTestId('plan-warnings').textContent).toContain('A stray file stays');
  });

  it('enables the final button only once the exact VM name is typed', async () => {
    const { user } = await openDialog(testVm(1, { name: 'Web01' }));
    await screen.findByTestId('delete-plan');
    const input = screen.getByTestId('delete-confirm-input');
    expect(submit().disabled).toBe(true);
    await user.type(input, 'web01');
    expect(submit().disabled).toBe(true);
    await user.clear(input);
    await user.type(input, 'Web01 ');
    expect(submit().disabled).toBe(true);
    await user.clear(input);
    await user.type(input, 'Web01');
    expect(submit().disabled).toBe(false);
  });

  it('keeps the final button disabled while the plan is computed, and when the plan fails', async () => {
    let answer: (value: { plan: typeof PLAN; warnings: [] }) => void = () => {};
    const { user } = await openDialog(testVm(1), {
      'jobs.planDelete': () => new Promise((resolve) => (answer = resolve)),
    });
    expect(screen.getByTestId('delete-plan-loading')).toBeTruthy();
    await user.type(screen.getByTestId('delete-confirm-input'), 'vm1');
    expect(submit().disabled).toBe(true);
    answer({ plan: PLAN, warnings: [] });
    await screen.findByTestId('delete-plan');
    expect(submit().disabled).toBe(false);
    cleanup();

    await openDialog(testVm(2), {
      'jobs.planDelete': () => {
        throw new AppException(appError('host_unreachable', 'WinRM timed out', { hostId: SAMPLE_HOST_ID }));
      },
    });
    const error = await screen.findByTestId('delete-plan-error');
    expect(error.textContent).toContain('The host cannot be reached');
    expect(error.textContent).toContain('Lab host');
    expect(submit().disabled).toBe(true);
  });

  it('offers no force checkbox for an Off VM', async () => {
    await openDialog(testVm(1, { state: 'Off' }));
    await screen.findByTestId('delete-plan');
    expect(screen.queryByTestId('force-checkbox')).toBeNull();
  });

  it.each(['Paused', 'Saved'])('offers force for a %s VM, explains it, and requires it', async (state) => {
    const { fake, user } = await openDialog(testVm(1, { state }));
    await screen.findByTestId('delete-plan');
    const force = screen.getByTestId('force-checkbox');
    expect(screen.getByLabelText('Force: turn the VM off first')).toBe(force);
    expect(force.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/Force turns it off/).textContent).toContain(state);
    await user.type(screen.getByTestId('delete-confirm-input'), 'vm1');
    expect(submit().disabled).toBe(true);
    await user.click(force);
    expect(submit().disabled).toBe(false);
    await user.click(submit());
    await waitFor(() => expect(fake.calls.some((call) => call.channel === 'jobs.submitDelete')).toBe(true));
    const args = fake.calls.find((call) => call.channel === 'jobs.submitDelete')
      ?.args as ChannelArgs<'jobs.submitDelete'>;
    expect(args.targets[0]?.force).toBe(true);
  });

  it('submits the target, shows the VM as Deleting, closes, and toasts the job id', async () => {
    const vm = testVm(1, { name: 'web01' });
    const { fake, stores, user } = await openDialog(vm);
    await screen.findByTestId('delete-plan');
    await user.type(screen.getByTestId('delete-confirm-input'), 'web01');
    await user.click(submit());
    await waitFor(() => expect(screen.queryByTestId('delete-dialog')).toBeNull());
    expect(fake.calls.find((call) => call.channel === 'jobs.submitDelete')?.args).toEqual({
      targets: [{ hostId: SAMPLE_HOST_ID, vmId: vm.id, vmName: 'web01', force: false }],
    });
    const row = screen.getByTestId(`vm-row-${vm.id}`);
    expect(within(row).getByTestId('vm-state').textContent).toBe('Deleting');
    expect(stores.ui.getState().toasts).toEqual([
      expect.objectContaining({ kind: 'info', jobId: 'j-42', title: 'Deleting web01' }),
    ]);
    expect(stores.ui.getState().toasts[0]?.body).toContain('j-42');
  });

  it('shows a refusal in the dialog and keeps it open', async () => {
    const { user } = await openDialog(testVm(1), {
      'jobs.submitDelete': (args) => ({
        items: [
          {
            hostId: SAMPLE_HOST_ID,
            vmId: args.targets[0]?.vmId ?? '',
            outcome: fail(appError('vm_running', 'VM vm1 is Running. Turn it off first.')),
          },
        ],
      }),
    });
    await screen.findByTestId('delete-plan');
    await user.type(screen.getByTestId('delete-confirm-input'), 'vm1');
    await user.click(submit());
    const notice = await screen.findByTestId('error-notice');
    expect(notice.textContent).toContain('The VM is not stopped');
    expect(screen.getByTestId('delete-dialog')).toBeTruthy();
  });

  it('follows the live state: a VM that starts while the dialog is open cannot be submitted', async () => {
    const vm = testVm(1);
    const { fake, user } = await openDialog(vm);
    await screen.findByTestId('delete-plan');
    await user.type(screen.getByTestId('delete-confirm-input'), 'vm1');
    expect(submit().disabled).toBe(false);
    fake.emit('inventory.changed', {
      hostId: SAMPLE_HOST_ID,
      collectedAt: null,
      stale: false,
      refreshing: false,
      error: null,
      host: null,
      change: { kind: 'patch', upserted: [{ ...vm, state: 'Running' }], removed: [] },
    });
    await waitFor(() => expect(submit().disabled).toBe(true));
    expect(screen.getByTestId('delete-blocker').textContent).toContain('Running');
  });
});
