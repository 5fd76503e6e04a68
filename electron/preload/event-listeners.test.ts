import { describe, expect, it, vi } from 'vitest';
import { sampleDeleteJob } from '../../shared/contract/fixtures';
import { createEventListeners } from './event-listeners';

const created = { event: 'job.created', payload: { job: sampleDeleteJob() } };
const notice = { event: 'notification', payload: { kind: 'info', title: 't', body: 'b', jobId: null } };

describe('the preload event listeners', () => {
  it('hand each event of a batch to the subscribers of its name, in order', () => {
    const events = createEventListeners();
    const seen: string[] = [];
    events.on('job.created', (payload) => seen.push(`created ${payload.job.id}`));
    events.on('notification', (payload) => seen.push(`notice ${payload.title}`));
    events.deliver([created, notice, created]);
    expect(seen).toEqual(['created j-17', 'notice t', 'created j-17']);
  });

  it('ignore a batch that is not an array, and entries that are not envelopes', () => {
    const events = createEventListeners();
    const listener = vi.fn();
    events.on('job.created', listener);
    for (const bad of [created, null, 'job.created', { 0: created, length: 1 }]) events.deliver(bad);
    events.deliver([null, 42, { payload: {} }, created]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('stop delivering after unsubscribe, each subscription separately', () => {
    const events = createEventListeners();
    const listener = vi.fn();
    const first = events.on('job.created', listener);
    events.on('job.created', listener);
    first();
    events.deliver([created]);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('keep delivering to the others when one subscriber throws', () => {
    const reported: unknown[] = [];
    const events = createEventListeners((error) => reported.push(error));
    const good = vi.fn();
    events.on('job.created', () => {
      throw new Error('bad subscriber');
    });
    events.on('job.created', good);
    events.deliver([created, created]);
    expect(good).toHaveBeenCalledTimes(2);
    expect(reported).toHaveLength(2);
  });
});
