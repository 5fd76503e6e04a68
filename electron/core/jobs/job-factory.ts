// New job records: queued, no steps run, no output, linked to the job they retry. Parameters are exactly the
// contract's (force and mode, or the action): a job never holds a host address, credential or path.
import type { LifecycleAction } from '../../../shared/contract/delete-plan';
import { initialDeleteSteps, type StoredDeleteJob, type StoredLifecycleJob } from './job-record';

export interface NewJobFields {
  readonly id: string;
  readonly hostId: string;
  readonly vmId: string;
  readonly vmName: string;
  readonly requestedBy: string;
  /** ISO time of creation. */
  readonly now: string;
  readonly retryOf: string | null;
}

function base(fields: NewJobFields) {
  return {
    id: fields.id,
    hostId: fields.hostId,
    vmId: fields.vmId.toLowerCase(),
    vmName: fields.vmName,
    status: 'queued' as const,
    requestedBy: fields.requestedBy,
    createdAt: fields.now,
    startedAt: null,
    finishedAt: null,
    retryOf: fields.retryOf,
    error: null,
    outputLineCount: 0,
    result: null,
    updatedAt: fields.now,
  };
}

export function newDeleteJob(fields: NewJobFields, force: boolean): StoredDeleteJob {
  return {
    ...base(fields),
    type: 'delete_vm',
    params: { force, mode: 'execute' },
    steps: initialDeleteSteps(),
    plan: null,
  };
}

export function newLifecycleJob(fields: NewJobFields, action: LifecycleAction): StoredLifecycleJob {
  return { ...base(fields), type: 'vm_lifecycle', params: { action }, steps: [] };
}
