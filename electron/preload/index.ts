// The bridge between the isolated renderer and main: exposes exactly one frozen object, `window.hvapi`.
// Built as CommonJS (index.cjs) because a sandboxed preload cannot load ES modules; it may import only
// 'electron' and code from shared/, which is bundled in.
import { APP_VERSION } from '@shared/app-info';
import { type HvApi, PRELOAD_API_KEY } from '@shared/preload-api';
import { contextBridge } from 'electron';

const api: HvApi = Object.freeze({
  version: Object.freeze({
    app: APP_VERSION,
    electron: process.versions.electron,
    chrome: process.versions.chrome,
    node: process.versions.node,
  }),
});

contextBridge.exposeInMainWorld(PRELOAD_API_KEY, api);
