import type { HvApi } from '@shared/preload-api';

declare global {
  interface Window {
    /** Exposed by electron/preload; absent when the renderer is opened outside Electron. */
    readonly hvapi?: HvApi;
  }
}
