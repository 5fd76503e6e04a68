// One read of one host's inventory: runs the bundle's inventory script through the HostExecutor and turns its
// `result` event (already converted to HostFacts + VmInfo by shared readAgentLine) into the data or a typed error.
import type { ConvertedInventory } from '../../../shared/contract/agent/convert';
import { type AppError, AppException, appError, isAppException } from '../../../shared/contract/errors';
import { clip } from '../../../shared/contract/primitives';
import type { HostExecutor } from '../ports';

export interface InventoryRequest {
  /** The agent's `job_id`: reads are not jobs of the job engine, but the host logs them under this id. */
  jobId: string;
  requestedBy: string;
  controlPlane: string;
  timeoutMs: number;
  signal: AbortSignal;
}

/** The host's inventory, or throws an AppException (host_unreachable, script_failed, protocol_error, ...). */
export async function collectInventory(
  executor: HostExecutor,
  hostId: string,
  request: InventoryRequest,
): Promise<ConvertedInventory> {
  const payload = { job_id: request.jobId, requested_by: request.requestedBy, control_plane: request.controlPlane };
  // The log lines of a read are not kept: only the result matters, and failures carry their own message.
  const outcome = await executor.run(hostId, 'inventory', payload, {
    onLines: () => undefined,
    signal: request.signal,
    timeoutMs: request.timeoutMs,
  });
  const result = outcome.result;
  if (result === null || result.type !== 'result' || result.script !== 'inventory') {
    throw new AppException(
      appError('protocol_error', `The inventory script ended without a result (exit code ${outcome.exitCode}).`, {
        hostId,
        exitCode: outcome.exitCode,
      }),
    );
  }
  if (result.status === 'failed' || result.inventory === null) {
    const hostError = result.error;
    throw new AppException(
      appError('script_failed', hostError?.message || 'The inventory script failed on the host.', {
        hostId,
        ...(hostError ? { hostCode: hostError.code } : {}),
      }),
    );
  }
  return result.inventory;
}

/** Any failure of a read as the AppError the snapshot shows. */
export function toReadError(error: unknown, hostId: string): AppError {
  if (isAppException(error)) return error.error;
  const message = error instanceof Error ? error.message : String(error);
  return appError('internal', clip(`Reading the inventory failed: ${message}`), { hostId });
}
