// A queued job is cancelled (C5): the lab host runs one mutating job at a time, so a second delete waits behind
// the first. Cancelling it ends it `cancelled` at once, without touching its VM; the first job goes on and
// succeeds.
import { expectCleanConsole } from './support/console-errors';
import { expect, test } from './support/fixtures';
import { control } from './support/harness-env';
import { labFileExists } from './support/lab-sandbox';
import { LAB_VMS } from './support/lab-vms';

const FIRST = LAB_VMS.legacy01;
const QUEUED = LAB_VMS.db01;
/** Remove-VM of the first VM hangs this long: it is surely still running while the second is queued and cancelled. */
const HANG_SECONDS = 8;

test.afterEach(async () => {
  await control('lab.faults.clear', { commandName: 'Remove-VM' });
});

test('a delete queued behind another is cancelled and its VM is untouched', async ({
  page,
  app,
  vms,
  jobs,
  pageErrors,
}) => {
  // Several jobs on the real agent: a loaded machine makes each take tens of seconds (the run's total is the budget).
  test.slow();
  await app.open();
  await app.ensureLabHost();
  await control('lab.faults.inject', {
    commandName: 'Remove-VM',
    target: FIRST.name,
    kind: 'hang',
    seconds: HANG_SECONDS,
    count: 1,
  });

  await vms.openDeleteDialog(FIRST.name);
  await vms.confirmDelete(FIRST.name);
  const firstJobId = await app.jobIdOfToast(`Deleting ${FIRST.name}`);

  await vms.openDeleteDialog(QUEUED.name);
  await vms.confirmDelete(QUEUED.name);
  const queuedJobId = await app.jobIdOfToast(`Deleting ${QUEUED.name}`);
  await expect(vms.stateOf(QUEUED.name)).toHaveText('Deleting');

  await test.step('the second job waits behind the first', async () => {
    await app.showJobs();
    await expect(jobs.row(firstJobId).getByTestId('job-status')).toHaveAttribute('data-status', 'running');
    await expect(jobs.row(queuedJobId).getByTestId('job-status')).toHaveAttribute('data-status', 'queued');
  });

  await test.step('cancelling it ends it at once', async () => {
    const view = await jobs.open(queuedJobId);
    await expect(jobs.status(queuedJobId)).toHaveAttribute('data-status', 'queued');
    await view.getByTestId('job-cancel').click();
    await expect(jobs.status(queuedJobId)).toHaveAttribute('data-status', 'cancelled');
    await expect(view.getByTestId('job-cancel')).toBeDisabled();
    // It never ran: no step started, no output.
    await expect(view.locator('[data-testid^="job-step-"][data-status="started"]')).toHaveCount(0);
    expect(await jobs.outputCount(queuedJobId)).toBe(0);
    // The first job is still the one running.
    await expect(jobs.row(firstJobId).getByTestId('job-status')).toHaveAttribute('data-status', 'running');
  });

  await test.step('the first job goes on and succeeds; the cancelled VM is untouched', async () => {
    await jobs.open(firstJobId);
    await jobs.waitForStatus(firstJobId, 'succeeded');
    await app.showVms();
    await vms.waitUntilGone(FIRST.name);
    await expect(vms.stateOf(QUEUED.name)).toHaveText('Off');
    await expect(vms.row(QUEUED.name).getByTestId('vm-delete-failed')).toHaveCount(0);
    const details = await vms.openDetails(QUEUED.name);
    await expect(details.getByTestId('delete-button')).toBeEnabled();
    for (const disk of QUEUED.disks) expect(labFileExists(disk), disk).toBe(true);
  });

  await expect(page.getByTestId('nav-running-count')).toHaveCount(0);
  expectCleanConsole(pageErrors);
});
