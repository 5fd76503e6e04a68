// Agent output lines exactly as the entry scripts print them (powershell/README.md): `##hvagent {json}` events
// in snake_case, and `[HH:mm:ss] ` log lines.
import { DELETE_STEPS } from '../../../../shared/contract/jobs';

export const event = (body: Record<string, unknown>) => `##hvagent ${JSON.stringify(body)}`;

export const log = (text: string) => `[10:42:01] ${text}`;

export function stepLine(jobId: string, id: string, status: string, detail: string | null = null): string {
  const name = DELETE_STEPS.find((step) => step.id === id)?.name ?? `Step ${id}`;
  return event({ type: 'step', job_id: jobId, id, name, status, detail });
}

export function warningLine(jobId: string, message: string, path: string | null = null): string {
  return event({ type: 'warning', job_id: jobId, message, path });
}

export function planLine(jobId: string, vmId: string, vmName: string, state = 'Off'): string {
  return event({
    type: 'plan',
    job_id: jobId,
    vm: { id: vmId, name: vmName, state, status: 'Operating normally', path: 'C:\\VMs\\web01', present: true },
    cluster_role: null,
    power_action: state === 'Off' ? 'none' : 'turn_off',
    requires_force: state !== 'Off',
    checkpoints: [],
    files_to_delete: [{ path: 'C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx', kind: 'disk', size_bytes: 4096 }],
    files_to_keep: [{ path: 'C:\\ISO\\WS2022.iso', kind: 'iso', reason: 'outside_vm_folders', detail: 'library' }],
    drives_to_detach: [],
    folders_to_prune: ['C:\\VMs\\web01'],
    folders_to_keep: [],
    protected_roots: [],
    own_folders: ['C:\\VMs\\web01'],
    merge_files: [],
  });
}

export interface HostErrorInput {
  code: string;
  message: string;
  step: string | null;
  object: string | null;
}

export function deleteResultLine(jobId: string, error: HostErrorInput | null = null, mode = 'execute'): string {
  return event({
    type: 'result',
    job_id: jobId,
    status: error ? 'failed' : 'succeeded',
    error,
    mode,
    files_deleted: error ? [] : ['C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx'],
    files_kept: [],
    folders_removed: error ? [] : ['C:\\VMs\\web01'],
    folders_kept: [],
  });
}

export function lifecycleResultLine(
  jobId: string,
  vm: { id: string; name: string; state: string },
  error: HostErrorInput | null = null,
): string {
  return event({ type: 'result', job_id: jobId, status: error ? 'failed' : 'succeeded', error, vm });
}
