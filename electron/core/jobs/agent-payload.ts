// The payloads the agent's entry scripts read (powershell/README.md, "Input: the payload"). They hold the job's
// own fields and nothing else: no host address, no credential. The executor encodes and pipes them; nothing
// here ever becomes command text.
import type { LifecycleAction } from '../../../shared/contract/delete-plan';
import type { JobIdentity } from './job-ports';
import type { StoredDeleteJob, StoredLifecycleJob } from './job-record';

/** The agent accepts at most 256 characters for who and from where. */
const IDENTITY_MAX = 256;

function identityFields(requestedBy: string, identity: JobIdentity) {
  return {
    requested_by: requestedBy.slice(0, IDENTITY_MAX),
    control_plane: (identity.controlPlane || 'unknown').slice(0, IDENTITY_MAX),
  };
}

export interface DeleteTarget {
  readonly vmId: string;
  readonly vmName: string;
  readonly force: boolean;
}

export function deletePayload(
  jobId: string,
  target: DeleteTarget,
  mode: 'plan' | 'execute',
  requestedBy: string,
  identity: JobIdentity,
): Record<string, unknown> {
  return {
    job_id: jobId,
    vm_id: target.vmId,
    vm_name: target.vmName,
    force: target.force,
    mode,
    ...identityFields(requestedBy, identity),
  };
}

export function deleteJobPayload(job: StoredDeleteJob, identity: JobIdentity): Record<string, unknown> {
  const target = { vmId: job.vmId, vmName: job.vmName, force: job.params.force };
  return deletePayload(job.id, target, 'execute', job.requestedBy, identity);
}

export function lifecycleJobPayload(job: StoredLifecycleJob, identity: JobIdentity): Record<string, unknown> {
  const action: LifecycleAction = job.params.action;
  return {
    job_id: job.id,
    vm_id: job.vmId,
    vm_name: job.vmName,
    action,
    ...identityFields(job.requestedBy, identity),
  };
}
