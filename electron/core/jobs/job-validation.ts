// The checks of C4, each a typed rejection with a message an administrator can act on: the host is known, the
// VM is tracked on it by id, the name the admin saw still belongs to that id (S1), a running VM needs force
// (S7), and no other job is active for the VM. A lifecycle action must also suit the VM's state.
import type { LifecycleAction } from '../../../shared/contract/delete-plan';
import { AppException, appError, type ErrorCode, type ErrorDetails } from '../../../shared/contract/errors';
import { clip } from '../../../shared/contract/primitives';
import { baseVmState, deleteNeedsForce, LIFECYCLE_RULES, STABLE_VM_STATES } from '../../../shared/contract/vm-state';
import type { InventoryJobHooks } from '../ports';
import type { ActiveJobs } from './active-jobs';
import type { HostDirectory } from './job-ports';

export interface ValidationDeps {
  readonly hosts: HostDirectory;
  readonly inventory: InventoryJobHooks;
  readonly active: ActiveJobs;
}

export interface VmTarget {
  readonly hostId: string;
  readonly vmId: string;
  readonly vmName: string;
}

export interface CheckedTarget {
  readonly hostName: string;
  /** The VM as the inventory knows it; null only where an untracked VM was allowed. */
  readonly vm: { readonly name: string; readonly state: string } | null;
}

function reject(code: ErrorCode, message: string, details: ErrorDetails): never {
  throw new AppException(appError(code, clip(message), details));
}

/** A VM name inside a message: quoted, one line, bounded (names are data, C-Bad input). */
export function quoteName(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is replaced
  const flat = name.replace(/[\u0000-\u001f\u007f]/g, ' ');
  return `'${flat.length > 200 ? `${flat.slice(0, 199)}…` : flat}'`;
}

/** Host known; VM tracked by id with the given name. `allowUntracked` lets a delete retry reach a VM that a
 *  failed run already unregistered: the agent finishes it from its saved plan and checks the name there (S9). */
export function checkTarget(deps: ValidationDeps, target: VmTarget, allowUntracked = false): CheckedTarget {
  const { hostId, vmId, vmName } = target;
  const hostName = deps.hosts.displayNameOf(hostId);
  if (hostName === null) reject('host_not_found', `No host with id '${hostId}' is configured.`, { hostId });
  const vm = deps.inventory.findVm(hostId, vmId);
  if (vm === null) {
    if (allowUntracked) return { hostName, vm: null };
    reject(
      'vm_not_found',
      `VM ${quoteName(vmName)} (${vmId}) is not in the inventory of host '${hostName}'. Refresh the host and try again.`,
      { hostId },
    );
  }
  if (vm.name !== vmName) {
    reject(
      'vm_name_mismatch',
      `The VM with id ${vmId} on host '${hostName}' is named ${quoteName(vm.name)}, not ${quoteName(vmName)}. Refresh and check which VM you mean.`,
      { hostId, object: vm.name },
    );
  }
  return { hostName, vm };
}

export function checkNoActiveJob(deps: ValidationDeps, target: VmTarget): void {
  const jobId = deps.active.jobFor(target.hostId, target.vmId);
  if (jobId === undefined) return;
  reject(
    'job_active_for_vm',
    `VM ${quoteName(target.vmName)} already has an active job (${jobId}). Wait for it to end or cancel it.`,
    { hostId: target.hostId, jobId },
  );
}

export function checkDeleteTarget(
  deps: ValidationDeps,
  target: VmTarget & { readonly force: boolean },
  allowUntracked = false,
): CheckedTarget {
  const checked = checkTarget(deps, target, allowUntracked);
  if (checked.vm && !target.force && deleteNeedsForce(checked.vm.state)) {
    reject(
      'vm_running',
      `VM ${quoteName(target.vmName)} is ${checked.vm.state}. Turn it off first, or delete with force (which turns it off).`,
      { hostId: target.hostId, object: checked.vm.state },
    );
  }
  checkNoActiveJob(deps, target);
  return checked;
}

export function checkLifecycleTarget(deps: ValidationDeps, target: VmTarget, action: LifecycleAction): CheckedTarget {
  const checked = checkTarget(deps, target);
  const shown = checked.vm?.state ?? '';
  const state = baseVmState(shown);
  const rule = LIFECYCLE_RULES[action];
  if (STABLE_VM_STATES.includes(state) && state !== rule.to && !rule.from.includes(state)) {
    reject(
      'vm_state_invalid',
      `Cannot ${rule.verb} VM ${quoteName(target.vmName)}: it is ${shown} (${rule.verb} works from ${rule.from.join(', ')}).`,
      { hostId: target.hostId, object: shown },
    );
  }
  checkNoActiveJob(deps, target);
  return checked;
}
