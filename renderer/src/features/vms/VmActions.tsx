// The action bar of the details pane: Start, Shut down, Turn off, Save (each enabled by the VM's state, C3) and
// Delete, disabled while the VM runs with the reason beside it (C9). A lifecycle action queues a job and says
// so in a toast that opens it; a refusal is shown here, as the admin can act on it.
import { LIFECYCLE_ACTIONS, type LifecycleAction } from '@shared/contract/delete-plan';
import type { AppError } from '@shared/contract/errors';
import type { VmInfo } from '@shared/contract/inventory';
import { useId, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores } from '../../stores/app-stores';
import { deleteAvailability, LIFECYCLE_LABELS, lifecycleEnabled } from './vm-actions';

export interface VmActionsProps {
  readonly vm: VmInfo;
  readonly hostName: string;
  readonly onDelete: (vm: VmInfo) => void;
}

export function VmActions({ vm, hostName, onDelete }: VmActionsProps) {
  const { api, ui } = useAppStores();
  const [busy, setBusy] = useState<LifecycleAction | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const deletion = deleteAvailability(vm);
  const reasonId = useId();

  const run = async (action: LifecycleAction) => {
    setBusy(action);
    setError(null);
    const result = await api.jobs.submitLifecycle({ hostId: vm.hostId, vmId: vm.id, vmName: vm.name, action });
    setBusy(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    ui.getState().pushToast({
      kind: 'info',
      title: `${LIFECYCLE_LABELS[action]} queued for ${vm.name}`,
      body: `Job ${result.value.id} on ${hostName}.`,
      jobId: result.value.id,
    });
  };

  return (
    <fieldset className="vm-actions">
      <legend className="vm-actions__legend">Actions</legend>
      <div className="vm-actions__lifecycle">
        {LIFECYCLE_ACTIONS.map((action) => (
          <button
            key={action}
            type="button"
            data-testid={`lifecycle-${action}`}
            disabled={busy !== null || !lifecycleEnabled(vm, action)}
            onClick={() => void run(action)}
          >
            {busy === action ? `${LIFECYCLE_LABELS[action]}…` : LIFECYCLE_LABELS[action]}
          </button>
        ))}
      </div>
      <div className="vm-actions__delete">
        <button
          type="button"
          className="danger"
          data-testid="delete-button"
          disabled={!deletion.allowed}
          aria-describedby={deletion.allowed ? undefined : reasonId}
          onClick={() => onDelete(vm)}
        >
          Delete…
        </button>
        {!deletion.allowed && (
          <span id={reasonId} className="vm-actions__reason" data-testid="delete-disabled-reason">
            {deletion.reason}
          </span>
        )}
        {deletion.allowed && deletion.needsForce && (
          <span className="vm-actions__reason">The VM is {vm.state}: deleting it needs force (turns it off).</span>
        )}
      </div>
      {error && <ErrorNotice error={error} hostName={hostName} />}
    </fieldset>
  );
}
