// Mirrors main's inventory (C2, C8): per host, the VMs with the status of the last read (collectedAt, stale,
// refreshing, error) and the host's facts. Loaded with `inventory.list` on connect, then kept current by
// `inventory.changed` (a snapshot after a read, a patch for single-VM changes). A delete the admin just
// submitted shows `Deleting` at once (an optimistic mark) until main's own mark, a failure marker or the job's
// end settles it. Unchanged VM objects and lists keep their identity, so 5,000 VMs re-render only what changed.
import type { ChannelValue, EventPayload } from '@shared/contract/api';
import type { AppError } from '@shared/contract/errors';
import type { HostFacts, InventorySnapshot, VmInfo } from '@shared/contract/inventory';
import { isJobActive } from '@shared/contract/jobs';
import type { Result } from '@shared/contract/result';
import type { HvApi } from '@shared/preload-api';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  applyPatch,
  applySnapshot,
  indexById,
  jsonEqual,
  overlayPending,
  type PendingDelete,
  pendingKey,
  pendingSettled,
} from './inventory-merge';

export type { PendingDelete } from './inventory-merge';

export interface HostInventory {
  readonly hostId: string;
  readonly collectedAt: string | null;
  readonly stale: boolean;
  readonly refreshing: boolean;
  readonly error: AppError | null;
  readonly host: HostFacts | null;
  /** The VMs as main reports them. */
  readonly reported: readonly VmInfo[];
  readonly reportedById: ReadonlyMap<string, VmInfo>;
  /** What the UI shows: `reported` with the optimistic marks laid over. Same reference until that changes. */
  readonly vms: readonly VmInfo[];
}

export interface InventoryState {
  /** `inventory.list` answered (or failed) once. */
  loaded: boolean;
  /** Why the first load failed; events still fill the store. */
  loadError: AppError | null;
  /** Host ids in the order they became known. */
  hostOrder: readonly string[];
  hosts: Readonly<Record<string, HostInventory>>;
  pending: ReadonlyMap<string, PendingDelete>;
  /** Shows these VMs as `Deleting` now; main's events reconcile the marks. */
  markDeleting(marks: readonly PendingDelete[]): void;
  /** Re-reads the hosts (all when omitted); the new data arrives as events. */
  refresh(hostIds?: readonly string[]): Promise<Result<ChannelValue<'inventory.refresh'>>>;
}

export type InventoryStore = StoreApi<InventoryState>;

type HostStatus = Omit<HostInventory, 'reported' | 'reportedById' | 'vms'>;
type HostUpdate = { status: HostStatus; vms: (previous: HostInventory | undefined) => readonly VmInfo[] };

const EMPTY_VMS: readonly VmInfo[] = Object.freeze([]);

/** One host's next record and the pending marks it settles. */
function nextHost(
  previous: HostInventory | undefined,
  update: HostUpdate,
  pending: ReadonlyMap<string, PendingDelete>,
) {
  const reported = update.vms(previous);
  const reportedById = previous && reported === previous.reported ? previous.reportedById : indexById(reported);
  const settled: string[] = [];
  for (const [key, mark] of pending) {
    if (mark.hostId === update.status.hostId && pendingSettled(mark, reportedById.get(mark.vmId))) settled.push(key);
  }
  return { reported, reportedById, settled };
}

function withShownVms(
  host: Omit<HostInventory, 'vms'>,
  pending: ReadonlyMap<string, PendingDelete>,
  previous: HostInventory | undefined,
): HostInventory {
  return { ...host, vms: overlayPending(host.reported, pending, host.hostId, previous?.vms) };
}

function hostsTouchedBy(marks: Iterable<PendingDelete>): Set<string> {
  return new Set([...marks].map((mark) => mark.hostId));
}

