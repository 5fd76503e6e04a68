// What the admin may do with a VM in its current state: which lifecycle buttons are enabled, whether Delete is,
// and the reason shown beside a disabled Delete. The delete rules come from shared/contract/vm-state.ts (the
// same ones main applies, C4/S7), and so do the lifecycle rules.
import type { LifecycleAction } from '@shared/contract/delete-plan';
import type { VmInfo } from '@shared/contract/inventory';
import { baseVmState, DELETING_STATE, deleteNeedsForce, LIFECYCLE_RULES } from '@shared/contract/vm-state';

export const LIFECYCLE_LABELS: Record<LifecycleAction, string> = {
  start: 'Start',
  shutdown: 'Shut down',
  turnoff: 'Turn off',
  save: 'Save',
};

/** The states in which the delete dialog offers force (C9): a paused or saved VM holds no running guest, so
 *  turning it off loses only its saved memory. A Running, Starting or Stopping VM must be stopped first. */
const FORCE_OFFERED_STATES: readonly string[] = ['Paused', 'Saved'];

export function isDeleting(vm: VmInfo): boolean {
  return vm.state === DELETING_STATE;
}

/** A job (delete or lifecycle) is queued or running for the VM, so main refuses another one. */
export function hasActiveJob(vm: VmInfo): boolean {
  return vm.activeJobId !== null || isDeleting(vm);
}

export function lifecycleEnabled(vm: VmInfo, action: LifecycleAction): boolean {
  if (hasActiveJob(vm)) return false;
  return LIFECYCLE_RULES[action].from.includes(baseVmState(vm.state));
}

export function forceOffered(state: string): boolean {
  return FORCE_OFFERED_STATES.includes(baseVmState(state));
}

export type DeleteAvailability =
  | { readonly allowed: true; readonly needsForce: boolean }
  | { readonly allowed: false; readonly reason: string };

/** Whether Delete is enabled, and if not, the reason shown beside the button. */
export function deleteAvailability(vm: VmInfo): DeleteAvailability {
  if (isDeleting(vm)) return { allowed: false, reason: 'This VM is being deleted.' };
  if (vm.activeJobId !== null) {
    return { allowed: false, reason: `Job ${vm.activeJobId} is working on this VM; wait for it to end.` };
  }
  if (!deleteNeedsForce(vm.state)) return { allowed: true, needsForce: false };
  if (forceOffered(vm.state)) return { allowed: true, needsForce: true };
  const todo = baseVmState(vm.state) === 'Running' ? 'Shut it down or turn it off first' : 'Wait until it is Off';
  return {
    allowed: false,
    reason: `The VM is ${vm.state}. ${todo} (force is offered only for Paused or Saved VMs).`,
  };
}
