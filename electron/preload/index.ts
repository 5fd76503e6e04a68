// The bridge between the isolated renderer and main: exposes exactly one frozen object, `window.hvapi`.
// Built as CommonJS (index.cjs) because a sandboxed preload cannot load ES modules; it may import only
// 'electron' and code from shared/, which is bundled in.
import { APP_VERSION } from '@shared/app-info';
import { buildApi, EVENT_CHANNEL, type EventEnvelope, type Subscribe } from '@shared/contract/api';
import { type HvApi, PRELOAD_API_KEY } from '@shared/preload-api';
import { contextBridge, ipcRenderer } from 'electron';

type Listener = (payload: unknown) => void;
const listeners = new Map<string, Set<Listener>>();

// Main sends events in batches on one channel; each goes to the subscribers of its name, in order.
ipcRenderer.on(EVENT_CHANNEL, (_event, batch: EventEnvelope[]) => {
  if (!Array.isArray(batch)) return;
  for (const envelope of batch) {
    for (const listener of listeners.get(envelope.event) ?? []) listener(envelope.payload);
  }
});

const on: Subscribe = (event, listener) => {
  const set = listeners.get(event) ?? new Set<Listener>();
  listeners.set(event, set);
  set.add(listener as Listener);
  return () => {
    set.delete(listener as Listener);
  };
};

const api: HvApi = Object.freeze({
  ...buildApi((channel, args) => ipcRenderer.invoke(channel, args)),
  on,
  version: Object.freeze({
    app: APP_VERSION,
    electron: process.versions.electron ?? '',
    chrome: process.versions.chrome ?? '',
    node: process.versions.node,
  }),
});

contextBridge.exposeInMainWorld(PRELOAD_API_KEY, api);