export function createInventoryStore(api: HvApi): InventoryStore {
  return createStore<InventoryState>()((set, get) => ({
    loaded: false,
    loadError: null,
    hostOrder: [],
    hosts: {},
    pending: new Map(),
    markDeleting: (marks) => {
      if (marks.length === 0) return;
      const state = get();
      // A mark main already confirmed (the job started at once) or a VM already gone needs no overlay.
      const open = marks.filter((mark) => {
        const host = state.hosts[mark.hostId];
        return host !== undefined && !pendingSettled(mark, host.reportedById.get(mark.vmId));
      });
      if (open.length === 0) return;
      const pending = new Map(state.pending);
      for (const mark of open) pending.set(pendingKey(mark.hostId, mark.vmId), mark);
      set(recomputeHosts(state, pending, hostsTouchedBy(open)));
    },
    refresh: (hostIds) => api.inventory.refresh(hostIds && hostIds.length > 0 ? { hostIds: [...hostIds] } : {}),
  }));
}

/** The shown lists of these hosts, after the pending marks changed. */
function recomputeHosts(state: InventoryState, pending: ReadonlyMap<string, PendingDelete>, hostIds: Set<string>) {
  const hosts = { ...state.hosts };
  for (const hostId of hostIds) {
    const host = hosts[hostId];
    if (host) hosts[hostId] = withShownVms(host, pending, host);
  }
  return { pending, hosts };
}

/** Applies one host's new status and VM list (from a list answer or an event). */
export function applyHostUpdate(store: InventoryStore, update: HostUpdate): void {
  const state = store.getState();
  const hostId = update.status.hostId;
  const previous = state.hosts[hostId];
  const { reported, reportedById, settled } = nextHost(previous, update, state.pending);
  let pending = state.pending;
  if (settled.length > 0) {
    const next = new Map(pending);
    for (const key of settled) next.delete(key);
    pending = next;
  }
  const host = withShownVms({ ...update.status, reported, reportedById }, pending, previous);
  const unchanged =
    previous !== undefined &&
    host.vms === previous.vms &&
    (Object.keys(update.status) as (keyof HostStatus)[]).every((key) => previous[key] === host[key]);
  if (unchanged && pending === state.pending) return;
  store.setState({
    pending,
    hosts: { ...state.hosts, [hostId]: host },
    hostOrder: state.hostOrder.includes(hostId) ? state.hostOrder : [...state.hostOrder, hostId],
  });
}

function statusOf(source: Omit<InventorySnapshot, 'vms'>, previous: HostInventory | undefined): HostStatus {
  // Unchanged error and facts keep their identity, so the status line does not re-render for them.
  const error = previous?.error && jsonEqual(previous.error, source.error) ? previous.error : source.error;
  const host = previous?.host && jsonEqual(previous.host, source.host) ? previous.host : source.host;
  return {
    hostId: source.hostId,
    collectedAt: source.collectedAt,
    stale: source.stale,
    refreshing: source.refreshing,
    error,
    host,
  };
}

export function applyInventoryEvent(store: InventoryStore, event: EventPayload<'inventory.changed'>): void {
  const previous = store.getState().hosts[event.hostId];
  const { change } = event;
  applyHostUpdate(store, {
    status: statusOf(event, previous),
    vms: (host) =>
      change.kind === 'snapshot'
        ? applySnapshot(host?.reported ?? EMPTY_VMS, host?.reportedById ?? new Map(), change.vms)
        : applyPatch(host?.reported ?? EMPTY_VMS, host?.reportedById ?? new Map(), change.upserted, change.removed),
  });
}

function applySnapshotRecord(store: InventoryStore, snapshot: InventorySnapshot): void {
  const previous = store.getState().hosts[snapshot.hostId];
  applyHostUpdate(store, {
    status: statusOf(snapshot, previous),
    vms: (host) => applySnapshot(host?.reported ?? EMPTY_VMS, host?.reportedById ?? new Map(), snapshot.vms),
  });
}

/** A job that ended without main ever marking its VM (cancelled while queued, refused at start): drop its mark. */
function settleEndedJob(store: InventoryStore, jobId: string): void {
  const state = store.getState();
  const ended = [...state.pending.entries()].filter(([, mark]) => mark.jobId === jobId);
  if (ended.length === 0) return;
  const pending = new Map(state.pending);
  for (const [key] of ended) pending.delete(key);
  store.setState(recomputeHosts(state, pending, hostsTouchedBy(ended.map(([, mark]) => mark))));
}

