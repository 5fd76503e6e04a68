// One word (and a tone for the dot) for what the last test or inventory read learned about a host.
import type { HostStatus } from '@shared/contract/hosts';
import { describeError } from '../../lib/errors';

export type StatusTone = 'ok' | 'warning' | 'error' | 'unknown';

export interface StatusSummary {
  readonly tone: StatusTone;
  readonly label: string;
  /** A longer line for the tooltip and screen readers. */
  readonly detail: string;
}

export function summarizeStatus(status: HostStatus | null): StatusSummary {
  if (status === null) return { tone: 'unknown', label: 'Not checked', detail: 'Not checked yet' };
  const checked = `checked ${new Date(status.lastChecked).toLocaleString()}`;
  if (!status.reachable) {
    const why = status.error ? describeError(status.error).title : 'The host did not answer';
    return { tone: 'error', label: 'Unreachable', detail: `${why}; ${checked}` };
  }
  if (!status.hyperVModule) {
    return {
      tone: 'warning',
      label: 'No Hyper-V module',
      detail: `Reachable, but the Hyper-V module is missing; ${checked}`,
    };
  }
  const ps = [status.psEdition && `PowerShell ${status.psEdition}`, status.psVersion].filter(Boolean).join(' ');
  const cluster = status.clusterName ? `, cluster ${status.clusterName}` : '';
  return { tone: 'ok', label: 'Online', detail: `Online${ps ? `, ${ps}` : ''}${cluster}; ${checked}` };
}
