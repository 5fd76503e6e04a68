// What a delete will do, from the plan-only run (S2, C9): the cluster role removed first, the power action,
// checkpoints, every file deleted with its size, every file kept and why, drives detached, folders pruned and
// folders kept, and the host's warnings. Read-only; both delete dialogs show it.
import type { DeletePlan, KeptFile, KeptFolder } from '@shared/contract/delete-plan';
import { formatBytes } from './format';
import type { PlanValue } from './use-delete-plan';

const FILE_KIND_LABELS: Record<DeletePlan['filesToDelete'][number]['kind'], string> = {
  disk: 'disk',
  checkpoint_disk: 'checkpoint disk',
  iso: 'ISO',
  provisioning_iso: 'provisioning ISO',
  config: 'configuration',
};

const FILE_KEEP_REASONS: Record<KeptFile['reason'], string> = {
  shared: 'another VM uses it',
  parent: "a parent of this VM's disks (a template or base image)",
  outside_vm_folders: "outside this VM's folders",
  named_for_other_vm: 'named for another VM',
};

const FOLDER_KEEP_REASONS: Record<KeptFolder['reason'], string> = {
  not_empty: 'holds other files',
  protected_root: 'a protected root (drive, cluster volume or default Hyper-V path)',
  other_vm: "holds another VM's files",
};

/** The host's detail when it says more than the reason's label (the agent often repeats the reason). */
function extraDetail(label: string, detail: string | null | undefined): string {
  if (!detail) return '';
  const [a, b] = [label.toLowerCase(), detail.toLowerCase()];
  return a.includes(b) || b.includes(a) ? '' : ` (${detail})`;
}

/** The bytes the plan frees (files of unknown size count as zero). */
export function planBytes(plan: DeletePlan): number {
  return plan.filesToDelete.reduce((sum, file) => sum + (file.sizeBytes ?? 0), 0);
}

/** One line: "3 files (4.0 GB) deleted · 1 kept · 2 folders pruned". */
export function planSummary(plan: DeletePlan): string {
  const parts = [
    `${plan.filesToDelete.length} file${plan.filesToDelete.length === 1 ? '' : 's'} (${formatBytes(planBytes(plan))}) deleted`,
    `${plan.filesToKeep.length} kept`,
    `${plan.foldersToPrune.length} folder${plan.foldersToPrune.length === 1 ? '' : 's'} pruned`,
  ];
  if (plan.clusterRole) parts.unshift(`cluster role ${plan.clusterRole.name}`);
  return parts.join(' · ');
}

export function DeletePlanView({ value }: { value: PlanValue }) {
  const { plan, warnings } = value;
  return (
    <div className="delete-plan" data-testid="delete-plan">
      <section aria-label="Cluster role">
        <h4>Cluster role</h4>
        {plan.clusterRole ? (
          <p data-testid="plan-cluster-role">
            {plan.clusterRole.name} ({plan.clusterRole.state}) is removed first, with its resources.
          </p>
        ) : (
          <p data-testid="plan-cluster-role">The VM is not a cluster role.</p>
        )}
        {plan.powerAction === 'turn_off' && <p className="delete-plan__warn">The VM is turned off first (force).</p>}
        {!plan.vm.present && <p>The VM is already unregistered; the delete finishes the remaining work.</p>}
      </section>

      {plan.checkpoints.length > 0 && (
        <section aria-label="Checkpoints">
          <h4>Checkpoints removed ({plan.checkpoints.length})</h4>
          <ul>
            {plan.checkpoints.map((checkpoint) => (
              <li key={checkpoint.id}>{checkpoint.name}</li>
            ))}
          </ul>
        </section>
      )}

      <section aria-label="Files to delete">
        <h4>
          Files to delete ({plan.filesToDelete.length}, {formatBytes(planBytes(plan))})
        </h4>
        {plan.filesToDelete.length === 0 ? (
          <p className="delete-plan__none">None.</p>
        ) : (
          <ul className="delete-plan__files" data-testid="plan-files-delete">
            {plan.filesToDelete.map((file) => (
              <li key={file.path}>
                <span className="delete-plan__path">{file.path}</span>
                <span className="delete-plan__meta">
                  {FILE_KIND_LABELS[file.kind]} · {formatBytes(file.sizeBytes)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="Files kept">
        <h4>Files kept ({plan.filesToKeep.length})</h4>
        {plan.filesToKeep.length === 0 ? (
          <p className="delete-plan__none">None.</p>
        ) : (
          <ul className="delete-plan__files" data-testid="plan-files-keep">
            {plan.filesToKeep.map((file) => (
              <li key={file.path}>
                <span className="delete-plan__path">{file.path}</span>
                <span className="delete-plan__meta">
                  {FILE_KIND_LABELS[file.kind]} · kept: {FILE_KEEP_REASONS[file.reason]}
                  {extraDetail(FILE_KEEP_REASONS[file.reason], file.detail)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {plan.drivesToDetach.some((drive) => drive.kind === 'passthrough') && (
        <section aria-label="Pass-through disks">
          <h4>Pass-through disks (detached only)</h4>
          <ul>
            {plan.drivesToDetach
              .filter((drive) => drive.kind === 'passthrough')
              .map((drive) => (
                <li key={drive.controller}>
                  {drive.controller}: physical disk {drive.diskNumber ?? '?'}
                </li>
              ))}
          </ul>
        </section>
      )}

      <section aria-label="Folders">
        <h4>Folders to prune if empty ({plan.foldersToPrune.length})</h4>
        {plan.foldersToPrune.length === 0 ? (
          <p className="delete-plan__none">None.</p>
        ) : (
          <ul className="delete-plan__files" data-testid="plan-folders-prune">
            {plan.foldersToPrune.map((folder) => (
              <li key={folder}>
                <span className="delete-plan__path">{folder}</span>
              </li>
            ))}
          </ul>
        )}
        {plan.foldersToKeep.length > 0 && (
          <ul className="delete-plan__files" data-testid="plan-folders-keep">
            {plan.foldersToKeep.map((folder) => (
              <li key={folder.path}>
                <span className="delete-plan__path">{folder.path}</span>
                <span className="delete-plan__meta">
                  kept: {FOLDER_KEEP_REASONS[folder.reason]}
                  {folder.holds.length > 0 ? ` (holds ${folder.holds.join(', ')})` : ''}
                  {folder.detail ? ` — ${folder.detail}` : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {warnings.length > 0 && (
        <section aria-label="Warnings" className="delete-plan__warnings" data-testid="plan-warnings">
          <h4>Warnings</h4>
          <ul>
            {warnings.map((warning, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings are static for one plan and may repeat
              <li key={index}>
                {warning.message}
                {warning.path ? ` (${warning.path})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
