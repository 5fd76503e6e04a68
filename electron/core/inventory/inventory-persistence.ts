// Where the inventory cache survives a restart (C2: shown at once on start, marked stale until refreshed).
// One record per host, replaced whole after each refresh. The file-backed implementation is in
// file-inventory-persistence.ts; the in-memory one here serves the unit tests.
import { z } from 'zod';
import { hostFactsSchema, vmInfoSchema } from '../../../shared/contract/inventory';
import { hostIdSchema, timestampSchema } from '../../../shared/contract/primitives';

export const PERSISTED_INVENTORY_FORMAT = 1;

/** The host's own data as last read; the app's overlays (Deleting, delete failed) are not persisted. */
export const persistedInventorySchema = z.strictObject({
  format: z.literal(PERSISTED_INVENTORY_FORMAT),
  hostId: hostIdSchema,
  collectedAt: timestampSchema.nullable(),
  host: hostFactsSchema.nullable(),
  vms: z.array(vmInfoSchema),
});
export type PersistedInventory = z.output<typeof persistedInventorySchema>;

export interface InventoryPersistence {
  /** Every stored host record; a record that cannot be read is left out (the next refresh rewrites it). */
  loadAll(): Promise<PersistedInventory[]>;
  /** Replaces the host's record; writes for one host land in call order. */
  save(record: PersistedInventory): Promise<void>;
  remove(hostId: string): Promise<void>;
}

export class MemoryInventoryPersistence implements InventoryPersistence {
  private readonly records = new Map<string, PersistedInventory>();

  constructor(initial: readonly PersistedInventory[] = []) {
    for (const record of initial) this.records.set(record.hostId, persistedInventorySchema.parse(record));
  }

  async loadAll(): Promise<PersistedInventory[]> {
    return [...this.records.values()].map((record) => structuredClone(record));
  }

  async save(record: PersistedInventory): Promise<void> {
    this.records.set(record.hostId, persistedInventorySchema.parse(structuredClone(record)));
  }

  async remove(hostId: string): Promise<void> {
    this.records.delete(hostId);
  }

  /** What is stored now (tests). */
  get(hostId: string): PersistedInventory | undefined {
    const record = this.records.get(hostId);
    return record === undefined ? undefined : structuredClone(record);
  }
}
