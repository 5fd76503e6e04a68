// Types and small helpers derived from the contract, so main (handlers), preload (the exposed object) and
// renderer (callers, subscribers) all take their shapes from channels.ts and events.ts and nowhere else.
import { z } from 'zod';
import { contract } from './channels';
import { events } from './events';
import { fail, ok, type Result } from './result';
import { zodErrorToAppError } from './validation';

type Contract = typeof contract;
type Events = typeof events;

export type ChannelName = keyof Contract;
export type EventName = keyof Events;

/** What a caller passes (defaults not yet applied). */
export type ChannelArgsInput<C extends ChannelName> = z.input<Contract[C]['args']>;
/** What a handler receives, after the args schema parsed it. */
export type ChannelArgs<C extends ChannelName> = z.output<Contract[C]['args']>;
/** The value inside the `{ok: true}` envelope. */
export type ChannelValue<C extends ChannelName> = z.output<Contract[C]['result']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

/** One call as the renderer sees it: never rejects; failures come back as `{ok: false, error}`. Channels
 *  without arguments may be called with none. */
export type ApiCall<C extends ChannelName> =
  Record<string, never> extends ChannelArgsInput<C>
    ? (args?: ChannelArgsInput<C>) => Promise<Result<ChannelValue<C>>>
    : (args: ChannelArgsInput<C>) => Promise<Result<ChannelValue<C>>>;

/** What main implements per channel: parsed args in, the value out (throw AppException for a typed failure). */
export type ChannelHandler<C extends ChannelName> = (
  args: ChannelArgs<C>,
) => ChannelValue<C> | Promise<ChannelValue<C>>;
export type ChannelHandlers = { readonly [C in ChannelName]: ChannelHandler<C> };

type DomainOf<N extends string> = N extends `${infer D}.${string}` ? D : never;
export type ApiDomain = DomainOf<ChannelName>;

/** The namespaced call object: `api.jobs.submitDelete(args)`, one function per channel. */
export type ContractApi = {
  readonly [D in ApiDomain]: {
    readonly [N in ChannelName as N extends `${D}.${infer M}` ? M : never]: ApiCall<N>;
  };
};

export type Unsubscribe = () => void;
export type EventListener<E extends EventName> = (payload: EventPayload<E>) => void;
/** Subscribe to one event; the returned function unsubscribes. */
export type Subscribe = <E extends EventName>(event: E, listener: EventListener<E>) => Unsubscribe;

/** Every IPC channel name carries this prefix; they are defined here and nowhere else. */
export const IPC_PREFIX = 'hvapi:';
export type IpcChannel<C extends ChannelName = ChannelName> = `${typeof IPC_PREFIX}${C}`;
/** The one channel main sends event batches on (`EventEnvelope[]`). */
export const EVENT_CHANNEL = 'hvapi:events';

export const channelNames = Object.freeze(Object.keys(contract) as ChannelName[]);
export const eventNames = Object.freeze(Object.keys(events) as EventName[]);

export function ipcChannel<C extends ChannelName>(name: C): IpcChannel<C> {
  return `${IPC_PREFIX}${name}`;
}

/** The channel a prefixed IPC name stands for, or null (for a wrapper that receives raw channel strings). */
export function channelOfIpc(ipcName: string): ChannelName | null {
  if (!ipcName.startsWith(IPC_PREFIX)) return null;
  const name = ipcName.slice(IPC_PREFIX.length);
  return Object.hasOwn(contract, name) ? (name as ChannelName) : null;
}

export type EventEnvelope = { [E in EventName]: { event: E; payload: EventPayload<E> } }[EventName];

/** One event as it travels in a batch; parse with it to check what main emits (tests, the harness). */
export const eventEnvelopeSchema = z.union(
  eventNames.map((name) => z.strictObject({ event: z.literal(name), payload: events[name] })),
) as unknown as z.ZodType<EventEnvelope>;
export const eventBatchSchema = z.array(eventEnvelopeSchema).min(1);

/** Parses a call's arguments with its schema: the parsed args, or `validation_failed` with each field's path. */
export function parseArgs<C extends ChannelName>(name: C, raw: unknown): Result<ChannelArgs<C>> {
  const parsed = contract[name].args.safeParse(raw);
  if (parsed.success) return ok(parsed.data as ChannelArgs<C>);
  return fail(zodErrorToAppError(parsed.error, 'validation_failed', `arguments for ${name}`));
}

/** Builds the namespaced call object over one transport function (ipcRenderer.invoke in the preload, a
 *  fetch in the browser harness, a fake in tests). The transport returns the envelope main sent. */
export function buildApi(invoke: (channel: IpcChannel, args: unknown) => Promise<unknown>): ContractApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const name of channelNames) {
    const [domain = '', method = ''] = name.split('.');
    api[domain] ??= {};
    const domainApi = api[domain];
    if (domainApi) domainApi[method] = (args?: unknown) => invoke(ipcChannel(name), args ?? {});
  }
  for (const domainApi of Object.values(api)) Object.freeze(domainApi);
  return Object.freeze(api) as unknown as ContractApi;
}
