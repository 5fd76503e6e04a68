// The preload against a stand-in for 'electron' (the real module cannot load under plain Node): what it exposes,
// and how calls and events cross.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, EVENT_CHANNEL, ipcChannel } from '../../shared/contract/api';
import { SAMPLE_JOB_ID, sampleDeleteJob } from '../../shared/contract/fixtures';
import type { HvApi } from '../../shared/preload-api';

const electron = vi.hoisted(() => ({
  exposed: [] as [string, unknown][],
  channelListeners: new Map<string, (event: unknown, ...args: unknown[]) => void>(),
  invoke: vi.fn(async (_channel: string, _args: unknown) => ({ ok: true, value: {} })),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.push([key, value]) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      electron.channelListeners.set(channel, listener),
  },
}));

let api: HvApi;

beforeAll(async () => {
  await import('./index');
  api = electron.exposed[0]?.[1] as HvApi;
});

describe('the preload', () => {
  it('exposes exactly one object, hvapi, frozen down to its domains', () => {
    expect(electron.exposed.map(([key]) => key)).toEqual(['hvapi']);
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.jobs)).toBe(true);
    expect(Object.isFrozen(api.version)).toBe(true);
    expect(Object.keys(api).sort()).toEqual(
      [...new Set(channelNames.map((name) => name.split('.')[0])), 'on', 'version'].sort(),
    );
    expect('invoke' in api).toBe(false);
  });

  it('sends each call on its contract channel, with {} when called without arguments', async () => {
    await api.jobs.get({ jobId: SAMPLE_JOB_ID });
    await api.app.ready();
    expect(electron.invoke.mock.calls).toEqual([
      [ipcChannel('jobs.get'), { jobId: SAMPLE_JOB_ID }],
      [ipcChannel('app.ready'), {}],
    ]);
  });

  it('listens on the event channel only, and passes batches (never the IPC event) to subscribers', () => {
    expect([...electron.channelListeners.keys()]).toEqual([EVENT_CHANNEL]);
    const deliver = electron.channelListeners.get(EVENT_CHANNEL);
    const seen: unknown[] = [];
    const unsubscribe = api.on('job.created', (payload) => seen.push(payload));
    const payload = { job: sampleDeleteJob() };
    deliver?.({ sender: 'ipc event' }, [{ event: 'job.created', payload }]);
    deliver?.({ sender: 'ipc event' }, { event: 'job.created', payload });
    unsubscribe();
    deliver?.({ sender: 'ipc event' }, [{ event: 'job.created', payload }]);
    expect(seen).toEqual([payload]);
  });
});
