// Which VMs have a queued or running job, so a second job for the same VM is refused at once (C4 dedupe) and
// a host with work cannot be removed. Kept in memory and rebuilt at start from the store; the service reserves
// a VM synchronously, before any await, so two submits racing for one VM cannot both pass.

export class ActiveJobs {
  private readonly byVm = new Map<string, string>();
  private readonly perHost = new Map<string, number>();

  jobFor(hostId: string, vmId: string): string | undefined {
    return this.byVm.get(key(hostId, vmId));
  }

  add(hostId: string, vmId: string, jobId: string): void {
    const vm = key(hostId, vmId);
    if (this.byVm.has(vm)) throw new Error(`VM ${vm} already has active job ${this.byVm.get(vm)}.`);
    this.byVm.set(vm, jobId);
    this.perHost.set(hostId, (this.perHost.get(hostId) ?? 0) + 1);
  }

  /** Releases the VM if `jobId` is the job holding it. */
  remove(hostId: string, vmId: string, jobId: string): void {
    const vm = key(hostId, vmId);
    if (this.byVm.get(vm) !== jobId) return;
    this.byVm.delete(vm);
    const count = (this.perHost.get(hostId) ?? 1) - 1;
    if (count > 0) this.perHost.set(hostId, count);
    else this.perHost.delete(hostId);
  }

  hasHost(hostId: string): boolean {
    return this.perHost.has(hostId);
  }
}

function key(hostId: string, vmId: string): string {
  return `${hostId}\u0000${vmId.toLowerCase()}`;
}
