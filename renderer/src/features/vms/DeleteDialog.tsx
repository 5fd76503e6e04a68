// The confirmation dialog for deleting one VM (C9): it runs the plan-only delete when it opens and shows the
// plan; offers force only for a Paused or Saved VM, with what force does; and enables the final button only
// once the plan is shown and the admin typed the VM's name exactly. On submit the VM shows `Deleting`, the
// dialog closes and a toast carries the job id (opening the job).
import * as Dialog from '@radix-ui/react-dialog';
import type { AppError } from '@shared/contract/errors';
import type { VmInfo } from '@shared/contract/inventory';
import { useId, useMemo, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores, useStoreOf } from '../../stores/app-stores';
import { selectVm } from '../../stores/inventory-store';
import { DeletePlanView } from './DeletePlanView';
import { type PlanTarget, useDeletePlans } from './use-delete-plan';
import { useSubmitDelete } from './use-submit-delete';
import { deleteAvailability, forceOffered } from './vm-actions';
import { rowKey } from './vm-rows';

export interface DeleteDialogProps {
  /** The VM as it was when the admin clicked Delete. */
  readonly vm: VmInfo;
  readonly hostName: string;
  readonly onClose: () => void;
}

export function DeleteDialog({ vm, hostName, onClose }: DeleteDialogProps) {
  const { ui } = useAppStores();
  const ids = { confirm: useId(), force: useId(), forceHelp: useId() };
  const live = useStoreOf('inventory', (state) => selectVm(state, vm.hostId, vm.id));
  const targets = useMemo<PlanTarget[]>(
    () => [{ key: rowKey(vm.hostId, vm.id), hostId: vm.hostId, vmId: vm.id, vmName: vm.name }],
    [vm.hostId, vm.id, vm.name],
  );
  const { plans, reload } = useDeletePlans(targets);
  const plan = plans.get(rowKey(vm.hostId, vm.id)) ?? { status: 'loading' as const };
  const submitDelete = useSubmitDelete();
  const [typed, setTyped] = useState('');
  const [force, setForce] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<AppError | null>(null);

  // The VM may change while the dialog is open (started elsewhere, deleted): the rules follow its live state.
  const current = live ?? vm;
  const availability = deleteAvailability(current);
  const showForce = forceOffered(current.state);
  const needsForce = availability.allowed && availability.needsForce;
  const nameMatches = typed === vm.name;
  const blocker =
    live === null
      ? 'The VM is no longer in the inventory.'
      : !availability.allowed
        ? availability.reason
        : needsForce && !force
          ? `The VM is ${current.state}: check force to delete it.`
          : plan.status !== 'ready'
            ? 'Waiting for the plan.'
            : null;
  const canSubmit = blocker === null && nameMatches && !submitting;

  const submit = async () => {
    if (!canSubmit) return;
    setSubmitting(true);
    setSubmitError(null);
    const result = await submitDelete([
      { hostId: vm.hostId, vmId: vm.id, vmName: vm.name, force: needsForce && force },
    ]);
    setSubmitting(false);
    const outcome = result.ok ? (result.value.accepted[0] ?? null) : null;
    if (!outcome) {
      setSubmitError(result.ok ? (result.value.refused[0]?.error ?? null) : result.error);
      return;
    }
    ui.getState().pushToast({
      kind: 'info',
      title: `Deleting ${vm.name}`,
      body: `Job ${outcome.job.id} queued on ${hostName}.`,
      jobId: outcome.job.id,
    });
    onClose();
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog delete-dialog" data-testid="delete-dialog">
          <Dialog.Title className="dialog__title">Delete VM {vm.name}</Dialog.Title>
          <Dialog.Description className="dialog__description">
            On host {hostName}. The VM, its checkpoints and the files listed below are removed; files that other VMs
            use, parent disks and anything outside the VM's folders are kept.
          </Dialog.Description>

          <div className="delete-dialog__body">
            {plan.status === 'loading' && (
              <p role="status" className="delete-dialog__loading" data-testid="delete-plan-loading">
                Computing the plan on {hostName}… (nothing is changed yet)
              </p>
            )}
            {plan.status === 'error' && (
              <div data-testid="delete-plan-error">
                <ErrorNotice error={plan.error} hostName={hostName} />
                <button type="button" onClick={() => reload(rowKey(vm.hostId, vm.id))}>
                  Compute the plan again
                </button>
              </div>
            )}
            {plan.status === 'ready' && <DeletePlanView value={plan.value} />}
          </div>

          {showForce && (
            <div className="delete-dialog__force">
              <label htmlFor={ids.force}>
                <input
                  id={ids.force}
                  type="checkbox"
                  data-testid="force-checkbox"
                  checked={force}
                  aria-describedby={ids.forceHelp}
                  onChange={(event) => setForce(event.target.checked)}
                />{' '}
                Force: turn the VM off first
              </label>
              <p id={ids.forceHelp} className="delete-dialog__help">
                The VM is {current.state}. Force turns it off, discarding its{' '}
                {current.state === 'Saved' ? 'saved' : 'paused'} memory state, then deletes it. Without force the delete
                is refused.
              </p>
            </div>
          )}

          <div className="delete-dialog__confirm">
            <label htmlFor={ids.confirm}>
              Type the VM name <strong className="delete-dialog__name">{vm.name}</strong> to confirm
            </label>
            <input
              id={ids.confirm}
              type="text"
              autoComplete="off"
              spellCheck={false}
              data-testid="delete-confirm-input"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void submit();
              }}
            />
          </div>
          {blocker && plan.status !== 'loading' && (
            <p className="delete-dialog__blocker" data-testid="delete-blocker">
              {blocker}
            </p>
          )}
          {submitError && <ErrorNotice error={submitError} hostName={hostName} />}

          <div className="dialog__buttons">
            <Dialog.Close asChild>
              <button type="button">Cancel</button>
            </Dialog.Close>
            <button
              type="button"
              className="danger"
              data-testid="delete-submit"
              disabled={!canSubmit}
              onClick={() => void submit()}
            >
              {submitting ? 'Deleting…' : 'Delete VM'}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
