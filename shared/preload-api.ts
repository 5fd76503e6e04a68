// The shape of the one object the preload exposes to the renderer (`window.hvapi`): one function per contract
// channel, namespaced (`hvapi.jobs.submitDelete(args)`), `on(event, listener)` returning an unsubscribe, and the
// versions. It never gains a generic invoke(channel, ...). The browser harness builds the same shape over HTTP.
import type { ContractApi, Subscribe } from './contract/api';

/** The name under which the preload exposes the API in the renderer's main world. */
export const PRELOAD_API_KEY = 'hvapi';

export interface VersionInfo {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

export type HvApi = ContractApi & {
  /** Subscribe to one event of the contract's event map; the returned function unsubscribes. */
  readonly on: Subscribe;
  readonly version: VersionInfo;
};
