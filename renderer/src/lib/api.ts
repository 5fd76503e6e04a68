// The one seam between the renderer and the main process. Components import from here, never from window,
// so tests and the browser harness can stand in for the preload.
import type { HvApi } from '@shared/preload-api';

export function getApi(): HvApi {
  const api = window.hvapi;
  if (!api) throw new Error('window.hvapi is missing: the renderer was loaded without the app preload');
  return api;
}
