// The renderer's event subscriptions, inside the preload: main sends `EventEnvelope[]` batches on one channel and
// each event goes to the subscribers of its name, in order. Plain code (no 'electron'), so it is tested in Node.
import type { EventEnvelope, Subscribe } from '@shared/contract/api';

type Listener = (payload: unknown) => void;

export interface EventListeners {
  /** What `hvapi.on(event, listener)` does; the returned function unsubscribes. */
  readonly on: Subscribe;
  /** Hands one message from the event channel to the subscribers; anything but an array of envelopes is ignored. */
  deliver(batch: unknown): void;
}

function isEnvelope(value: unknown): value is EventEnvelope {
  return typeof value === 'object' && value !== null && typeof (value as { event?: unknown }).event === 'string';
}

export function createEventListeners(reportError: (error: unknown) => void = console.error): EventListeners {
  const listeners = new Map<string, Set<Listener>>();
  return {
    on: (event, listener) => {
      if (typeof listener !== 'function') throw new TypeError('hvapi.on needs a listener function');
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      // Wrapped, so subscribing the same function twice gives two subscriptions, each removed by its own call.
      const entry: Listener = (payload) => (listener as Listener)(payload);
      set.add(entry);
      return () => {
        set.delete(entry);
      };
    },
    deliver: (batch) => {
      if (!Array.isArray(batch)) return;
      for (const envelope of batch) {
        if (!isEnvelope(envelope)) continue;
        for (const listener of [...(listeners.get(envelope.event) ?? [])]) {
          // One failing subscriber must not keep the event from the others, nor the rest of the batch.
          try {
            listener(envelope.payload);
          } catch (error) {
            reportError(error);
          }
        }
      }
    },
  };
}
