// What the job engine needs beyond the shared seams of ../ports.ts. Kept here because only the job engine uses
// them; the composition root adapts the hosts service, the settings store and Electron's save dialog to them.
import type { ExportResult } from '../../../shared/contract/job-export';
import type { Settings } from '../../../shared/contract/settings';
import type { Clock, EventSink, HostExecutor, InventoryJobHooks } from '../ports';
import type { OutputLogStore } from '../store/output-log';
import type { JobRecordStore } from './job-record';

/** The configured hosts, as far as jobs care: whether one exists, and the name people know it by. */
export interface HostDirectory {
  /** The host's display name, or null when no host has that id. */
  displayNameOf(hostId: string): string | null;
}

/** Who asks and from where: recorded on every job and sent to the host (lock owner, traceability). */
export interface JobIdentity {
  /** The workstation user, as main knows it (the renderer never claims an identity). */
  readonly requestedBy: string;
  /** This workstation's host name (the agent's `control_plane`). */
  readonly controlPlane: string;
}

/** Timers, injected so tests decide when a coalesced update fires. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Main's save dialog: asks the user where to write and writes there; the core never picks a path itself. */
export interface ExportSaver {
  save(
    suggestedFileName: string,
    content: string,
    mimeType: 'text/plain' | 'application/json',
  ): Promise<Extract<ExportResult, { kind: 'saved' | 'cancelled' }>>;
}

/** Everything the engine's parts share; each part takes the subset it uses. */
export interface JobEngineDeps {
  readonly store: JobRecordStore;
  readonly outputs: OutputLogStore;
  readonly executor: HostExecutor;
  readonly inventory: InventoryJobHooks;
  readonly hosts: HostDirectory;
  readonly events: EventSink;
  readonly clock: Clock;
  /** Read at the moment of use, so a changed timeout or retention applies to the next job. */
  readonly settings: () => Settings;
  readonly identity: JobIdentity;
  readonly timers?: Timers;
}