/** Removed hosts take their inventory with them (main sends no inventory event for a removed host). */
function pruneHosts(store: InventoryStore, hostIds: readonly string[]): void {
  const state = store.getState();
  const keep = new Set(hostIds);
  const gone = state.hostOrder.filter((hostId) => !keep.has(hostId));
  if (gone.length === 0) return;
  const hosts = { ...state.hosts };
  for (const hostId of gone) delete hosts[hostId];
  const pending = new Map([...state.pending].filter(([, mark]) => keep.has(mark.hostId)));
  store.setState({ hosts, pending, hostOrder: state.hostOrder.filter((hostId) => keep.has(hostId)) });
}

/** Subscribes the store to main's events and loads the initial state; returns the unsubscribe. */
export function connectInventoryEvents(api: HvApi, store: InventoryStore): () => void {
  // A host that an event already described is newer than the list answer, which may arrive after it.
  const seenByEvent = new Set<string>();
  let active = true;
  const unsubscribers = [
    api.on('inventory.changed', (event) => {
      seenByEvent.add(event.hostId);
      applyInventoryEvent(store, event);
    }),
    api.on('job.updated', ({ job }) => {
      if (!isJobActive(job.status)) settleEndedJob(store, job.id);
    }),
    api.on('hosts.changed', ({ hosts }) =>
      pruneHosts(
        store,
        hosts.map((host) => host.id),
      ),
    ),
  ];
  void api.inventory.list({}).then((result) => {
    if (!active) return;
    if (!result.ok) {
      store.setState({ loaded: true, loadError: result.error });
      return;
    }
    for (const snapshot of result.value.snapshots) {
      if (!seenByEvent.has(snapshot.hostId)) applySnapshotRecord(store, snapshot);
    }
    store.setState({ loaded: true, loadError: null });
  });
  return () => {
    active = false;
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

// Selectors. Each returns the same reference while its inputs are unchanged, so `useStore` skips renders.

export function selectHostVms(state: InventoryState, hostId: string): readonly VmInfo[] {
  return state.hosts[hostId]?.vms ?? EMPTY_VMS;
}

let allVmsInputs: readonly (readonly VmInfo[])[] = [];
let allVmsValue: readonly VmInfo[] = EMPTY_VMS;

/** Every host's VMs in one list, rebuilt only when one host's list changed (not on a status-only change). */
export function selectAllVms(state: InventoryState): readonly VmInfo[] {
  const inputs = state.hostOrder.map((hostId) => selectHostVms(state, hostId));
  const same = inputs.length === allVmsInputs.length && inputs.every((vms, i) => vms === allVmsInputs[i]);
  if (!same) {
    allVmsInputs = inputs;
    allVmsValue = inputs.length === 1 ? (inputs[0] ?? EMPTY_VMS) : inputs.flat();
  }
  return allVmsValue;
}

/** The VMs of one host, or of all hosts when hostId is null (the UI's "all hosts"). */
export function selectVms(state: InventoryState, hostId: string | null): readonly VmInfo[] {
  return hostId === null ? selectAllVms(state) : selectHostVms(state, hostId);
}

const byIdCache = new WeakMap<readonly VmInfo[], ReadonlyMap<string, VmInfo>>();

export function selectVm(state: InventoryState, hostId: string, vmId: string): VmInfo | null {
  const vms = selectHostVms(state, hostId);
  let byId = byIdCache.get(vms);
  if (!byId) {
    byId = indexById(vms);
    byIdCache.set(vms, byId);
  }
  return byId.get(vmId) ?? null;
}

let inventoriesInputs: { hostOrder: readonly string[]; hosts: InventoryState['hosts'] } | null = null;
let inventoriesValue: readonly HostInventory[] = [];

/** The record of every known host (for the status lines), in host order. */
export function selectHostInventories(state: InventoryState): readonly HostInventory[] {
  if (inventoriesInputs?.hostOrder !== state.hostOrder || inventoriesInputs.hosts !== state.hosts) {
    inventoriesInputs = { hostOrder: state.hostOrder, hosts: state.hosts };
    inventoriesValue = state.hostOrder.flatMap((hostId) => {
      const host = state.hosts[hostId];
      return host ? [host] : [];
    });
  }
  return inventoriesValue;
}
