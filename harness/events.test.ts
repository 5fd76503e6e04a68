// Events through the harness: held per page until that page says app.ready, then delivered in order to its
// subscribers; a second page (a reload) gets its own stream and gate. The backend is a stand-in that keeps the
// harness's event sink, so the test decides when the "core" emits.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventSink } from '../electron/core/ports';
import type { EventPayload } from '../shared/contract/api';
import { partialHandlers } from './backend';
import type { HarnessApi } from './bridge/harness-api';
import { type Harness, startHarness } from './start-harness';
import { fakeRendererDir, openNodePage } from './test-support/node-page';

let harness: Harness;
let rendererDir: string;
let sink: EventSink;
const pages: HarnessApi[] = [];

const hostsEvent = (displayName: string): EventPayload<'hosts.changed'> => ({
  hosts: [
    {
      id: 'lab',
      displayName,
      address: 'lab.local',
      connection: { transport: 'lab' },
      hasSecret: false,
      status: null,
    },
  ],
});

function page(): HarnessApi {
  const opened = openNodePage(harness);
  pages.push(opened);
  return opened;
}

/** Collects the display names of hosts.changed events until `count` have arrived. */
function collect(api: HarnessApi['api'], count: number): Promise<string[]> {
  return new Promise((resolve) => {
    const names: string[] = [];
    const unsubscribe = api.on('hosts.changed', (payload) => {
      names.push(payload.hosts[0]?.displayName ?? '?');
      if (names.length === count) {
        unsubscribe();
        resolve(names);
      }
    });
  });
}

beforeAll(async () => {
  rendererDir = fakeRendererDir();
  harness = await startHarness({
    rendererDir,
    backend: (events) => {
      sink = events;
      return { handlers: partialHandlers({ 'app.ready': () => ({}) }), stop: async () => undefined };
    },
  });
});

afterAll(async () => {
  for (const opened of pages) opened.close();
  await harness?.stop();
  rmSync(rendererDir, { recursive: true, force: true });
});

describe('events', () => {
  it('delivers what was emitted before app.ready, then live events, in order', async () => {
    const first = page();
    sink.emit('hosts.changed', hostsEvent('before-1'));
    sink.emit('hosts.changed', hostsEvent('before-2'));
    const received = collect(first.api, 3);
    await expect(first.api.app.ready()).resolves.toEqual({ ok: true, value: {} });
    sink.emit('hosts.changed', hostsEvent('after'));
    await expect(received).resolves.toEqual(['before-1', 'before-2', 'after']);
  });

  it('gives a second page its own stream, open only after its own app.ready', async () => {
    const [first] = pages;
    if (!first) throw new Error('the first test opens a page');
    const second = page();
    // The second page connects, then an event happens: the first page gets it at once; the second holds it.
    const firstGets = collect(first.api, 1);
    const secondGets = collect(second.api, 2);
    await expect(second.api.hosts.list()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await waitFor(() => harness.hub.sessionCount === 2);
    sink.emit('hosts.changed', hostsEvent('while-second-loads'));
    await expect(firstGets).resolves.toEqual(['while-second-loads']);
    await expect(second.api.app.ready()).resolves.toMatchObject({ ok: true });
    sink.emit('hosts.changed', hostsEvent('both'));
    await expect(secondGets).resolves.toEqual(['while-second-loads', 'both']);
  });

  it('refuses app.ready without a client id', async () => {
    const response = await fetch(`${harness.origin}/__harness/call/app.ready`, {
      method: 'POST',
      headers: { origin: harness.origin, 'x-harness-secret': harness.secret },
      body: '{}',
    });
    expect(response.status).toBe(400);
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
}
