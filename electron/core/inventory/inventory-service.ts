// The inventory of every host (C2, C8): a per-host cache of VMs and host facts, loaded from disk at start and
// shown at once (stale), refreshed on a staggered interval and on demand, with the job engine's transitions
// (Deleting, pruned, re-read after a failure) laid over it. Changes go out as `inventory.changed` events: a
// snapshot after a read, a patch for single-VM changes.
import { AppException, appError } from '../../../shared/contract/errors';
import type { InventorySnapshot, VmInfo } from '../../../shared/contract/inventory';
import { clip } from '../../../shared/contract/primitives';
import type { InventoryReadOutcome } from '../hosts/status-from-read';
import type { Clock, EventSink, HostExecutor, InventoryJobHooks } from '../ports';
import { collectInventory, toReadError } from './collect-inventory';
import { HostInventory } from './host-inventory';
import type { InventoryPersistence } from './inventory-persistence';
import { RefreshSchedule } from './refresh-schedule';
import { systemTimers, type Timers } from './timers';

export interface InventoryServiceOptions {
  executor: HostExecutor;
  events: EventSink;
  clock: Clock;
  persistence: InventoryPersistence;
  timers?: Timers;
  /** Interval between two reads of one host (settings.inventoryRefreshSeconds). */
  refreshIntervalMs: number;
  /** Longest one read may take (settings.jobTimeouts.inventorySeconds). */
  readTimeoutMs: number;
  /** The agent payload's requested_by and control_plane (the workstation user and name). */
  requestedBy: string;
  controlPlane: string;
  /** Told about a failed cache write; the in-memory inventory stays right and the next write retries. */
  onPersistError?: (error: unknown) => void;
  /** Told what each applied read learned about the host itself (the host list shows it as the host's status). */
  onHostRead?: (hostId: string, read: InventoryReadOutcome) => void;
}

type ReadMode = 'join' | 'fresh';

export class InventoryService implements InventoryJobHooks {
  private readonly hosts = new Map<string, HostInventory>();
  private readonly schedule: RefreshSchedule;
  private readonly pendingWrites = new Set<Promise<void>>();
  private readTimeoutMs: number;
  private seq = 0;

  constructor(private readonly options: InventoryServiceOptions) {
    this.readTimeoutMs = options.readTimeoutMs;
    this.schedule = new RefreshSchedule(options.timers ?? systemTimers, options.refreshIntervalMs, (hostId) => {
      const host = this.hosts.get(hostId);
      if (host) void this.read(host, 'join');
    });
  }

  /** Loads the persisted cache of these hosts (stale until read), forgets any other host's, starts the schedule. */
  async start(hostIds: readonly string[]): Promise<void> {
    const wanted = new Set(hostIds);
    for (const record of await this.options.persistence.loadAll()) {
      if (wanted.has(record.hostId)) this.hosts.set(record.hostId, HostInventory.fromPersisted(record));
      else this.track(this.options.persistence.remove(record.hostId));
    }
    for (const hostId of hostIds) {
      if (!this.hosts.has(hostId)) this.hosts.set(hostId, new HostInventory(hostId));
    }
    this.schedule.start(hostIds);
  }

  /** Stops the schedule and abandons the reads running now. */
  stop(): void {
    this.schedule.stop();
    for (const host of this.hosts.values()) abortReads(host);
  }

  /** A host was added: it is read at once, then on the interval. */
  addHost(hostId: string): void {
    if (this.hosts.has(hostId)) return;
    this.hosts.set(hostId, new HostInventory(hostId));
    this.schedule.add(hostId);
  }

  /** A host was removed: its cache, its schedule and its persisted record go. */
  removeHost(hostId: string): void {
    const host = this.hosts.get(hostId);
    if (!host) return;
    this.hosts.delete(hostId);
    this.schedule.remove(hostId);
    abortReads(host);
    this.track(this.options.persistence.remove(hostId));
  }

  setRefreshInterval(intervalMs: number): void {
    this.schedule.setInterval(intervalMs);
  }

  setReadTimeout(timeoutMs: number): void {
    this.readTimeoutMs = timeoutMs;
  }

  /** inventory.list: the cached snapshots, at once. */
  list(hostId?: string): InventorySnapshot[] {
    if (hostId !== undefined) return [this.requireHost(hostId).snapshot()];
    return [...this.hosts.values()].map((host) => host.snapshot());
  }

  /** inventory.getVm */
  getVm(hostId: string, vmId: string): VmInfo {
    const vm = this.requireHost(hostId).vm(vmId);
    if (!vm) throw new AppException(appError('vm_not_found', 'No VM with that id is known on this host.', { hostId }));
    return vm;
  }

  /** inventory.refresh: reads the hosts (joining reads already running) and answers with what is shown after. */
  async refresh(hostIds?: readonly string[]): Promise<InventorySnapshot[]> {
    const hosts = hostIds === undefined ? [...this.hosts.values()] : hostIds.map((id) => this.requireHost(id));
    await Promise.all(hosts.map((host) => this.read(host, 'join')));
    return hosts.map((host) => host.snapshot());
  }

  findVm(hostId: string, vmId: string): { name: string; state: string } | null {
    const vm = this.hosts.get(hostId)?.vm(vmId);
    return vm ? { name: vm.name, state: vm.state } : null;
  }

  markDeleting(hostId: string, vmId: string, jobId: string): void {
    const host = this.hosts.get(hostId);
    if (!host) return;
    host.overlays.markDeleting(vmId, jobId, host.hostVm(vmId));
    const vm = host.vm(vmId);
    if (vm) this.emitPatch(host, [vm], []);
  }

