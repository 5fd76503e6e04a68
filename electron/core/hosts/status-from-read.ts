// What an inventory read tells about the host itself (C1's status in the sidebar): a read that answered says the
// host is reachable, with its PowerShell, Hyper-V module and cluster; a read that could not reach the host says
// so with the error. Stored only when something the admin sees changed, so the periodic refresh does not rewrite
// the host list every minute.
import type { AppError, ErrorCode } from '../../../shared/contract/errors';
import type { HostStatus } from '../../../shared/contract/hosts';
import type { HostFacts } from '../../../shared/contract/inventory';

export type InventoryReadOutcome = { ok: true; facts: HostFacts } | { ok: false; error: AppError };

/** Codes that mean the host was not reached (or not as the user it was told to use). */
const UNREACHED: ReadonlySet<ErrorCode> = new Set([
  'host_unreachable',
  'authentication_failed',
  'powershell_missing',
  'timed_out',
]);

export function statusFromRead(previous: HostStatus | null, read: InventoryReadOutcome, now: string): HostStatus {
  if (read.ok) {
    const { facts } = read;
    return {
      reachable: true,
      lastChecked: now,
      psEdition: facts.psEdition === 'Desktop' || facts.psEdition === 'Core' ? facts.psEdition : null,
      psVersion: facts.psVersion,
      hyperVModule: facts.hyperVModulePresent,
      clusterName: facts.clusterName,
      error: null,
    };
  }
  return {
    reachable: !UNREACHED.has(read.error.code),
    lastChecked: now,
    psEdition: previous?.psEdition ?? null,
    psVersion: previous?.psVersion ?? null,
    hyperVModule: previous?.hyperVModule ?? false,
    clusterName: previous?.clusterName ?? null,
    error: read.error,
  };
}

/** Equal in everything but the time of the check. */
export function sameStatus(a: HostStatus | null, b: HostStatus): boolean {
  if (a === null) return false;
  const { lastChecked: _a, ...restA } = a;
  const { lastChecked: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
