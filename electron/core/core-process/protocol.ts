// The messages between a parent and core-process/main.ts over Node's IPC channel (child_process.fork).
import type { ChannelName, EventEnvelope } from '../../../shared/contract/api';
import type { Result } from '../../../shared/contract/result';

export interface CoreProcessConfig {
  dataDir: string;
  repoRoot: string;
  powershellPath: string;
  requestedBy?: string;
  controlPlane?: string;
}

export type ParentMessage = { type: 'call'; id: number; channel: ChannelName; args: unknown } | { type: 'stop' };

export type ChildMessage =
  | { type: 'ready'; interrupted: readonly string[]; resumed: readonly string[] }
  /** Every VM of a job recovery interrupted has been re-read. */
  | { type: 'reconciled' }
  | ({ type: 'event' } & EventEnvelope)
  | { type: 'reply'; id: number; result: Result<unknown> }
  | { type: 'stopped' }
  | { type: 'fatal'; message: string };
