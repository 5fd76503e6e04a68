// The seams between the core's services. Each service is a class built in one composition root
// (electron/core/create-core.ts) and receives the others through these interfaces, so unit tests pass small
// fakes. Nothing here imports 'electron'.
import type { AgentEvent, AgentScript } from '../../shared/contract/agent/read-line';
import type { EventName, EventPayload } from '../../shared/contract/api';

export type { AgentScript };

/** One line as the job engine stores and shows it; `event` holds the parsed agent event when the line was one. */
export interface HostOutputLine {
  stream: 'out' | 'err';
  text: string;
  event: AgentEvent | null;
  /** Epoch milliseconds when the workstation received the line. */
  receivedAt: number;
}

export interface HostRunOptions {
  /** Called for every batch of lines, in order, while the script runs. */
  onLines: (lines: readonly HostOutputLine[]) => void;
  /** Aborting stops the local process and the remote pipeline; the run then rejects with code `cancelled`. */
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface HostRunResult {
  exitCode: number;
  /** The agent's final `result` event, when it printed one. */
  result: AgentEvent | null;
}

/**
 * Runs one agent entry script on one host: resolves the host and its secret, makes sure the host has the current
 * bundle (deploy + verify, once per host at a time), builds the transport's command and streams its output.
 * Rejects with an AppException (shared/contract/errors) whose code is one of powershell_missing, host_unreachable,
 * authentication_failed, script_failed, timed_out, cancelled, bundle_verification_failed, host_not_found.
 */
export interface HostExecutor {
  run(
    hostId: string,
    script: AgentScript,
    payload: Readonly<Record<string, unknown>>,
    options: HostRunOptions,
  ): Promise<HostRunResult>;
}

/** What the job engine tells the inventory (C8). */
export interface InventoryJobHooks {
  /** The VM's job started running: show `Deleting` and keep it through refreshes until the job ends. */
  markDeleting(hostId: string, vmId: string, jobId: string): void;
  /** The delete succeeded: prune the VM. */
  deleteSucceeded(hostId: string, vmId: string, jobId: string): Promise<void>;
  /** The delete failed or was interrupted: re-read the VM from its host; gone means pruned. */
  deleteFailed(hostId: string, vmId: string, jobId: string, message: string): Promise<void>;
  /** A lifecycle job ended (any outcome): re-read the VM so its state is the host's. */
  lifecycleEnded(hostId: string, vmId: string): Promise<void>;
  /** The VM as the inventory knows it, for request validation (C4); null when not tracked. */
  findVm(hostId: string, vmId: string): { name: string; state: string } | null;
}

/** Typed event emission: the composition root forwards these to IPC (main) or the browser harness. */
export interface EventSink {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

/** A clock, injected so tests control time. */
export interface Clock {
  now(): number;
}