  async deleteSucceeded(hostId: string, vmId: string, _jobId: string): Promise<void> {
    const host = this.hosts.get(hostId);
    if (!host) return;
    const wasShown = host.vm(vmId) !== null;
    host.overlays.endDeleting(vmId);
    host.overlays.clearFailed(vmId);
    // Reads that started while the job ran may still list the VM: the prune is newer than all of them.
    host.markLocalChange(this.nextSeq());
    host.prune(vmId);
    if (wasShown) this.emitPatch(host, [], [vmId]);
    this.persist(host);
  }

  async deleteFailed(hostId: string, vmId: string, jobId: string, message: string): Promise<void> {
    const host = this.hosts.get(hostId);
    if (!host) return;
    const lastKnown = host.overlays.endDeleting(vmId);
    host.markLocalChange(this.nextSeq());
    host.overlays.markFailed(vmId, { jobId, message: clip(message) });
    // Until the host is read again, the VM shows as last seen, flagged unconfirmed (never as a trusted copy).
    if (host.hostVm(vmId)) host.markUnconfirmed(vmId);
    else if (lastKnown) host.restoreUnconfirmed(lastKnown);
    const vm = host.vm(vmId);
    if (vm) this.emitPatch(host, [vm], []);
    // A fresh read: one started before the job ended may show the VM mid-delete.
    await this.read(host, 'fresh');
  }

  async lifecycleEnded(hostId: string, _vmId: string): Promise<void> {
    const host = this.hosts.get(hostId);
    if (host) await this.read(host, 'fresh');
  }

  /** Resolves once the reads and cache writes started so far are done (tests, shutdown). */
  async idle(): Promise<void> {
    for (;;) {
      const reads = [...this.hosts.values()].flatMap((host) => (host.latestRead ? [host.latestRead.promise] : []));
      const pending = [...reads, ...this.pendingWrites];
      if (pending.length === 0) return;
      await Promise.all(pending);
    }
  }

  private read(host: HostInventory, mode: ReadMode): Promise<void> {
    if (mode === 'join' && host.latestRead) return host.latestRead.promise;
    const seq = this.nextSeq();
    const abort = new AbortController();
    host.aborts.add(abort);
    host.readsInFlight += 1;
    if (host.readsInFlight === 1) this.emitPatch(host, [], []);
    const promise = this.runRead(host, seq, abort);
    host.latestRead = { seq, promise };
    return promise;
  }

  /** Never rejects: a failure is kept on the host and shown beside the cached VMs. */
  private async runRead(host: HostInventory, seq: number, abort: AbortController): Promise<void> {
    let outcome: { ok: true; inventory: Awaited<ReturnType<typeof collectInventory>> } | { ok: false; error: unknown };
    try {
      const inventory = await collectInventory(this.options.executor, host.hostId, {
        jobId: `inventory-${host.hostId}-${this.options.clock.now()}-${seq}`,
        requestedBy: this.options.requestedBy,
        controlPlane: this.options.controlPlane,
        timeoutMs: this.readTimeoutMs,
        signal: abort.signal,
      });
      outcome = { ok: true, inventory };
    } catch (error) {
      outcome = { ok: false, error };
    }
    host.aborts.delete(abort);
    host.readsInFlight -= 1;
    if (host.latestRead?.seq === seq) host.latestRead = null;
    // Abandoned (host removed, service stopped): nothing to show.
    if (abort.signal.aborted || this.hosts.get(host.hostId) !== host) return;
    if (outcome.ok) {
      const collectedAt = new Date(this.options.clock.now()).toISOString();
      if (host.applyRead(seq, outcome.inventory, collectedAt)) {
        this.options.onHostRead?.(host.hostId, { ok: true, facts: outcome.inventory.host });
        this.emitSnapshot(host);
        this.persist(host);
        return;
      }
    } else {
      const error = toReadError(outcome.error, host.hostId);
      if (host.applyReadError(seq, error)) {
        this.options.onHostRead?.(host.hostId, { ok: false, error });
        this.emitPatch(host, [], []);
        return;
      }
    }
    // Discarded (older than what is shown); say so only when the host is no longer refreshing.
    if (host.readsInFlight === 0) this.emitPatch(host, [], []);
  }

  private emitSnapshot(host: HostInventory): void {
    const { vms, ...header } = host.snapshot();
    this.options.events.emit('inventory.changed', { ...header, change: { kind: 'snapshot', vms } });
  }

  /** A patch; an empty one tells that only the header changed (refreshing, error). */
  private emitPatch(host: HostInventory, upserted: VmInfo[], removed: string[]): void {
    const { vms: _vms, ...header } = host.snapshot();
    this.options.events.emit('inventory.changed', { ...header, change: { kind: 'patch', upserted, removed } });
  }

  private persist(host: HostInventory): void {
    this.track(this.options.persistence.save(host.toPersisted()));
  }

  private track(write: Promise<void>): void {
    const tracked = write.catch((error: unknown) => this.options.onPersistError?.(error));
    this.pendingWrites.add(tracked);
    void tracked.finally(() => this.pendingWrites.delete(tracked));
  }

  private requireHost(hostId: string): HostInventory {
    const host = this.hosts.get(hostId);
    if (!host) throw new AppException(appError('host_not_found', 'No host with that id.', { hostId }));
    return host;
  }

  private nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }
}

function abortReads(host: HostInventory): void {
  for (const abort of host.aborts) abort.abort();
}
