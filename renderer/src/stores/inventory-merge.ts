// Pure helpers of the inventory store: apply a snapshot or a patch to one host's VM list while keeping every
// unchanged VM object (and the list itself when nothing changed) identical, so memoized sorts, filters and rows
// downstream only redo work for what really changed. A periodic refresh that finds nothing new costs no render.
import type { VmInfo } from '@shared/contract/inventory';
import { DELETING_STATE } from '@shared/contract/vm-state';

/** Structural equality of plain JSON values (what the contract's DTOs are). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  const keys = Object.keys(aRecord);
  if (keys.length !== Object.keys(bRecord).length) return false;
  for (const key of keys) if (!jsonEqual(aRecord[key], bRecord[key])) return false;
  return true;
}

/** The incoming VM, or the previous object when nothing in it changed. */
function reuse(previous: VmInfo | undefined, next: VmInfo): VmInfo {
  return previous !== undefined && jsonEqual(previous, next) ? previous : next;
}

function sameItems(a: readonly VmInfo[], b: readonly VmInfo[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function indexById(vms: readonly VmInfo[]): ReadonlyMap<string, VmInfo> {
  return new Map(vms.map((vm) => [vm.id, vm]));
}

/** A whole host's list replaces the previous one (order as the host reported it). */
export function applySnapshot(
  previous: readonly VmInfo[],
  byId: ReadonlyMap<string, VmInfo>,
  incoming: readonly VmInfo[],
): readonly VmInfo[] {
  // A host's first snapshot (a fleet's inventory arriving): nothing to reuse, so no copy and no comparison.
  if (byId.size === 0) return previous.length === 0 && incoming.length === 0 ? previous : incoming;
  const next = incoming.map((vm) => reuse(byId.get(vm.id), vm));
  return sameItems(previous, next) ? previous : next;
}

/** A few VMs changed: upserted ones replace theirs in place (new ones go last), removed ones leave. */
export function applyPatch(
  previous: readonly VmInfo[],
  byId: ReadonlyMap<string, VmInfo>,
  upserted: readonly VmInfo[],
  removed: readonly string[],
): readonly VmInfo[] {
  if (upserted.length === 0 && removed.length === 0) return previous;
  const updates = new Map(upserted.map((vm) => [vm.id, reuse(byId.get(vm.id), vm)]));
  const gone = new Set(removed);
  const next: VmInfo[] = [];
  for (const vm of previous) {
    if (gone.has(vm.id)) continue;
    const update = updates.get(vm.id);
    next.push(update ?? vm);
    updates.delete(vm.id);
  }
  for (const vm of updates.values()) if (!gone.has(vm.id)) next.push(vm);
  return sameItems(previous, next) ? previous : next;
}

/** A delete the admin just submitted, shown as `Deleting` until main's own mark (or the job's end) arrives. */
export interface PendingDelete {
  readonly hostId: string;
  readonly vmId: string;
  readonly jobId: string;
}

export function pendingKey(hostId: string, vmId: string): string {
  return `${hostId}/${vmId}`;
}

/** Main has taken over (its Deleting mark, a failure marker for the job, or the VM is gone): drop the mark. */
export function pendingSettled(mark: PendingDelete, vm: VmInfo | undefined): boolean {
  if (vm === undefined) return true;
  if (vm.activeJobId === mark.jobId) return true;
  return vm.deleteFailed?.jobId === mark.jobId;
}

const overlaid = new WeakMap<VmInfo, VmInfo>();

/** One VM shown as `Deleting` for a job; the same object for the same VM and job. */
function markedDeleting(vm: VmInfo, jobId: string): VmInfo {
  const cached = overlaid.get(vm);
  if (cached?.activeJobId === jobId) return cached;
  const shown = { ...vm, state: DELETING_STATE, activeJobId: jobId, deleteFailed: null };
  overlaid.set(vm, shown);
  return shown;
}

/** The host's VMs with the optimistic `Deleting` marks laid over: the reported list itself when no mark
 *  applies, the previously shown list when the result holds the same objects. */
export function overlayPending(
  vms: readonly VmInfo[],
  pending: ReadonlyMap<string, PendingDelete>,
  hostId: string,
  previousShown: readonly VmInfo[] | undefined,
): readonly VmInfo[] {
  // The usual case (no delete waiting for main's mark): the reported list itself, without a copy.
  if (pending.size === 0) return vms;
  let marked = false;
  const shown = vms.map((vm) => {
    const mark = pending.get(pendingKey(hostId, vm.id));
    if (!mark) return vm;
    marked = true;
    return markedDeleting(vm, mark.jobId);
  });
  if (!marked) return vms;
  return previousShown && sameItems(previousShown, shown) ? previousShown : shown;
}
