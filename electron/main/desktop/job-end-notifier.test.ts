import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../../../shared/contract/api';
import { sampleDeleteJob } from '../../../shared/contract/fixtures';
import { jobEndNotification } from '../../core/jobs/job-notification';
import { JobEndNotifier, type NativeNotice } from './job-end-notifier';

const ended = (status: 'succeeded' | 'failed', id = 'j-17'): EventEnvelope => ({
  event: 'notification',
  payload: jobEndNotification(
    sampleDeleteJob({
      id,
      vmName: 'web01',
      status,
      error:
        status === 'failed'
          ? { code: 'script_failed', message: 'The VM disk is locked.', hostCode: null, step: null, object: null }
          : null,
    }),
    'Lab host',
  ),
});

function setup(enabled = true) {
  const shown: NativeNotice[] = [];
  let on = enabled;
  const notifier = new JobEndNotifier({ show: (notice) => shown.push(notice), enabled: () => on, remember: 2 });
  return { notifier, shown, setEnabled: (value: boolean) => (on = value) };
}

describe('the job-end notifier', () => {
  it('shows a job ending natively, naming the VM, the host and the outcome, with the job to open', () => {
    const { notifier, shown } = setup();
    notifier.observe(ended('failed'));
    expect(shown).toEqual([
      {
        title: "Delete of 'web01' on Lab host failed",
        body: 'Job j-17: The VM disk is locked.',
        jobId: 'j-17',
        urgent: true,
      },
    ]);
  });

  it('shows only the first notice of a job, and none about no job', () => {
    const { notifier, shown } = setup();
    notifier.observe(ended('succeeded'));
    notifier.observe({
      event: 'notification',
      payload: { kind: 'warning', title: 'Job history incomplete', body: 'Job j-17: ...', jobId: 'j-17' },
    });
    notifier.observe({ event: 'notification', payload: { kind: 'info', title: 'Lab reset', body: 'x', jobId: null } });
    notifier.observe({ event: 'job.updated', payload: { job: sampleDeleteJob({ status: 'failed' }) } });
    expect(shown.map((notice) => notice.title)).toEqual(["Deleted 'web01' on Lab host"]);
    expect(shown[0]?.urgent).toBe(false);
  });

  it('follows the notifyOnJobEnd setting at the moment each job ends', () => {
    const { notifier, shown, setEnabled } = setup(false);
    notifier.observe(ended('succeeded', 'j-1'));
    setEnabled(true);
    notifier.observe(ended('succeeded', 'j-2'));
    expect(shown.map((notice) => notice.jobId)).toEqual(['j-2']);
  });
});
