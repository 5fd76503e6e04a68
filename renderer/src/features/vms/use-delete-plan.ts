// Plan-only runs of the delete script (S2) for the confirmation dialogs: one VM, or several with at most two
// runs at a time (each run is a PowerShell session on the host). An answer that arrives after the dialog
// closed or its targets changed is dropped.
import type { ChannelValue } from '@shared/contract/api';
import type { AppError } from '@shared/contract/errors';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAppStores } from '../../stores/app-stores';

export type PlanValue = ChannelValue<'jobs.planDelete'>;
export type PlanState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: AppError }
  | { readonly status: 'ready'; readonly value: PlanValue };

export interface PlanTarget {
  readonly key: string;
  readonly hostId: string;
  readonly vmId: string;
  readonly vmName: string;
}

const LOADING: PlanState = { status: 'loading' };
const PARALLEL_PLANS = 2;

/** The plan of each target by key (pass a memoized array); `reload(key)` runs one again after an error. */
export function useDeletePlans(targets: readonly PlanTarget[]) {
  const { api } = useAppStores();
  const [plans, setPlans] = useState<ReadonlyMap<string, PlanState>>(() => new Map());
  // Bumped whenever the targets change or the dialog goes away: answers of an older epoch are dropped.
  const epoch = useRef(0);
  const latestTargets = useRef(targets);
  latestTargets.current = targets;

  const planOne = useCallback(
    async (target: PlanTarget, mine: number) => {
      const { hostId, vmId, vmName, key } = target;
      const result = await api.jobs.planDelete({ hostId, vmId, vmName });
      if (epoch.current !== mine) return;
      const state: PlanState = result.ok
        ? { status: 'ready', value: result.value }
        : { status: 'error', error: result.error };
      setPlans((previous) => new Map(previous).set(key, state));
    },
    [api],
  );

  useEffect(() => {
    epoch.current += 1;
    const mine = epoch.current;
    setPlans(new Map(targets.map((target) => [target.key, LOADING])));
    const queue = [...targets];
    const worker = async () => {
      for (let target = queue.shift(); target && epoch.current === mine; target = queue.shift()) {
        await planOne(target, mine);
      }
    };
    for (let i = 0; i < PARALLEL_PLANS; i++) void worker();
    return () => {
      epoch.current += 1;
    };
  }, [targets, planOne]);

  const reload = useCallback(
    (key: string) => {
      const target = latestTargets.current.find((candidate) => candidate.key === key);
      if (!target) return;
      setPlans((previous) => new Map(previous).set(key, LOADING));
      void planOne(target, epoch.current);
    },
    [planOne],
  );

  return { plans, reload };
}
