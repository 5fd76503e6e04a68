// The jobs panel: the list and one job's view (renderer/src/features/jobs).
import { expect, type Locator, type Page } from '@playwright/test';
import { JOB_TIMEOUT_MS } from './vms-page';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'timed_out' | 'interrupted';

export class JobsPage {
  constructor(readonly page: Page) {}

  row(jobId: string): Locator {
    return this.page.getByTestId(`job-row-${jobId}`);
  }

  view(jobId: string): Locator {
    return this.page.locator(`[data-testid="job-view"][data-job-id="${jobId}"]`);
  }

  /** The status badge in the job's header. */
  status(jobId: string): Locator {
    return this.view(jobId).locator('.job-view__header').getByTestId('job-status');
  }

  async open(jobId: string): Promise<Locator> {
    await this.row(jobId).click();
    await expect(this.view(jobId)).toBeVisible();
    return this.view(jobId);
  }

  async waitForStatus(jobId: string, status: JobStatus): Promise<void> {
    await expect(this.status(jobId)).toHaveAttribute('data-status', status, { timeout: JOB_TIMEOUT_MS });
  }

  outputLines(jobId: string): Locator {
    return this.view(jobId).getByTestId('job-output-line');
  }

  /** The "N lines" count above the output (the lines themselves are virtualized). */
  async outputCount(jobId: string): Promise<number> {
    const text = (await this.view(jobId).getByTestId('job-output-count').textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  steps(jobId: string): Locator {
    return this.view(jobId).getByTestId('job-steps').locator('li');
  }
}
