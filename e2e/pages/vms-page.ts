// The VM table, the details pane and the single-VM delete dialog (renderer/src/features/vms).
import { expect, type Locator, type Page } from '@playwright/test';

/** A delete job on the lab takes seconds to tens of seconds on a loaded machine; the re-read follows it. */
export const JOB_TIMEOUT_MS = 120_000;

export class VmsPage {
  constructor(readonly page: Page) {}

  /** The table row of a VM by name (the lab's names are unique except lab-test, which no spec uses). */
  row(name: string): Locator {
    return this.page.getByTestId('vm-table').locator(`tr.vm-row[data-vm-name="${name}"]`);
  }

  stateOf(name: string): Locator {
    return this.row(name).getByTestId('vm-state');
  }

  get details(): Locator {
    return this.page.getByTestId('vm-details');
  }

  async openDetails(name: string): Promise<Locator> {
    await this.row(name).getByRole('cell', { name, exact: true }).click();
    await expect(this.details.getByRole('heading', { level: 2 })).toHaveText(name);
    return this.details;
  }

  get deleteDialog(): Locator {
    return this.page.getByTestId('delete-dialog');
  }

  /** Opens the delete dialog from the details pane and waits for the plan (a plan-only run on the host). */
  async openDeleteDialog(name: string): Promise<Locator> {
    await this.openDetails(name);
    await this.details.getByTestId('delete-button').click();
    const dialog = this.deleteDialog;
    await expect(dialog.getByRole('heading', { name: `Delete VM ${name}` })).toBeVisible();
    await expect(dialog.getByTestId('delete-plan')).toBeVisible({ timeout: JOB_TIMEOUT_MS });
    return dialog;
  }

  /** Types the name and submits; the dialog closes once the job is queued. */
  async confirmDelete(name: string): Promise<void> {
    const dialog = this.deleteDialog;
    await dialog.getByTestId('delete-confirm-input').fill(name);
    await dialog.getByTestId('delete-submit').click();
    await expect(dialog).toBeHidden();
  }

  async waitUntilGone(name: string): Promise<void> {
    await expect(this.row(name)).toHaveCount(0, { timeout: JOB_TIMEOUT_MS });
  }
}
