// A VM's state as a coloured badge, with a second "delete failed" badge when a delete job failed and the VM is
// still there (C8). Colour is never the only signal: the badge always carries the state's name.
import type { VmInfo } from '@shared/contract/inventory';
import { baseVmState, DELETING_STATE } from '@shared/contract/vm-state';

type Tone = 'running' | 'off' | 'paused' | 'deleting' | 'transition' | 'critical';

function toneOf(state: string): Tone {
  if (state === DELETING_STATE) return 'deleting';
  if (state !== baseVmState(state)) return 'critical';
  switch (state) {
    case 'Running':
      return 'running';
    case 'Off':
      return 'off';
    case 'Paused':
    case 'Saved':
      return 'paused';
    default:
      return 'transition';
  }
}

export function StateBadge({ vm }: { vm: VmInfo }) {
  return (
    <span className="vm-state-badges">
      <span className={`vm-state vm-state--${toneOf(vm.state)}`} data-testid="vm-state">
        {vm.state}
      </span>
      {vm.deleteFailed && (
        <span
          className="vm-state vm-state--failed"
          data-testid="vm-delete-failed"
          title={`Delete failed (job ${vm.deleteFailed.jobId}): ${vm.deleteFailed.message}`}
        >
          delete failed
        </span>
      )}
    </span>
  );
}
