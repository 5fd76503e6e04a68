// An EventSink that checks every event against the contract (the envelope schema the renderer uses) and keeps
// the parsed payloads for the test to look at.
import { type EventName, type EventPayload, eventEnvelopeSchema } from '../../../../shared/contract/api';
import type { EventSink } from '../../ports';

export type InventoryChanged = EventPayload<'inventory.changed'>;

export class RecordingSink implements EventSink {
  readonly inventory: InventoryChanged[] = [];

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const envelope = eventEnvelopeSchema.parse({ event: name, payload });
    if (envelope.event !== 'inventory.changed') throw new Error(`unexpected event ${name}`);
    this.inventory.push(envelope.payload);
  }

  /** The last event of a host. */
  last(hostId: string): InventoryChanged {
    const event = this.inventory.filter((item) => item.hostId === hostId).at(-1);
    if (!event) throw new Error(`no inventory event for ${hostId}`);
    return event;
  }

  clear(): void {
    this.inventory.length = 0;
  }
}
