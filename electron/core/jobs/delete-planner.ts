// Plan-only runs of the delete script (S2): what the confirmation dialog shows. Not a job: nothing is queued or
// stored, and the agent changes nothing on the host in `mode: plan` (no lock either), so a plan may run while
// the host's queue is busy. The caller validates the target first.
import type { ChannelValue } from '../../../shared/contract/api';
import type { DeletePlan } from '../../../shared/contract/delete-plan';
import { AppException, appError, isAppException } from '../../../shared/contract/errors';
import { clip } from '../../../shared/contract/primitives';
import { deletePayload } from './agent-payload';
import type { JobIdFactory } from './job-ids';
import type { JobEngineDeps } from './job-ports';

export type PlanDeleteValue = ChannelValue<'jobs.planDelete'>;
export type DeletePlannerDeps = Pick<JobEngineDeps, 'executor' | 'settings' | 'identity'>;

export interface PlanRequest {
  readonly hostId: string;
  readonly vmId: string;
  readonly vmName: string;
  readonly force: boolean;
}

export class DeletePlanner {
  constructor(
    private readonly deps: DeletePlannerDeps,
    private readonly ids: JobIdFactory,
  ) {}

  async plan(request: PlanRequest): Promise<PlanDeleteValue> {
    const { executor, identity, settings } = this.deps;
    const runId = this.ids.next('p');
    const payload = deletePayload(runId, request, 'plan', identity.requestedBy, identity);
    let plan: DeletePlan | null = null;
    let hostFailure: AppException | null = null;
    const warnings: PlanDeleteValue['warnings'] = [];
    try {
      const run = await executor.run(request.hostId, 'delete', payload, {
        timeoutMs: settings().jobTimeouts.planSeconds * 1000,
        onLines: (batch) => {
          for (const { event } of batch) {
            if (event?.type === 'plan') plan = event.plan;
            else if (event?.type === 'warning') warnings.push({ message: clip(event.message), path: event.path });
            else if (event?.type === 'result' && event.script === 'delete') hostFailure = failureOf(event.result);
          }
        },
      });
      if (run.result?.type === 'result' && run.result.script === 'delete') hostFailure = failureOf(run.result.result);
    } catch (error) {
      // The host's own account of a failed plan (its code and the object) beats the transport's summary.
      if (hostFailure) throw hostFailure;
      if (isAppException(error)) throw error;
      throw new AppException(appError('internal', `The plan could not run: ${String(error)}`));
    }
    if (hostFailure) throw hostFailure;
    if (plan === null) {
      throw new AppException(appError('protocol_error', 'The host finished the plan-only run without a plan.'));
    }
    return { plan, warnings };
  }
}

function failureOf(result: {
  status: string;
  error: { code: string; message: string; step: string | null; object: string | null } | null;
}) {
  if (result.status !== 'failed') return null;
  const error = result.error;
  const details = {
    ...(error ? { hostCode: error.code } : {}),
    ...(error?.step ? { step: error.step } : {}),
    ...(error?.object ? { object: clip(error.object) } : {}),
  };
  return new AppException(
    appError('script_failed', clip(error?.message ?? 'The host could not compute the plan.'), details),
  );
}
