// Submits delete jobs (one per VM, in one call) and marks the accepted VMs `Deleting` at once; main's inventory
// events then take over the mark (inventory-store.ts). Each target is accepted or refused on its own (C4).
import type { ChannelArgsInput } from '@shared/contract/api';
import type { AppError } from '@shared/contract/errors';
import type { JobInfo } from '@shared/contract/jobs';
import { useCallback } from 'react';
import { useAppStores } from '../../stores/app-stores';

export type DeleteTarget = ChannelArgsInput<'jobs.submitDelete'>['targets'][number];

export interface SubmitOutcome {
  readonly accepted: readonly { readonly target: DeleteTarget; readonly job: JobInfo }[];
  readonly refused: readonly { readonly target: DeleteTarget; readonly error: AppError }[];
}

export type SubmitResult = { ok: true; value: SubmitOutcome } | { ok: false; error: AppError };

export function useSubmitDelete(): (targets: readonly DeleteTarget[]) => Promise<SubmitResult> {
  const { api, inventory } = useAppStores();
  return useCallback(
    async (targets) => {
      const result = await api.jobs.submitDelete({ targets: [...targets] });
      if (!result.ok) return result;
      const accepted: { target: DeleteTarget; job: JobInfo }[] = [];
      const refused: { target: DeleteTarget; error: AppError }[] = [];
      for (const item of result.value.items) {
        const target = targets.find((t) => t.hostId === item.hostId && t.vmId.toLowerCase() === item.vmId);
        if (!target) continue;
        if (item.outcome.ok) accepted.push({ target, job: item.outcome.value });
        else refused.push({ target, error: item.outcome.error });
      }
      inventory
        .getState()
        .markDeleting(accepted.map(({ target, job }) => ({ hostId: target.hostId, vmId: target.vmId, jobId: job.id })));
      return { ok: true, value: { accepted, refused } };
    },
    [api, inventory],
  );
}
