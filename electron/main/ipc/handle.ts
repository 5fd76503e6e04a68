// THE IPC wrapper: every contract channel is registered here and nowhere else. Each call is checked in order:
// the sender frame (forbidden_sender), the core having started, the arguments against the channel's zod schema
// (validation_failed), then the handler; the answer is always the `{ok, value}` / `{ok: false, error}` envelope,
// never a rejected promise. `app.ready` additionally tells the caller's window that its renderer listens now.
import { type ChannelHandlers, type ChannelName, channelNames, ipcChannel } from '../../../shared/contract/api';
import { appError } from '../../../shared/contract/errors';
import { fail, type Result } from '../../../shared/contract/result';
import { dispatchCall } from '../../core/app/dispatch-call';
import type { InvokeEventLike, IpcMainLike } from './ipc-ports';
import type { SenderVerdict } from './sender-check';

export interface ContractIpcOptions {
  readonly ipcMain: IpcMainLike;
  readonly handlers: ChannelHandlers;
  /** The sender-frame check (sender-check.ts, bound to the current window). */
  readonly checkSender: (event: InvokeEventLike) => SenderVerdict;
  /**
   * Settles once the core has started (or failed to). Calls wait for it rather than answer `not_ready`, so a
   * window shown early simply sees its first calls take a moment longer. `app.ready` never waits.
   */
  readonly whenStarted?: Promise<unknown>;
  /** A trusted `app.ready` succeeded: open the event gate for that window. */
  readonly onRendererReady: (event: InvokeEventLike) => void;
  /** A refused call, for the log (never its arguments: they may hold a host secret). */
  readonly onForbidden?: (channel: ChannelName, reason: string) => void;
}

/** Handles one channel through the wrapper. */
export function handle(options: ContractIpcOptions, channel: ChannelName): void {
  options.ipcMain.handle(ipcChannel(channel), async (event, args): Promise<Result<unknown>> => {
    const verdict = options.checkSender(event);
    if (!verdict.trusted) {
      options.onForbidden?.(channel, verdict.reason);
      return fail(appError('forbidden_sender', `Refused ${channel}: ${verdict.reason}.`));
    }
    if (channel !== 'app.ready') await options.whenStarted?.catch(() => undefined);
    const result = await dispatchCall(options.handlers, channel, args);
    if (channel === 'app.ready' && result.ok) options.onRendererReady(event);
    return result;
  });
}

/** Registers every channel of the contract; the returned function removes them all again. */
export function registerContractIpc(options: ContractIpcOptions): () => void {
  for (const channel of channelNames) handle(options, channel);
  return () => {
    for (const channel of channelNames) options.ipcMain.removeHandler(ipcChannel(channel));
  };
}
