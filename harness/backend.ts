// What the harness serves the page's calls from. By default the real core (core-backend.ts); benchmarks and
// tests pass their own, which receives the harness's event sink so it can emit events as the core would.
import type { EventSink } from '../electron/core/ports';
import type { ChannelHandlers, ChannelName } from '../shared/contract/api';
import { AppException, appError } from '../shared/contract/errors';

export interface HarnessBackend {
  readonly handlers: ChannelHandlers;
  /** Test-only operations (POST /__harness/control/<operation>), e.g. lab faults; absent: none. */
  control?(operation: string, body: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/** Builds the backend once the harness's event sink exists. */
export type HarnessBackendFactory = (events: EventSink) => HarnessBackend | Promise<HarnessBackend>;

/** A handler set where every channel not given answers a typed `internal` error (benchmarks, tests). */
export function partialHandlers(given: Partial<ChannelHandlers>): ChannelHandlers {
  return new Proxy(given, {
    get(target, property) {
      const handler = target[property as ChannelName];
      if (handler !== undefined) return handler;
      return () => {
        throw new AppException(appError('internal', `The harness backend does not implement ${String(property)}.`));
      };
    },
  }) as ChannelHandlers;
}
