// A fault on the host (C8): Remove-VM fails in the lab, so the delete job fails with the host's message; the
// VM stays in the table in its real state, marked "delete failed". Once the fault is cleared, Retry (a new job
// linked to the failed one) deletes it, and the parent disk another VM shares stays on disk.
import { expectCleanConsole } from './support/console-errors';
import { expect, test } from './support/fixtures';
import { control } from './support/harness-env';
import { labFileExists } from './support/lab-sandbox';
import { LAB_VMS } from './support/lab-vms';

const VM = LAB_VMS.vdi01;
const HOST_MESSAGE = 'the configuration is held by a backup in progress (e2e fault)';

test.afterEach(async () => {
  await control('lab.faults.clear', { commandName: 'Remove-VM' });
});

test('a lab fault fails the delete with the host message; Retry succeeds once it is cleared', async ({
  page,
  app,
  vms,
  jobs,
  pageErrors,
  saveScreens,
}) => {
  // Several jobs on the real agent: a loaded machine makes each take tens of seconds (the run's total is the budget).
  test.slow();
  await app.open();
  await app.ensureLabHost();
  await control('lab.faults.inject', {
    commandName: 'Remove-VM',
    target: VM.name,
    kind: 'fail',
    message: HOST_MESSAGE,
  });

  await vms.openDeleteDialog(VM.name);
  await vms.confirmDelete(VM.name);
  const failedJobId = await app.jobIdOfToast(`Deleting ${VM.name}`);

  await test.step('the job fails with the host message', async () => {
    await app.toast(`Deleting ${VM.name}`).getByTestId('toast-open-job').click();
    await jobs.waitForStatus(failedJobId, 'failed');
    const view = jobs.view(failedJobId);
    await expect(view.getByTestId('error-notice')).toContainText(HOST_MESSAGE);
    await expect(view.getByTestId('job-step-unregister')).toHaveAttribute('data-status', 'failed');
    await expect(view.getByTestId('job-retry')).toBeEnabled();
    await expect(view.getByTestId('job-cancel')).toBeDisabled();
    await saveScreens('job-view-failed');
  });

  await test.step('the VM shows its real state and "delete failed"', async () => {
    await app.showVms();
    await expect(vms.stateOf(VM.name)).toHaveText('Off');
    await expect(vms.row(VM.name).getByTestId('vm-delete-failed')).toHaveText('delete failed');
    const details = await vms.openDetails(VM.name);
    const notice = details.getByTestId('vm-delete-failed-notice');
    await expect(notice).toContainText(failedJobId);
    await expect(notice).toContainText(HOST_MESSAGE);
    await saveScreens('vm-details-delete-failed');
  });

  await test.step('Retry succeeds after the fault is cleared', async () => {
    await control('lab.faults.clear', { commandName: 'Remove-VM' });
    await vms.details.getByTestId('delete-retry').click();
    // Retry opens the new job, which names the one it retries.
    const retryView = page.getByTestId('job-view');
    await expect(retryView.getByTestId('job-retry-of')).toHaveText(failedJobId);
    const retryJobId = (await retryView.getAttribute('data-job-id')) ?? '';
    expect(retryJobId).not.toBe(failedJobId);
    await jobs.waitForStatus(retryJobId, 'succeeded');
    await expect(jobs.row(failedJobId).getByTestId('job-status')).toHaveAttribute('data-status', 'failed');
    await app.showVms();
    await vms.waitUntilGone(VM.name);
    expect(labFileExists(VM.folder)).toBe(false);
    expect(labFileExists(VM.keeps)).toBe(true);
  });

  expectCleanConsole(pageErrors);
});
