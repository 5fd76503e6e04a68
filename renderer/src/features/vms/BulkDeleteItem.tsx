// One VM in the multi-delete dialog: name, host and state, a one-line plan summary (or the plan's error with a
// way to compute it again), and the whole plan in an expander.
import type { VmInfo } from '@shared/contract/inventory';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { DeletePlanView, planSummary } from './DeletePlanView';
import type { PlanState } from './use-delete-plan';

export interface BulkDeleteItemProps {
  readonly vm: VmInfo;
  readonly hostName: string;
  readonly plan: PlanState;
  /** Why this VM is left out of the submit as things stand, if it is. */
  readonly skippedReason: string | null;
  readonly onReload: () => void;
}

export function BulkDeleteItem({ vm, hostName, plan, skippedReason, onReload }: BulkDeleteItemProps) {
  return (
    <li className="bulk-delete__item" data-testid="bulk-delete-item" data-vm-name={vm.name}>
      <div className="bulk-delete__head">
        <strong>{vm.name}</strong>
        <span className="bulk-delete__meta">
          {hostName} · {vm.state}
        </span>
        {skippedReason && <span className="bulk-delete__skipped">Left out: {skippedReason}</span>}
      </div>
      {plan.status === 'loading' && <p className="bulk-delete__meta">Computing the plan…</p>}
      {plan.status === 'error' && (
        <div>
          <ErrorNotice error={plan.error} hostName={hostName} />
          <p className="bulk-delete__skipped">Left out: no plan.</p>
          <button type="button" onClick={onReload}>
            Compute the plan again
          </button>
        </div>
      )}
      {plan.status === 'ready' && (
        <details>
          <summary data-testid="bulk-plan-summary">{planSummary(plan.value.plan)}</summary>
          <DeletePlanView value={plan.value} />
        </details>
      )}
    </li>
  );
}
