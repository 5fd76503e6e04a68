// Deleting an Off VM end to end (C9, C10): the dialog shows the plan (files with sizes, kept files and why,
// folders), the final button waits for the exact name, the toast carries the job id, output streams while the
// job runs, the checklist completes, the VM leaves the table, the job stays in history, and both exports hold
// the log. On disk: the VM's files are gone, the template its disk was based on is kept.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expectCleanConsole } from './support/console-errors';
import { expect, test } from './support/fixtures';
import { control, harnessInfo } from './support/harness-env';
import { labFileExists } from './support/lab-sandbox';
import { LAB_VMS } from './support/lab-vms';

const VM = LAB_VMS.api01;
/** Remove-VM hangs this long once: the job is then surely still running while the test watches its output. */
const HANG_SECONDS = 4;

/** Clicks an export button and keeps the download in the harness's exports folder; returns the file's text. */
async function exportVia(page: Page, button: string): Promise<{ fileName: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await page.getByTestId(button).click();
  const download = await downloading;
  const fileName = download.suggestedFilename();
  const path = join(harnessInfo().exportsDir, fileName);
  await download.saveAs(path);
  return { fileName, text: await readFile(path, 'utf8') };
}

test.afterEach(async () => {
  await control('lab.faults.clear', { commandName: 'Remove-VM' });
});

test('deleting an Off VM: plan, typed confirmation, live job, history and export', async ({
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
  expect(labFileExists(VM.keeps)).toBe(true);
  expect(labFileExists(VM.folder)).toBe(true);

  const dialog = await vms.openDeleteDialog(VM.name);
  await test.step('the dialog lists the plan', async () => {
    const toDelete = dialog.getByTestId('plan-files-delete').locator('li');
    await expect(toDelete.filter({ hasText: 'C:\\VMs\\api01\\Virtual Hard Disks\\api01.vhdx' })).toContainText(
      /disk · 6(\.0)? GB/,
    );
    await expect(toDelete.filter({ hasText: '.vmcx' })).toContainText(/configuration · \d+ B/);
    await expect(dialog.getByTestId('plan-files-keep').locator('li')).toHaveText([
      /C:\\Templates\\ws2022-template\.vhdx.*kept: a parent of this VM's disks/,
    ]);
    await expect(dialog.getByTestId('plan-folders-prune')).toContainText('C:\\VMs\\api01\\Virtual Hard Disks');
    await expect(dialog.getByTestId('plan-cluster-role')).toHaveText('The VM is not a cluster role.');
    await saveScreens('delete-dialog-plan');
  });

  await test.step('the final button waits for the exact name', async () => {
    const input = dialog.getByTestId('delete-confirm-input');
    const submit = dialog.getByTestId('delete-submit');
    await expect(submit).toBeDisabled();
    for (const wrong of ['api0', 'API01', 'api01 ', ' api01']) {
      await input.fill(wrong);
      await expect(submit).toBeDisabled();
    }
    await input.fill(VM.name);
    await expect(submit).toBeEnabled();
  });

  await control('lab.faults.inject', {
    commandName: 'Remove-VM',
    target: VM.name,
    kind: 'hang',
    seconds: HANG_SECONDS,
    count: 1,
  });
  await dialog.getByTestId('delete-submit').click();
  await expect(dialog).toBeHidden();
  const jobId = await app.jobIdOfToast(`Deleting ${VM.name}`);
  await expect(vms.stateOf(VM.name)).toHaveText('Deleting');

  await app.toast(`Deleting ${VM.name}`).getByTestId('toast-open-job').click();
  const view = jobs.view(jobId);
  await expect(view).toBeVisible();

  let linesWhileRunning = 0;
  await test.step('output lines appear while the job runs', async () => {
    // Lines first, then the status: still running after the lines were seen means they arrived while it ran.
    await expect
      .poll(async () => {
        const lines = await jobs.outputCount(jobId);
        const status = await jobs.status(jobId).getAttribute('data-status');
        linesWhileRunning = status === 'running' ? lines : 0;
        return linesWhileRunning;
      })
      .toBeGreaterThan(0);
    await expect(jobs.outputLines(jobId).first()).toBeVisible();
    await saveScreens('job-view-running');
  });

  await test.step('the job succeeds with every step done', async () => {
    await jobs.waitForStatus(jobId, 'succeeded');
    const steps = jobs.steps(jobId);
    await expect(steps).toHaveCount(10);
    const unfinished = () =>
      steps.evaluateAll(
        (items) =>
          items.filter((item) => !['succeeded', 'skipped'].includes(item.getAttribute('data-status') ?? '')).length,
      );
    await expect.poll(unfinished).toBe(0);
    await expect(view.getByTestId('job-step-unregister')).toHaveAttribute('data-status', 'succeeded');
    await expect(view.getByTestId('job-step-disks')).toContainText('Done');
    expect(await jobs.outputCount(jobId)).toBeGreaterThan(linesWhileRunning);
    await expect(view.getByTestId('job-output')).toContainText('result: succeeded');
    await saveScreens('job-view-done');
  });

  await test.step('the VM leaves the table; the template stays on disk', async () => {
    await app.showVms();
    await vms.waitUntilGone(VM.name);
    expect(labFileExists(VM.folder)).toBe(false);
    expect(labFileExists(VM.keeps)).toBe(true);
  });

  await test.step('the job is in history, also after a reload', async () => {
    await page.reload();
    await app.showJobs();
    await expect(jobs.row(jobId)).toContainText(VM.name);
    await expect(jobs.row(jobId).getByTestId('job-status')).toHaveAttribute('data-status', 'succeeded');
    await page.getByTestId('job-status-filter').selectOption('succeeded');
    await expect(jobs.row(jobId)).toBeVisible();
    await saveScreens('jobs-list');
    await jobs.open(jobId);
  });

  await test.step('export writes the log as text and as JSON', async () => {
    const text = await exportVia(page, 'job-export-text');
    expect(text.fileName).toContain(jobId);
    expect(text.text).toContain(`Job:          ${jobId}`);
    expect(text.text).toContain('Status:       succeeded');
    expect(text.text).toContain(`unregistering VM '${VM.name}'`);
    expect(text.text).toContain('result: succeeded');
    await expect(page.getByTestId('job-view').getByRole('status')).toContainText(`Downloaded ${text.fileName}`);

    const json = await exportVia(page, 'job-export-json');
    const parsed = JSON.parse(json.text) as unknown;
    expect(JSON.stringify(parsed)).toContain(`unregistering VM '${VM.name}'`);
    expect(parsed).toMatchObject({ job: { id: jobId, status: 'succeeded' } });
  });

  expectCleanConsole(pageErrors);
});
