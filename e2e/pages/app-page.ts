// The window as a spec drives it: the hosts sidebar, the view switch, the toasts, and the lab host. The VM and
// job views have their own page objects (vms-page.ts, jobs-page.ts).
import { expect, type Locator, type Page } from '@playwright/test';
import type { HvApi } from '../../shared/preload-api';

/** The first inventory of the lab host seeds its sandbox and deploys the agent: slow on a loaded 2-core box. */
export const FIRST_INVENTORY_TIMEOUT_MS = 120_000;

export class AppPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('navigation', { name: 'Views' })).toBeVisible();
  }

  hostItem(hostId: string): Locator {
    return this.page.getByTestId(`host-item-${hostId}`);
  }

  /** Makes sure the lab host is configured (a spec run on its own starts on a first run; it is added as the
   *  first-run offer adds it) and its VMs are listed. */
  async ensureLabHost(): Promise<void> {
    await this.page.evaluate(async () => {
      const api = (globalThis as unknown as { hvapi: HvApi }).hvapi;
      const listed = await api.hosts.list();
      if (listed.ok && listed.value.hosts.some((host) => host.id === 'lab')) return;
      const added = await api.hosts.add({
        displayName: 'Lab host (simulated)',
        address: 'lab.local',
        connection: { transport: 'lab' },
      });
      if (!added.ok) throw new Error(`adding the lab host failed: ${added.error.message}`);
    });
    await expect(this.hostItem('lab')).toBeVisible();
    await this.waitForInventory();
  }

  async waitForInventory(): Promise<void> {
    await expect(this.page.getByTestId('vm-table').locator('tbody tr.vm-row').first()).toBeVisible({
      timeout: FIRST_INVENTORY_TIMEOUT_MS,
    });
  }

  async showVms(): Promise<void> {
    await this.page.getByTestId('nav-vms').click();
    await expect(this.page.getByTestId('vms-view')).toBeVisible();
  }

  async showJobs(): Promise<void> {
    await this.page.getByTestId('nav-jobs').click();
    await expect(this.page.getByTestId('jobs-panel')).toBeVisible();
  }

  /** The toast whose text contains `text` (jobs ending add toasts of their own). */
  toast(text: string): Locator {
    return this.page.getByTestId('toast').filter({ hasText: text });
  }

  /** The job id a toast carries. */
  async jobIdOfToast(text: string): Promise<string> {
    const id = this.toast(text).getByTestId('toast-job-id');
    await expect(id).toHaveText(/^j-\S+$/);
    return (await id.textContent())?.trim() ?? '';
  }

  async dismissToasts(): Promise<void> {
    const toasts = this.page.getByTestId('toast');
    for (let count = await toasts.count(); count > 0; count = await toasts.count()) {
      await toasts.first().getByRole('button', { name: 'Dismiss notification' }).click();
      await expect(toasts).toHaveCount(count - 1);
    }
  }
}
