import { describe, expect, it, vi } from 'vitest';
import type { EventEnvelope } from '../../../shared/contract/api';
import { sampleDeleteJob, sampleLifecycleJob } from '../../../shared/contract/fixtures';
import type { JobInfo } from '../../../shared/contract/jobs';
import { JobActivity, observedSink } from './job-activity';

const updated = (job: JobInfo): EventEnvelope => ({ event: 'job.updated', payload: { job } });
const created = (job: JobInfo): EventEnvelope => ({ event: 'job.created', payload: { job } });

describe('job activity', () => {
  it('lists queued and running jobs, running first, and drops them when they end', () => {
    const activity = new JobActivity();
    const changes = vi.fn();
    activity.onChange(changes);
    activity.observe(created(sampleDeleteJob({ id: 'j-1', status: 'queued', createdAt: '2025-01-01T00:00:00.000Z' })));
    activity.observe(created(sampleDeleteJob({ id: 'j-2', status: 'queued', createdAt: '2025-01-01T00:00:01.000Z' })));
    activity.observe(updated(sampleDeleteJob({ id: 'j-2', status: 'running' })));
    expect(activity.list().map((job) => [job.id, job.status])).toEqual([
      ['j-2', 'running'],
      ['j-1', 'queued'],
    ]);
    expect(activity.counts()).toEqual({ running: 1, queued: 1 });

    activity.observe(updated(sampleDeleteJob({ id: 'j-2', status: 'succeeded' })));
    expect(activity.list().map((job) => job.id)).toEqual(['j-1']);
    expect(changes).toHaveBeenCalledTimes(4);
  });

  it('does not announce a change when a running job only gains output, nor for an unknown job that ended', () => {
    const activity = new JobActivity();
    activity.observe(created(sampleDeleteJob({ id: 'j-1', status: 'running' })));
    const changes = vi.fn();
    activity.onChange(changes);
    activity.observe(updated(sampleDeleteJob({ id: 'j-1', status: 'running', outputLineCount: 40 })));
    activity.observe(updated(sampleDeleteJob({ id: 'j-9', status: 'failed' })));
    activity.observe({ event: 'notification', payload: { kind: 'info', title: 't', body: 'b', jobId: null } });
    expect(changes).not.toHaveBeenCalled();
  });

  it('labels lifecycle jobs by their action, and seeds jobs no event has mentioned', () => {
    const activity = new JobActivity();
    activity.observe(created(sampleDeleteJob({ id: 'j-1', status: 'running' })));
    activity.seed([
      sampleDeleteJob({ id: 'j-1', status: 'queued' }),
      sampleLifecycleJob({ id: 'j-3', status: 'queued' }),
      sampleDeleteJob({ id: 'j-4', status: 'failed' }),
    ]);
    expect(activity.list().map((job) => [job.id, job.status, job.label])).toEqual([
      ['j-1', 'running', { kind: 'delete' }],
      ['j-3', 'queued', { kind: 'lifecycle', action: sampleLifecycleJob().params.action }],
    ]);
  });
});

describe('the observed sink', () => {
  it('shows every event to the observers, then passes it on, even when an observer throws', () => {
    const target = { emit: vi.fn() };
    const seen: string[] = [];
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sink = observedSink(target, [
      () => {
        throw new Error('tray gone');
      },
      (envelope) => seen.push(envelope.event),
    ]);
    const payload = { job: sampleDeleteJob() };
    sink.emit('job.created', payload);
    expect(seen).toEqual(['job.created']);
    expect(target.emit).toHaveBeenCalledWith('job.created', payload);
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
