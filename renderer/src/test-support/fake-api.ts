// A stand-in for `window.hvapi` in component and store tests: the real contract's call object (buildApi), with
// handlers the test supplies per channel, arguments parsed with the real schemas, and `emit` to push events
// as main would. A call without a handler fails with `internal`, so a test notices a call it did not expect.
import {
  buildApi,
  type ChannelArgs,
  type ChannelName,
  type ChannelValue,
  channelOfIpc,
  type EventName,
  type EventPayload,
  parseArgs,
} from '@shared/contract/api';
import { appError, isAppException } from '@shared/contract/errors';
import { fail, ok } from '@shared/contract/result';
import type { HvApi } from '@shared/preload-api';

export type FakeHandlers = {
  [C in ChannelName]?: (args: ChannelArgs<C>) => ChannelValue<C> | Promise<ChannelValue<C>>;
};

export interface FakeApi {
  readonly api: HvApi;
  /** Every call made, in order, with the parsed arguments. */
  readonly calls: { channel: ChannelName; args: unknown }[];
  /** Pushes one event to the subscribers, as a batch from main would. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Replaces or adds handlers after creation. */
  handle(handlers: FakeHandlers): void;
}

export function createFakeApi(initial: FakeHandlers = {}): FakeApi {
  const handlers: FakeHandlers = { 'app.ready': () => ({}), ...initial };
  const calls: FakeApi['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const contractApi = buildApi(async (ipcName, raw) => {
    const channel = channelOfIpc(ipcName);
    if (!channel) return fail(appError('internal', `unknown channel ${ipcName}`));
    const parsed = parseArgs(channel, raw);
    if (!parsed.ok) return parsed;
    calls.push({ channel, args: parsed.value });
    const handler = handlers[channel] as ((args: unknown) => unknown) | undefined;
    if (!handler) return fail(appError('internal', `the fake API has no handler for ${channel}`));
    try {
      return ok(await handler(parsed.value));
    } catch (error) {
      if (isAppException(error)) return fail(error.error);
      throw error;
    }
  });
  const api: HvApi = Object.freeze({
    ...contractApi,
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: unknown) => void);
      return () => set.delete(listener as (payload: unknown) => void);
    },
    version: Object.freeze({ app: '0.0.0-test', electron: 'n/a', chrome: 'n/a', node: 'n/a' }),
  });
  return {
    api,
    calls,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    handle: (more) => Object.assign(handlers, more),
  };
}
