// What a (lab or ssh test) host really holds, read behind the app's back: the VM as the simulator's state file has
// it, and whether a delete touched exactly its plan (sandbox before the first attempt vs after the retry).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changesBetween, type SandboxTree } from '../../electron/core/integration/support/sandbox-files';
import type { DeletePlan } from '../../shared/contract/delete-plan';

interface SimVm {
  id: string;
  name: string;
  state: string;
}

/** The VM's state name on the host (e.g. 'Off', 'Running'), or null when the host no longer has it. */
export function hostVmState(sandboxPath: string, vmId: string): string | null {
  const state = JSON.parse(readFileSync(join(sandboxPath, 'state.json'), 'utf8')) as { vms: SimVm[] };
  return state.vms.find((vm) => vm.id === vmId)?.state ?? null;
}

export interface PlanComparison {
  /** Planned files still on the host. */
  left: string[];
  /** Files removed, changed or added that the plan does not list; folders removed or added outside it. */
  outside: string[];
}

/** Every planned file gone, nothing else touched (folders only the plan's own ones, and only removed). */
export function compareWithPlan(before: SandboxTree, after: SandboxTree, plan: DeletePlan): PlanComparison {
  const key = (path: string) => path.toLowerCase();
  const planned = new Set(plan.filesToDelete.map((file) => key(file.path)));
  const prunable = new Set([...plan.foldersToPrune, ...plan.ownFolders].map(key));
  const changes = changesBetween(before, after);
  const outside = [
    ...[...changes.removedFiles, ...changes.changedFiles, ...changes.addedFiles].filter((p) => !planned.has(key(p))),
    ...changes.removedFolders.filter((path) => !prunable.has(key(path))),
    ...changes.addedFolders,
  ];
  const afterKeys = new Set([...after.files.keys()].map(key));
  const left = plan.filesToDelete.map((file) => file.path).filter((path) => afterKeys.has(key(path)));
  return { left, outside };
}
