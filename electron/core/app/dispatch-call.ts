// One call from outside the core, exactly as every boundary (Electron's IPC wrapper, the browser harness, the
// core process) must make it: the raw arguments parsed with the channel's schema, the handler awaited, and the
// outcome folded into the `{ok, value}` / `{ok: false, error}` envelope. Nothing a caller sends can reach a
// handler unparsed, and nothing a handler throws crosses the boundary as anything but a typed error.
import type { ChannelHandlers, ChannelName } from '../../../shared/contract/api';
import { parseArgs } from '../../../shared/contract/api';
import { appError, isAppException } from '../../../shared/contract/errors';
import { fail, ok, type Result } from '../../../shared/contract/result';

export async function dispatchCall(
  handlers: ChannelHandlers,
  channel: ChannelName,
  raw: unknown,
): Promise<Result<unknown>> {
  const parsed = parseArgs(channel, raw);
  if (!parsed.ok) return parsed;
  try {
    const handler = handlers[channel] as (args: unknown) => unknown;
    return ok(await handler(parsed.value));
  } catch (error) {
    if (isAppException(error)) return fail(error.error);
    return fail(appError('internal', error instanceof Error ? error.message : String(error)));
  }
}
