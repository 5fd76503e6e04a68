import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ApiCall,
  buildApi,
  type ChannelArgs,
  type ChannelHandler,
  type ChannelValue,
  type ContractApi,
  channelNames,
  channelOfIpc,
  EVENT_CHANNEL,
  type EventPayload,
  eventBatchSchema,
  eventNames,
  type IpcChannel,
  parseArgs,
} from './api';
import { AppException, appError, isAppException } from './errors';
import { events } from './events';
import { SAMPLE_JOB_ID, sampleDeleteJob, sampleOutputLine, sampleVm } from './fixtures';
import type { JobInfo } from './jobs';
import { fail, ok, type Result, resultSchema } from './result';
import { baseVmState, deleteNeedsForce } from './vm-state';

describe('buildApi', () => {
  it('gives one function per channel, namespaced, sending the prefixed channel and the args', async () => {
    const calls: [IpcChannel, unknown][] = [];
    const api = buildApi(async (channel, args) => {
      calls.push([channel, args]);
      return ok({ echoed: channel });
    });
    for (const name of channelNames) {
      const [domain, method] = name.split('.') as [keyof ContractApi, string];
      expect(typeof (api[domain] as Record<string, unknown>)[method], name).toBe('function');
    }
    await api.jobs.cancel({ jobId: SAMPLE_JOB_ID });
    await api.hosts.list();
    expect(calls).toEqual([
      ['hvapi:jobs.cancel', { jobId: SAMPLE_JOB_ID }],
      ['hvapi:hosts.list', {}],
    ]);
    expect(Object.isFrozen(api) && Object.isFrozen(api.jobs)).toBe(true);
  });

  it('has no generic invoke on the object it returns', () => {
    const api = buildApi(async () => ok(null)) as unknown as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['app', 'hosts', 'inventory', 'jobs', 'lab', 'settings']);
  });
});

describe('channel names', () => {
  it('map back from their IPC names, and nothing else does', () => {
    expect(channelOfIpc('hvapi:jobs.retry')).toBe('jobs.retry');
    expect(channelOfIpc('hvapi:jobs.nope')).toBeNull();
    expect(channelOfIpc('jobs.retry')).toBeNull();
    expect(channelOfIpc('hvapi:toString')).toBeNull();
    expect(channelOfIpc(EVENT_CHANNEL)).toBeNull();
  });
});

describe('parseArgs', () => {
  it('says which channel and which field in the message', () => {
    const result = parseArgs('jobs.getOutput', { jobId: SAMPLE_JOB_ID, from: 'zero', limit: 10 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Invalid arguments for jobs\.getOutput: from: /);
    expect(result.error.details?.issues?.map((issue) => issue.path)).toEqual(['from']);
  });
});

describe('events', () => {
  it('travel as a batch of {event, payload} checked against the event map', () => {
    const batch = [
      { event: 'job.created', payload: { job: sampleDeleteJob({ status: 'queued' }) } },
      { event: 'job.output', payload: { jobId: SAMPLE_JOB_ID, fromSeq: 4, lines: [sampleOutputLine(4)] } },
      {
        event: 'inventory.changed',
        payload: {
          hostId: 'h-lab',
          collectedAt: null,
          stale: false,
          refreshing: false,
          error: null,
          host: null,
          change: {
            kind: 'patch',
            upserted: [sampleVm({ state: 'Deleting', activeJobId: SAMPLE_JOB_ID })],
            removed: [],
          },
        },
      },
    ];
    expect(eventBatchSchema.parse(batch)).toEqual(batch);
    expect(eventBatchSchema.safeParse([{ event: 'job.deleted', payload: {} }]).success).toBe(false);
    expect(
      eventBatchSchema.safeParse([{ event: 'job.output', payload: { jobId: SAMPLE_JOB_ID, fromSeq: 0, lines: [] } }])
        .success,
    ).toBe(false);
    expect(eventBatchSchema.safeParse([]).success).toBe(false);
  });

  it('cover what the renderer mirrors', () => {
    expect([...eventNames].sort()).toEqual(
      [
        'app.openJob',
        'hosts.changed',
        'inventory.changed',
        'job.created',
        'job.output',
        'job.updated',
        'notification',
      ].sort(),
    );
    expect(events['job.updated'].safeParse({ job: { ...sampleDeleteJob(), status: 'done' } }).success).toBe(false);
  });
});

describe('the result envelope and typed errors', () => {
  it('parses ok and fail, and rejects an unknown error code', () => {
    const schema = resultSchema(events.notification);
    expect(schema.parse(fail(appError('vm_running', 'web01 is Running; tick force to turn it off first')))).toEqual({
      ok: false,
      error: { code: 'vm_running', message: 'web01 is Running; tick force to turn it off first' },
    });
    expect(schema.safeParse({ ok: false, error: { code: 'oops', message: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, value: { kind: 'info' } }).success).toBe(false);
  });

  it('AppException carries the typed error for the IPC wrapper', () => {
    const thrown = new AppException(appError('job_not_found', 'no job j-9', { jobId: 'j-9' }));
    expect(isAppException(thrown)).toBe(true);
    expect(isAppException(new Error('x'))).toBe(false);
    expect(thrown.error.details).toEqual({ jobId: 'j-9' });
  });
});

describe('VM state rules', () => {
  it.each([
    ['Off', false],
    ['Running', true],
    ['RunningCritical', true],
    ['Paused', true],
    ['Saved', true],
    ['Starting', true],
    ['Stopping', true],
    ['OffCritical', false],
    ['Deleting', false],
  ])('%s needs force to delete: %s', (state, needsForce) => {
    expect(deleteNeedsForce(state)).toBe(needsForce);
  });

  it('strips only a Critical suffix', () => {
    expect(baseVmState('SavedCritical')).toBe('Saved');
    expect(baseVmState('Critical')).toBe('Critical');
  });
});

describe('derived types', () => {
  it('type calls, handlers and events from the contract', () => {
    expectTypeOf<ApiCall<'hosts.list'>>().toEqualTypeOf<
      (args?: Record<string, never>) => Promise<Result<ChannelValue<'hosts.list'>>>
    >();
    expectTypeOf<Parameters<ApiCall<'jobs.cancel'>>>().toEqualTypeOf<[args: { jobId: string }]>();
    expectTypeOf<ContractApi['jobs']['retry']>().toEqualTypeOf<ApiCall<'jobs.retry'>>();
    expectTypeOf<ChannelValue<'jobs.retry'>>().toEqualTypeOf<JobInfo>();
    expectTypeOf<ChannelArgs<'jobs.list'>['limit']>().toEqualTypeOf<number>();
    expectTypeOf<Parameters<ChannelHandler<'jobs.list'>>[0]['offset']>().toEqualTypeOf<number>();
    expectTypeOf<EventPayload<'job.created'>>().toEqualTypeOf<{ job: JobInfo }>();
  });
});
