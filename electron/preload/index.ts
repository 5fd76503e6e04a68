// The bridge between the isolated renderer and main: exposes exactly one frozen object, `window.hvapi`: one
// function per contract channel (buildApi), `on(event, listener)` and the versions; never a generic invoke.
// Built as CommonJS (index.cjs) because a sandboxed preload cannot load ES modules; it imports only 'electron',
// code from shared/ and its own plain event-listeners.ts, all bundled in.
// First: configures zod before any contract schema is built (see the module).
import '@shared/zod-jitless';
import { APP_VERSION } from '@shared/app-info';
import { buildApi, EVENT_CHANNEL } from '@shared/contract/api';
import { type HvApi, PRELOAD_API_KEY } from '@shared/preload-api';
import { contextBridge, ipcRenderer } from 'electron';
import { createEventListeners } from './event-listeners';

const events = createEventListeners();
// Main sends events in batches on one channel; the IPC event object itself never reaches the renderer.
ipcRenderer.on(EVENT_CHANNEL, (_event, batch: unknown) => events.deliver(batch));

const api: HvApi = Object.freeze({
  ...buildApi((channel, args) => ipcRenderer.invoke(channel, args)),
  on: events.on,
  version: Object.freeze({
    app: APP_VERSION,
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
  }),
});

contextBridge.exposeInMainWorld(PRELOAD_API_KEY, api);
