// What the app knows about a host's VMs that the host does not report (C8): `Deleting` while a delete job runs,
// and the "delete failed, job ..." marker after a failed or interrupted delete of a VM that is still there. Kept
// apart from the host's data, so a refresh replaces the data and the overlays are laid over it again.
import type { VmInfo } from '../../../shared/contract/inventory';
import { DELETING_STATE } from '../../../shared/contract/vm-state';

export interface DeleteFailedMark {
  jobId: string;
  message: string;
}

interface DeletingMark {
  jobId: string;
  /** The VM as last seen, so it stays listed (as Deleting) if a refresh runs after the job removed it. */
  lastKnown: VmInfo | null;
}

export class VmOverlays {
  private readonly deleting = new Map<string, DeletingMark>();
  private readonly failed = new Map<string, DeleteFailedMark>();

  /** A delete job started (or the admin retried): Deleting, and any earlier failure marker is cleared. */
  markDeleting(vmId: string, jobId: string, lastKnown: VmInfo | null): void {
    const earlier = this.deleting.get(vmId)?.lastKnown ?? null;
    this.deleting.set(vmId, { jobId, lastKnown: lastKnown ?? earlier });
    this.failed.delete(vmId);
  }

  /** The job ended: the VM is no longer Deleting. Returns the VM as last seen while it was. */
  endDeleting(vmId: string): VmInfo | null {
    const mark = this.deleting.get(vmId);
    this.deleting.delete(vmId);
    return mark?.lastKnown ?? null;
  }

  isDeleting(vmId: string): boolean {
    return this.deleting.has(vmId);
  }

  markFailed(vmId: string, mark: DeleteFailedMark): void {
    this.failed.set(vmId, mark);
  }

  clearFailed(vmId: string): void {
    this.failed.delete(vmId);
  }

  /** After a read: a failed delete whose VM is gone after all needs no marker (the VM is pruned). */
  clearFailedExcept(presentVmIds: ReadonlySet<string>): void {
    for (const vmId of [...this.failed.keys()]) {
      if (!presentVmIds.has(vmId)) this.failed.delete(vmId);
    }
  }

  /** Remembers the latest data of a VM being deleted (called as reads arrive). */
  remember(vm: VmInfo): void {
    const mark = this.deleting.get(vm.id);
    if (mark) mark.lastKnown = vm;
  }

  /** The VM as the app shows it: the host's data with the overlays laid over. */
  apply(vm: VmInfo): VmInfo {
    const deleting = this.deleting.get(vm.id);
    const failed = this.failed.get(vm.id);
    if (!deleting && !failed) return vm;
    return {
      ...vm,
      state: deleting ? DELETING_STATE : vm.state,
      activeJobId: deleting ? deleting.jobId : null,
      deleteFailed: !deleting && failed ? { jobId: failed.jobId, message: failed.message } : null,
    };
  }

  /** VMs being deleted that the host no longer lists (the job is past removing them): still shown as Deleting. */
  missingDeleting(presentVmIds: ReadonlySet<string>): VmInfo[] {
    const missing: VmInfo[] = [];
    for (const [vmId, mark] of this.deleting) {
      if (!presentVmIds.has(vmId) && mark.lastKnown) missing.push(this.apply(mark.lastKnown));
    }
    return missing;
  }
}
