// The shape of the one object the preload exposes to the renderer (`window.hvapi`).
// It grows with the IPC contract; it never gains a generic invoke(channel, ...).

/** The name under which the preload exposes the API in the renderer's main world. */
export const PRELOAD_API_KEY = 'hvapi';

export interface VersionInfo {
  readonly app: string;
  readonly electron: string;
  readonly chrome: string;
  readonly node: string;
}

export interface HvApi {
  readonly version: VersionInfo;
}
