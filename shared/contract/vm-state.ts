// VM states by name, as the agent reports them (never Hyper-V's enum numbers), plus the app's own `Deleting`.
// The rules that depend on a state live here so the renderer (button states) and main (request validation,
// C4) apply the same ones.
import type { LifecycleAction } from './delete-plan';

/** States the simulator and real hosts report; `*Critical` variants (unhealthy storage) add to each. */
export const HYPERV_STATES = [
  'Off',
  'Running',
  'Paused',
  'Saved',
  'Starting',
  'Stopping',
  'Saving',
  'Pausing',
  'Resuming',
  'Reset',
  'Other',
] as const;

/** Shown by the app while a delete job for the VM runs (C8); never reported by a host. */
export const DELETING_STATE = 'Deleting';

/** A state without its `Critical` suffix: `RunningCritical` acts as `Running`. */
export function baseVmState(state: string): string {
  return state.length > 'Critical'.length && state.endsWith('Critical') ? state.slice(0, -'Critical'.length) : state;
}

/** States a delete refuses without force, and force turns off first (C4, S7). */
export const DELETE_NEEDS_FORCE_STATES: readonly string[] = ['Running', 'Paused', 'Saved', 'Starting', 'Stopping'];

export function deleteNeedsForce(state: string): boolean {
  return DELETE_NEEDS_FORCE_STATES.includes(baseVmState(state));
}

/** The stable states: a lifecycle action is refused only from one of these that it does not work from. */
export const STABLE_VM_STATES: readonly string[] = ['Off', 'Running', 'Paused', 'Saved'];

/** The stable states each lifecycle action works from, and where it leads. The agent also accepts the target
 *  state (the step is skipped) and waits out transitional states. Main validates with these (C4); the renderer
 *  enables its buttons with them. */
export const LIFECYCLE_RULES: Record<LifecycleAction, { from: readonly string[]; to: string; verb: string }> = {
  start: { from: ['Off', 'Saved', 'Paused'], to: 'Running', verb: 'start' },
  shutdown: { from: ['Running'], to: 'Off', verb: 'shut down' },
  turnoff: { from: ['Running', 'Paused', 'Saved'], to: 'Off', verb: 'turn off' },
  save: { from: ['Running', 'Paused'], to: 'Saved', verb: 'save' },
};
