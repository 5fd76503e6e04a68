// One host's cached inventory: the host's own data (as last read, or as loaded from disk), the outcome of the
// last read, the sequence numbers that keep an older read from overwriting a newer one, and the app's overlays.
import type { ConvertedInventory } from '../../../shared/contract/agent/convert';
import type { AppError } from '../../../shared/contract/errors';
import type { HostFacts, InventorySnapshot, VmInfo } from '../../../shared/contract/inventory';
import { PERSISTED_INVENTORY_FORMAT, type PersistedInventory } from './inventory-persistence';
import { VmOverlays } from './vm-overlays';

export interface ReadInFlight {
  seq: number;
  promise: Promise<void>;
}

export class HostInventory {
  readonly overlays = new VmOverlays();
  /** Reads of this host now running (several when a re-read was asked while a refresh ran). */
  readsInFlight = 0;
  /** The newest read started; on-demand refreshes join it instead of starting another. */
  latestRead: ReadInFlight | null = null;
  /** Aborted when the host is removed or the service stops. */
  readonly aborts = new Set<AbortController>();

  private data = new Map<string, VmInfo>();
  private collectedAt: string | null = null;
  private host: HostFacts | null = null;
  private stale = false;
  private error: AppError | null = null;
  // Sequence numbers come from the service's one counter, taken when a read starts (or a local change is made).
  // The data shown is from `dataSeq`; a read that started earlier is older than what is shown and is discarded.
  private dataSeq = 0;
  private errorSeq = 0;

  constructor(readonly hostId: string) {}

  /** The cache from disk: shown at once, every VM marked stale until the host is read again (C2). */
  static fromPersisted(record: PersistedInventory): HostInventory {
    const inventory = new HostInventory(record.hostId);
    inventory.data = new Map(record.vms.map((vm) => [vm.id, hostData({ ...vm, stale: true })]));
    inventory.collectedAt = record.collectedAt;
    inventory.host = record.host;
    inventory.stale = true;
    return inventory;
  }

  /** A successful read. False when a newer read or change was applied since it started (it is discarded). */
  applyRead(seq: number, inventory: ConvertedInventory, collectedAt: string): boolean {
    if (seq <= this.dataSeq) return false;
    this.dataSeq = seq;
    this.data = new Map(inventory.vms.map((vm) => [vm.id, hostData({ ...vm, hostId: this.hostId, stale: false })]));
    this.collectedAt = collectedAt;
    this.host = inventory.host;
    this.stale = false;
    if (seq > this.errorSeq) this.error = null;
    for (const vm of this.data.values()) this.overlays.remember(vm);
    this.overlays.clearFailedExcept(new Set(this.data.keys()));
    return true;
  }

  /** A failed read: the error is shown beside the data already there, unless something newer is shown. */
  applyReadError(seq: number, error: AppError): boolean {
    if (seq <= this.dataSeq || seq <= this.errorSeq) return false;
    this.errorSeq = seq;
    this.error = error;
    return true;
  }

  /** A change the app made itself (a prune) is newer than every read started before it. */
  markLocalChange(seq: number): void {
    this.dataSeq = Math.max(this.dataSeq, seq);
  }

  /** The host's data for one VM (no overlays), or null. */
  hostVm(vmId: string): VmInfo | null {
    return this.data.get(vmId) ?? null;
  }

  /** Puts a VM back into the data (a failed delete whose VM a refresh no longer listed), flagged unconfirmed. */
  restoreUnconfirmed(vm: VmInfo): void {
    this.data.set(vm.id, hostData({ ...vm, stale: true }));
  }

  /** Marks a VM's data unconfirmed until the next successful read. */
  markUnconfirmed(vmId: string): void {
    const vm = this.data.get(vmId);
    if (vm) this.data.set(vmId, { ...vm, stale: true });
  }

  prune(vmId: string): boolean {
    return this.data.delete(vmId);
  }

  /** The VM as shown: host data with overlays; a VM being deleted stays shown even when a read no longer lists it. */
  vm(vmId: string): VmInfo | null {
    const vm = this.data.get(vmId);
    if (vm) return this.overlays.apply(vm);
    return this.overlays.missingDeleting(new Set(this.data.keys())).find((missing) => missing.id === vmId) ?? null;
  }

  vms(): VmInfo[] {
    const shown = [...this.data.values()].map((vm) => this.overlays.apply(vm));
    return [...shown, ...this.overlays.missingDeleting(new Set(this.data.keys()))];
  }

  snapshot(): InventorySnapshot {
    return {
      hostId: this.hostId,
      collectedAt: this.collectedAt,
      stale: this.stale,
      refreshing: this.readsInFlight > 0,
      error: this.error,
      host: this.host,
      vms: this.vms(),
    };
  }

  toPersisted(): PersistedInventory {
    return {
      format: PERSISTED_INVENTORY_FORMAT,
      hostId: this.hostId,
      collectedAt: this.collectedAt,
      host: this.host,
      vms: [...this.data.values()].map((vm) => ({ ...vm, stale: false })),
    };
  }
}

/** The host's data never carries the app's overlay fields; they are added when the VM is shown. */
function hostData(vm: VmInfo): VmInfo {
  return { ...vm, activeJobId: null, deleteFailed: null };
}
