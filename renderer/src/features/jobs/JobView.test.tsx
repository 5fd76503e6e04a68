// @vitest-environment happy-dom
import { sampleDeleteJob, sampleOutputLine } from '@shared/contract/fixtures';
import type { ExportResult } from '@shared/contract/job-export';
import type { JobInfo, JobOutputLine } from '@shared/contract/jobs';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fakeElementHeight, HOST_NAME, renderJobsPanel, servedLog, settle } from './jobs-test-kit';

let restoreHeight: () => void;
beforeAll(() => {
  restoreHeight = fakeElementHeight(600);
});
afterAll(() => restoreHeight());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const lines = (from: number, count: number, stream: JobOutputLine['stream'] = 'out') =>
  Array.from({ length: count }, (_, i) => ({ ...sampleOutputLine(from + i), stream }));

const outputTexts = () =>
  screen.queryAllByTestId('job-output-line').map((row) => row.textContent?.replace(/^.*?line/, 'line'));

const running = sampleDeleteJob({
  id: 'j-20',
  vmName: 'web01',
  status: 'running',
  outputLineCount: 3,
  steps: [
    { id: 'validate', name: 'Validate the request', status: 'succeeded', detail: null, at: null },
    { id: 'lock', name: 'Take the host lock', status: 'started', detail: null, at: null },
    { id: 'cluster', name: 'Remove the cluster role', status: 'skipped', detail: 'not clustered', at: null },
    { id: 'disks', name: 'Detach and delete disks', status: 'pending', detail: null, at: null },
  ],
});

const failed = sampleDeleteJob({
  id: 'j-21',
  vmName: 'web02',
  status: 'failed',
  retryOf: 'j-19',
  finishedAt: '2025-01-02T10:43:00.000Z',
  steps: [{ id: 'disks', name: 'Detach and delete disks', status: 'failed', detail: 'file locked', at: null }],
  error: {
    code: 'script_failed',
    message: 'The file is in use by another process.',
    hostCode: 'file_locked',
    step: 'disks',
    object: 'C:\\VMs\\web02\\disk.vhdx',
  },
});

describe('JobView header, steps and error', () => {
  it('shows the step checklist with each step state', async () => {
    await renderJobsPanel([running], {}, { openJobId: 'j-20' });
    const steps = screen.getByTestId('job-steps');
    expect(within(steps).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getByTestId('job-step-validate').getAttribute('data-status')).toBe('succeeded');
    expect(screen.getByTestId('job-step-lock').getAttribute('data-status')).toBe('started');
    expect(screen.getByTestId('job-step-lock').getAttribute('aria-current')).toBe('step');
    expect(screen.getByTestId('job-step-cluster').textContent).toContain('not clustered');
    expect(screen.getByTestId('job-step-disks').textContent).toContain('Pending');
  });

  it('shows what failed, on which host, and what to do; links the job it retries', async () => {
    const { user, stores } = await renderJobsPanel([failed], {}, { openJobId: 'j-21' });
    const view = screen.getByTestId('job-view');
    const notice = within(view).getByTestId('error-notice');
    expect(notice.textContent).toContain('The operation failed on the host');
    expect(notice.textContent).toContain(`Host: ${HOST_NAME}`);
    expect(notice.textContent).toContain('C:\\VMs\\web02\\disk.vhdx');
    expect(notice.textContent).toContain('retry');
    expect(within(view).getByText(HOST_NAME)).toBeTruthy();
    expect(within(view).getByText('CONTOSO\\admin')).toBeTruthy();
    await user.click(screen.getByTestId('job-retry-of'));
    expect(stores.ui.getState().openJobId).toBe('j-19');
  });
});

