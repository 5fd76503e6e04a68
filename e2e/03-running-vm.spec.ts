// A running VM cannot be deleted (C9): Delete is disabled with the reason beside it. Shut down (a lifecycle job,
// C3) turns it Off; then Delete is enabled and the delete goes through.

import { JOB_TIMEOUT_MS } from './pages/vms-page';
import { expectCleanConsole } from './support/console-errors';
import { expect, test } from './support/fixtures';
import { labFileExists } from './support/lab-sandbox';
import { LAB_VMS } from './support/lab-vms';

const VM = LAB_VMS.web01;

test('a running VM: Delete is disabled with its reason; Shut down, then Delete works', async ({
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
  await expect(vms.stateOf(VM.name)).toHaveText('Running');

  const details = await vms.openDetails(VM.name);
  const deleteButton = details.getByTestId('delete-button');
  await test.step('Delete is disabled, and says why', async () => {
    await expect(deleteButton).toBeDisabled();
    const reason = details.getByTestId('delete-disabled-reason');
    await expect(reason).toHaveText(/The VM is Running\. Shut it down or turn it off first/);
    // The reason is the button's description, so a screen reader announces it with the button.
    await expect(deleteButton).toHaveAccessibleDescription(/The VM is Running/);
    await expect(details.getByTestId('lifecycle-start')).toBeDisabled();
    await expect(details.getByTestId('lifecycle-shutdown')).toBeEnabled();
    await saveScreens('vm-details-running');
  });

  await test.step('Shut down turns it Off', async () => {
    await details.getByTestId('lifecycle-shutdown').click();
    const jobId = await app.jobIdOfToast(`Shut down queued for ${VM.name}`);
    await expect(vms.stateOf(VM.name)).toHaveText('Off', { timeout: JOB_TIMEOUT_MS });
    await expect(details.getByTestId('delete-disabled-reason')).toHaveCount(0);
    await expect(deleteButton).toBeEnabled();
    await app.showJobs();
    await expect(jobs.row(jobId).getByTestId('job-status')).toHaveAttribute('data-status', 'succeeded');
    await expect(jobs.row(jobId)).toContainText('Shut down');
    await app.showVms();
  });

  await test.step('then Delete works', async () => {
    const dialog = await vms.openDeleteDialog(VM.name);
    await expect(dialog.getByTestId('plan-files-delete')).toContainText('C:\\VMs\\web01-cidata.iso');
    await expect(dialog.getByTestId('force-checkbox')).toHaveCount(0);
    await vms.confirmDelete(VM.name);
    const jobId = await app.jobIdOfToast(`Deleting ${VM.name}`);
    await vms.waitUntilGone(VM.name);
    await app.showJobs();
    await expect(jobs.row(jobId).getByTestId('job-status')).toHaveAttribute('data-status', 'succeeded');
    expect(labFileExists(VM.folder)).toBe(false);
  });

  expectCleanConsole(pageErrors);
});
