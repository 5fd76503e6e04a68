// First run (C11): with no host configured the app offers the lab host and explains it; choosing it adds the
// lab to the sidebar and its inventory fills the VM table. Runs first (file order): the harness starts on a
// fresh data folder, and every later spec finds the lab host this one added.
import { FIRST_INVENTORY_TIMEOUT_MS } from './pages/app-page';
import { expectCleanConsole } from './support/console-errors';
import { expect, test } from './support/fixtures';

test('a first run offers the lab host, and choosing it shows its inventory', async ({
  page,
  app,
  vms,
  pageErrors,
  saveScreens,
}) => {
  await app.open();
  const firstRun = page.getByTestId('first-run');
  await expect(firstRun).toBeVisible();
  await expect(firstRun.getByRole('heading', { level: 1 })).toHaveText('No host is configured yet');
  await expect(firstRun).toContainText('A simulated Hyper-V host');
  await expect(page.getByTestId('hosts-sidebar')).toContainText('No hosts yet');
  await expect(page.getByTestId('first-run-add-host')).toBeEnabled();
  await saveScreens('first-run');

  await page.getByTestId('first-run-lab').click();

  const labItem = app.hostItem('lab');
  await expect(labItem).toBeVisible();
  await expect(labItem).toContainText('Lab host');
  await expect(firstRun).toBeHidden();
  // The inventory arrives once the sandbox is seeded and the agent has read it.
  await expect(vms.row('db01')).toBeVisible({ timeout: FIRST_INVENTORY_TIMEOUT_MS });
  for (const name of ['web01', 'api01', 'vdi01', 'legacy01', 'dev01', 'sql01']) {
    await expect(vms.row(name)).toBeVisible();
  }
  await expect(vms.stateOf('web01')).toHaveText('Running');
  await expect(vms.stateOf('db01')).toHaveText('Off');
  await expect(vms.stateOf('build01')).toHaveText('Saved');
  await expect(page.getByTestId('vm-count')).toHaveText(/^\d+ VMs$/);
  // The lab host stays configured across a reload: the first-run offer does not come back.
  await page.reload();
  await expect(app.hostItem('lab')).toBeVisible();
  await expect(vms.row('db01')).toBeVisible();
  await expect(page.getByTestId('first-run')).toHaveCount(0);
  expectCleanConsole(pageErrors);
});
