// The confirmation dialog for deleting several VMs at once: each VM with its plan summary and the full plan in
// an expander, the VMs that cannot be deleted now and why, force for the Paused/Saved ones, and a typed
// confirmation ("delete 3"). One call queues one job per VM; per-VM refusals are listed here, and the jobs
// view opens with what was queued.
import * as Dialog from '@radix-ui/react-dialog';
import type { AppError } from '@shared/contract/errors';
import type { VmInfo } from '@shared/contract/inventory';
import { useId, useMemo, useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores } from '../../stores/app-stores';
import { BulkDeleteItem } from './BulkDeleteItem';
import { type PlanTarget, useDeletePlans } from './use-delete-plan';
import { type SubmitOutcome, useSubmitDelete } from './use-submit-delete';
import { deleteAvailability } from './vm-actions';
import { rowKey } from './vm-rows';

export interface BulkDeleteDialogProps {
  /** The selected VMs as they were when the admin clicked Delete. */
  readonly vms: readonly VmInfo[];
  readonly hostNames: ReadonlyMap<string, string>;
  readonly onClose: () => void;
  /** Called after jobs were queued (the view clears its selection). */
  readonly onSubmitted: () => void;
}

export function BulkDeleteDialog({ vms, hostNames, onClose, onSubmitted }: BulkDeleteDialogProps) {
  const { ui } = useAppStores();
  const ids = { confirm: useId(), force: useId() };
  const submitDelete = useSubmitDelete();
  const [force, setForce] = useState(false);
  const [typed, setTyped] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [callError, setCallError] = useState<AppError | null>(null);
  const [outcome, setOutcome] = useState<SubmitOutcome | null>(null);

  const groups = useMemo(() => {
    const deletable = vms.filter((vm) => deleteAvailability(vm).allowed);
    return {
      deletable,
      needsForce: new Set(deletable.filter(needsForceOf).map(keyOf)),
      blocked: vms.flatMap((vm) => {
        const availability = deleteAvailability(vm);
        return availability.allowed ? [] : [{ vm, reason: availability.reason }];
      }),
    };
  }, [vms]);
  const planTargets = useMemo<PlanTarget[]>(
    () => groups.deletable.map((vm) => ({ key: keyOf(vm), hostId: vm.hostId, vmId: vm.id, vmName: vm.name })),
    [groups],
  );
  const { plans, reload } = useDeletePlans(planTargets);

  const included = (vm: VmInfo) => !groups.needsForce.has(keyOf(vm)) || force;
  const loading = groups.deletable.filter(
    (vm) => included(vm) && (plans.get(keyOf(vm))?.status ?? 'loading') === 'loading',
  );
  const targets = groups.deletable.filter((vm) => included(vm) && plans.get(keyOf(vm))?.status === 'ready');
  const phrase = `delete ${targets.length}`;
  const canSubmit = targets.length > 0 && loading.length === 0 && typed === phrase && !submitting && outcome === null;

  const openJobs = (queued: SubmitOutcome['accepted']) => {
    const only = queued.length === 1 ? queued[0] : undefined;
    if (only) ui.getState().openJob(only.job.id);
    else ui.getState().showView('jobs');
  };

  const submit = async () => {
    if (!canSubmit) return;
    setSubmitting(true);
    setCallError(null);
    const result = await submitDelete(
      targets.map((vm) => ({
        hostId: vm.hostId,
        vmId: vm.id,
        vmName: vm.name,
        force: groups.needsForce.has(keyOf(vm)),
      })),
    );
    setSubmitting(false);
    if (!result.ok) {
      setCallError(result.error);
      return;
    }
    const { accepted, refused } = result.value;
    if (accepted.length > 0) {
      onSubmitted();
      const first = accepted[0];
      ui.getState().pushToast({
        kind: refused.length > 0 ? 'warning' : 'info',
        title: `Queued ${accepted.length} delete job${accepted.length === 1 ? '' : 's'}`,
        body:
          refused.length > 0 ? `${refused.length} VM(s) were refused; see the dialog.` : `First job: ${first?.job.id}.`,
        jobId: first?.job.id ?? null,
      });
    }
    if (refused.length === 0) {
      onClose();
      openJobs(accepted);
    } else setOutcome(result.value);
  };

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog delete-dialog" data-testid="delete-dialog">
          <Dialog.Title className="dialog__title">Delete {vms.length} VMs</Dialog.Title>
          <Dialog.Description className="dialog__description">
            Each VM is deleted by its own job, with its checkpoints and the files its plan lists. Files other VMs use,
            parent disks and anything outside each VM's folders are kept.
          </Dialog.Description>

          {outcome ? (
            <div className="delete-dialog__body" data-testid="bulk-delete-outcome">
              <p>
                Queued {outcome.accepted.length} job{outcome.accepted.length === 1 ? '' : 's'}. Refused:{' '}
                {outcome.refused.length}.
              </p>
              <ul className="bulk-delete__list">
                {outcome.refused.map(({ target, error }) => (
                  <li key={rowKey(target.hostId, target.vmId)} data-testid="bulk-delete-refused">
                    <strong>{target.vmName}</strong>
                    <ErrorNotice error={error} hostName={hostNames.get(target.hostId) ?? target.hostId} />
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <div className="delete-dialog__body">
              <ul className="bulk-delete__list" data-testid="bulk-delete-plans">
                {groups.deletable.map((vm) => (
                  <BulkDeleteItem
                    key={keyOf(vm)}
                    vm={vm}
                    hostName={hostNames.get(vm.hostId) ?? vm.hostId}
                    plan={plans.get(keyOf(vm)) ?? { status: 'loading' }}
                    skippedReason={included(vm) ? null : 'needs force (check force below)'}
                    onReload={() => reload(keyOf(vm))}
                  />
                ))}
              </ul>
              {groups.blocked.length > 0 && (
                <>
                  <h4>Not deleted now ({groups.blocked.length})</h4>
                  <ul className="bulk-delete__list" data-testid="bulk-delete-blocked">
                    {groups.blocked.map(({ vm, reason }) => (
                      <li key={keyOf(vm)}>
                        <strong>{vm.name}</strong> — {reason}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}

          {!outcome && groups.needsForce.size > 0 && (
            <div className="delete-dialog__force">
              <label htmlFor={ids.force}>
                <input
                  id={ids.force}
                  type="checkbox"
                  data-testid="force-checkbox"
                  checked={force}
                  onChange={(event) => setForce(event.target.checked)}
                />{' '}
                Force: turn off the {groups.needsForce.size} Paused or Saved VM(s) first
              </label>
              <p className="delete-dialog__help">
                Force discards their saved or paused memory state. Without it they are left out.
              </p>
            </div>
          )}

          {!outcome && (
            <div className="delete-dialog__confirm">
              <label htmlFor={ids.confirm}>
                Type <strong className="delete-dialog__name">{phrase}</strong> to confirm
              </label>
              <input
                id={ids.confirm}
                type="text"
                autoComplete="off"
                spellCheck={false}
                data-testid="delete-confirm-input"
                value={typed}
                onChange={(event) => setTyped(event.target.value)}
              />
              {loading.length > 0 && <p role="status">Waiting for {loading.length} plan(s)…</p>}
            </div>
          )}
          {callError && <ErrorNotice error={callError} />}

          <div className="dialog__buttons">
            {outcome ? (
              <>
                <button type="button" onClick={onClose}>
                  Close
                </button>
                {outcome.accepted.length > 0 && (
                  <button
                    type="button"
                    onClick={() => {
                      onClose();
                      openJobs(outcome.accepted);
                    }}
                  >
                    Show the queued jobs
                  </button>
                )}
              </>
            ) : (
              <>
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
                  {submitting ? 'Queuing…' : `Delete ${targets.length} VM${targets.length === 1 ? '' : 's'}`}
                </button>
              </>
            )}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

function keyOf(vm: VmInfo): string {
  return rowKey(vm.hostId, vm.id);
}

function needsForceOf(vm: VmInfo): boolean {
  const availability = deleteAvailability(vm);
  return availability.allowed && availability.needsForce;
}
