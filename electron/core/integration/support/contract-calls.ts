// Calls the core's handlers the way main's IPC wrapper will: the arguments as the renderer sends them, parsed
// with the channel's schema first (defaults applied, unknown keys refused), the value awaited. A refusal throws
// the AppException (the wrapper would turn it into `{ok: false, error}`).
import {
  type ChannelArgsInput,
  type ChannelHandlers,
  type ChannelName,
  type ChannelValue,
  channelNames,
  parseArgs,
} from '../../../../shared/contract/api';
import { AppException } from '../../../../shared/contract/errors';

export type ContractCalls = { readonly [C in ChannelName]: (args: ChannelArgsInput<C>) => Promise<ChannelValue<C>> };

export function contractCalls(handlers: ChannelHandlers): ContractCalls {
  const calls: Record<string, (args: unknown) => Promise<unknown>> = {};
  for (const name of channelNames) {
    calls[name] = async (raw: unknown) => {
      const parsed = parseArgs(name, raw);
      if (!parsed.ok) throw new AppException(parsed.error);
      return (handlers[name] as (args: unknown) => unknown)(parsed.value);
    };
  }
  return calls as unknown as ContractCalls;
}

/** The code of what a call threw (or 'no error'). */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'no error';
  } catch (error) {
    return error instanceof AppException ? error.error.code : `not an AppException: ${String(error)}`;
  }
}