describe('JobView live output', () => {
  it('appends live lines, dedupes by seq and re-reads a gap', async () => {
    const log = lines(0, 3);
    const { fake } = await renderJobsPanel([running], { 'jobs.getOutput': servedLog(log) }, { openJobId: 'j-20' });
    await waitFor(() => expect(outputTexts()).toEqual(['line 0', 'line 1', 'line 2']));

    log.push(...lines(3, 7));
    act(() => fake.emit('job.output', { jobId: 'j-20', fromSeq: 3, lines: lines(3, 2) }));
    act(() => fake.emit('job.output', { jobId: 'j-20', fromSeq: 4, lines: lines(4, 2) })); // seq 4 again
    expect(outputTexts()).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4', 'line 5']);

    fake.calls.length = 0;
    act(() => fake.emit('job.output', { jobId: 'j-20', fromSeq: 8, lines: lines(8, 2) })); // 6 and 7 were lost
    await settle();
    expect(fake.calls.filter((c) => c.channel === 'jobs.getOutput').map((c) => c.args)).toEqual([
      { jobId: 'j-20', from: 6, limit: 2 },
    ]);
    expect(outputTexts()).toEqual(Array.from({ length: 10 }, (_, i) => `line ${i}`));
    expect(screen.getByTestId('job-output-count').textContent).toBe('10 lines');
  });

  it('styles each stream', async () => {
    const log = [...lines(0, 1, 'out'), ...lines(1, 1, 'err'), ...lines(2, 1, 'event')];
    await renderJobsPanel([running], { 'jobs.getOutput': servedLog(log) }, { openJobId: 'j-20' });
    await waitFor(() => expect(screen.getAllByTestId('job-output-line')).toHaveLength(3));
    const streams = screen.getAllByTestId('job-output-line').map((row) => row.getAttribute('data-stream'));
    expect(streams).toEqual(['out', 'err', 'event']);
    expect(screen.getAllByTestId('job-output-line')[1]?.className).toContain('job-output__line--err');
  });

  it('renders only the rows on screen of a very long log', async () => {
    const long = sampleDeleteJob({ ...running, id: 'j-22', outputLineCount: 200_000 });
    const served = servedLog(lines(0, 200_000));
    const { fake } = await renderJobsPanel([long], { 'jobs.getOutput': served }, { openJobId: 'j-22' });
    await waitFor(() => expect(screen.getAllByTestId('job-output-line').length).toBeGreaterThan(0));
    expect(screen.getByTestId('job-output-count').textContent).toBe('200,000 lines');
    const rendered = screen.getAllByTestId(/^job-output-(line|pending)$/).length;
    expect(rendered).toBeLessThan(200);
    // Only pages near the rows shown were read, never the whole log.
    const read = fake.calls
      .filter((c) => c.channel === 'jobs.getOutput')
      .reduce((sum, c) => sum + (c.args as { limit: number }).limit, 0);
    expect(read).toBeLessThan(5_000);
  });

  it('stops following when the admin scrolls up, and resumes with Jump to end', async () => {
    const { user } = await renderJobsPanel(
      [running],
      { 'jobs.getOutput': servedLog(lines(0, 3)) },
      { openJobId: 'j-20' },
    );
    const follow = screen.getByTestId('follow-output') as HTMLInputElement;
    const jump = screen.getByTestId('job-output-jump-end') as HTMLButtonElement;
    expect(follow.checked).toBe(true);
    expect(jump.disabled).toBe(true);

    fireEvent.wheel(screen.getByTestId('job-output'), { deltaY: -120 });
    expect(follow.checked).toBe(false);
    expect(jump.disabled).toBe(false);
    expect(screen.getByTestId('job-output').getAttribute('data-following')).toBe('false');

    await user.click(jump);
    expect(follow.checked).toBe(true);

    screen.getByTestId('job-output').focus();
    await user.keyboard('{PageUp}');
    expect(follow.checked).toBe(false);
    await user.keyboard('{End}');
    expect(follow.checked).toBe(true);

    await user.click(follow);
    expect(follow.checked).toBe(false);
  });

  it('keeps the end in view while following as lines arrive', async () => {
    const log = lines(0, 3);
    const { fake } = await renderJobsPanel([running], { 'jobs.getOutput': servedLog(log) }, { openJobId: 'j-20' });
    const viewport = screen.getByTestId('job-output');
    Object.defineProperty(viewport, 'scrollHeight', { configurable: true, get: () => 5_000 });
    act(() => fake.emit('job.output', { jobId: 'j-20', fromSeq: 3, lines: lines(3, 5) }));
    expect(viewport.scrollTop).toBe(5_000);

    fireEvent.wheel(viewport, { deltaY: -120 });
    viewport.scrollTop = 100;
    Object.defineProperty(viewport, 'scrollHeight', { configurable: true, get: () => 6_000 });
    act(() => fake.emit('job.output', { jobId: 'j-20', fromSeq: 8, lines: lines(8, 5) }));
    expect(viewport.scrollTop).toBe(100); // not following: the admin's place is kept
  });

  it('copies the whole log when nothing is selected', async () => {
    const { user } = await renderJobsPanel(
      [running],
      { 'jobs.getOutput': servedLog(lines(0, 3)) },
      { openJobId: 'j-20' },
    );
    // After user-event's setup, which installs its own clipboard stub.
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    await user.click(screen.getByTestId('job-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('line 0\nline 1\nline 2'));
    expect(await screen.findByText('Copied 3 lines.')).toBeTruthy();
  });
});

describe('JobView actions', () => {
  it('cancels an active job; retry is disabled with the reason shown', async () => {
    const { fake, user } = await renderJobsPanel(
      [running],
      {
        'jobs.cancel': ({ jobId }) => ({ ...running, id: jobId, status: 'cancelled', finishedAt: running.startedAt }),
      },
      { openJobId: 'j-20' },
    );
    const cancel = screen.getByTestId('job-cancel') as HTMLButtonElement;
    const retry = screen.getByTestId('job-retry') as HTMLButtonElement;
    expect(cancel.disabled).toBe(false);
    expect(retry.disabled).toBe(true);
    expect(screen.getByTestId('job-actions-reason').textContent).toContain('retried once it has ended');
    await user.click(cancel);
    await settle();
    expect(fake.calls.find((c) => c.channel === 'jobs.cancel')?.args).toEqual({ jobId: 'j-20' });
    expect(within(screen.getByTestId('job-view')).getAllByTestId('job-status')[0]?.textContent).toBe('Cancelled');
    expect((screen.getByTestId('job-cancel') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('job-retry') as HTMLButtonElement).disabled).toBe(false);
  });

  it('retries an ended job that did not succeed and opens the new job', async () => {
    const retried: JobInfo = sampleDeleteJob({ id: 'j-30', status: 'queued', retryOf: 'j-21', startedAt: null });
    const { fake, user, stores } = await renderJobsPanel(
      [failed],
      { 'jobs.retry': () => retried },
      { openJobId: 'j-21' },
    );
    expect((screen.getByTestId('job-cancel') as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByTestId('job-retry'));
    await settle();
    expect(fake.calls.find((c) => c.channel === 'jobs.retry')?.args).toEqual({ jobId: 'j-21' });
    expect(stores.ui.getState().openJobId).toBe('j-30');
    expect(screen.getByTestId('job-view').getAttribute('data-job-id')).toBe('j-30');
    expect(screen.getByTestId('job-retry-of').textContent).toBe('j-21');
  });

  it('neither cancels nor retries a succeeded job, and says why', async () => {
    const done = sampleDeleteJob({ id: 'j-23', status: 'succeeded', finishedAt: '2025-01-02T10:43:00.000Z' });
    await renderJobsPanel([done], {}, { openJobId: 'j-23' });
    expect((screen.getByTestId('job-cancel') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('job-retry') as HTMLButtonElement).disabled).toBe(true);
    const reason = screen.getByTestId('job-actions-reason');
    expect(reason.textContent).toContain('has ended');
    expect(reason.textContent).toContain('succeeded');
    expect(screen.getByTestId('job-retry').getAttribute('aria-describedby')).toBe(reason.id);
  });

  it('exports text and JSON as a download where there is no save dialog', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:job');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const downloads: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(this.download);
    });
    const exported = ({ format }: { format: 'text' | 'json' }): ExportResult => ({
      kind: 'content',
      suggestedFileName: format === 'json' ? 'web02-delete_vm-j-21.json' : 'web02-delete_vm-j-21.log',
      mimeType: format === 'json' ? 'application/json' : 'text/plain',
      content: format === 'json' ? '{}' : 'log',
    });
    const { fake, user } = await renderJobsPanel([failed], { 'jobs.export': exported }, { openJobId: 'j-21' });
    await user.click(screen.getByTestId('job-export-text'));
    await screen.findByText('Downloaded web02-delete_vm-j-21.log');
    await user.click(screen.getByTestId('job-export-json'));
    await screen.findByText('Downloaded web02-delete_vm-j-21.json');
    expect(fake.calls.filter((c) => c.channel === 'jobs.export').map((c) => c.args)).toEqual([
      { jobId: 'j-21', format: 'text', destination: 'content' },
      { jobId: 'j-21', format: 'json', destination: 'content' },
    ]);
    expect(downloads).toEqual(['web02-delete_vm-j-21.log', 'web02-delete_vm-j-21.json']);
    expect(createObjectURL.mock.calls.map(([blob]) => (blob as Blob).type)).toEqual(['text/plain', 'application/json']);
  });

  it("exports through main's save dialog in the desktop app", async () => {
    const version = { app: '0.1.0', electron: '45.5.0', chrome: '140', node: '22' };
    const { fake, user } = await renderJobsPanel(
      [failed],
      { 'jobs.export': () => ({ kind: 'saved', fileName: 'web02.log' }) },
      { openJobId: 'j-21', version },
    );
    await user.click(screen.getByTestId('job-export-text'));
    await screen.findByText('Saved web02.log');
    expect(fake.calls.find((c) => c.channel === 'jobs.export')?.args).toEqual({
      jobId: 'j-21',
      format: 'text',
      destination: 'save_dialog',
    });
  });
});
