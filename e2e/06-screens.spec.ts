// Screenshots of the main views, light and dark (the app follows prefers-color-scheme), kept as artefacts in
// test-results/e2e-screens/. The first-run screen is taken by 01 (only a first run shows it); the delete flow
// adds its own (plan, running and finished job, jobs list). This spec only looks: it deletes nothing.
import type { HvApi } from '../shared/preload-api';
import { expectCleanConsole } from './support/console-errors';
import { expect, test } from './support/fixtures';
import { LAB_VMS } from './support/lab-vms';

const VM = LAB_VMS.dev01;

test('the main views, light and dark', async ({ page, app, vms, jobs, pageErrors, saveScreens }) => {
  await app.open();
  await app.ensureLabHost();

  await test.step('the VM table of the lab host', async () => {
    await app
      .hostItem('lab')
      .getByRole('button', { name: /Lab host/ })
      .first()
      .click();
    await expect(vms.row(VM.name)).toBeVisible();
    await saveScreens('vm-table');
  });

  await test.step('the details of a VM with checkpoints', async () => {
    const details = await vms.openDetails(VM.name);
    await expect(details.getByRole('heading', { name: /^Checkpoints \([1-9]/ })).toBeVisible();
    await saveScreens('vm-details');
  });

  await test.step('the delete dialog with its plan', async () => {
    const dialog = await vms.openDeleteDialog(VM.name);
    await expect(dialog.getByRole('region', { name: 'Checkpoints' })).toBeVisible();
    await dialog.getByTestId('delete-confirm-input').fill(VM.name);
    await saveScreens('delete-dialog-checkpoints');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect(vms.stateOf(VM.name)).toHaveText('Off');
  });

  await test.step('the add-host dialog', async () => {
    await page.getByTestId('add-host-button').click();
    const dialog = page.getByTestId('host-dialog');
    await expect(dialog.getByRole('heading', { name: 'Add a host' })).toBeVisible();
    await dialog.getByLabel('Name', { exact: true }).fill('HV02');
    await dialog.getByLabel('Address', { exact: true }).fill('hv02.contoso.local');
    await saveScreens('add-host-dialog');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('the jobs list and a job with its output', async () => {
    const jobId = await latestSucceededJobId(page);
    await app.showJobs();
    await expect(jobs.row(jobId)).toBeVisible();
    await saveScreens('jobs-panel');
    await jobs.open(jobId);
    await expect(jobs.outputLines(jobId).first()).toBeVisible();
    await saveScreens('job-view');
  });

  expectCleanConsole(pageErrors);
});

/** The newest job that ran to success (it has output); run on its own (no earlier spec made one), a Save of a
 *  paused VM makes one. */
async function latestSucceededJobId(page: import('@playwright/test').Page): Promise<string> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { hvapi: HvApi }).hvapi;
    const listed = await api.jobs.list({ status: ['succeeded'] });
    const newest = listed.ok ? listed.value.jobs[0] : undefined;
    if (newest) return newest.id;
    const inventory = await api.inventory.list({});
    const paused = inventory.ok
      ? inventory.value.snapshots.flatMap((host) => host.vms).find((vm) => vm.state === 'Paused')
      : undefined;
    if (!paused) throw new Error('no job in history and no paused VM to make one');
    const saved = await api.jobs.submitLifecycle({
      hostId: paused.hostId,
      vmId: paused.id,
      vmName: paused.name,
      action: 'save',
    });
    if (!saved.ok) throw new Error(saved.error.message);
    return saved.value.id;
  });
}
