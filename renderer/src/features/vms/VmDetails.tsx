// The details pane of the VM the admin picked: its facts, disks (path, size, chain), DVD drives, checkpoints,
// cluster role, a "delete failed" notice with Retry, and the action bar.
import type { AppError } from '@shared/contract/errors';
import type { VmDisk, VmInfo } from '@shared/contract/inventory';
import { useState } from 'react';
import { ErrorNotice } from '../../lib/ErrorNotice';
import { useAppStores } from '../../stores/app-stores';
import { formatBytes, formatTimestamp, formatUptime } from './format';
import { StateBadge } from './StateBadge';
import { VmActions } from './VmActions';

export interface VmDetailsProps {
  readonly vm: VmInfo;
  readonly hostName: string;
  readonly onDelete: (vm: VmInfo) => void;
}

function DiskItem({ disk }: { disk: VmDisk }) {
  return (
    <li className="vm-details__disk">
      <div className="vm-details__path">{disk.path ?? `Physical disk ${disk.diskNumber ?? '?'} (pass-through)`}</div>
      <div className="vm-details__meta">
        {disk.controller}
        {disk.vhdType && ` · ${disk.vhdType}`}
        {disk.sizeBytes !== null && ` · ${formatBytes(disk.sizeBytes)} virtual`}
        {disk.fileSizeBytes !== null && ` · ${formatBytes(disk.fileSizeBytes)} on disk`}
      </div>
      {disk.chain.length > 0 && (
        <ol className="vm-details__chain" aria-label="Parent chain, nearest first">
          {disk.chain.map((parent) => (
            <li key={parent}>parent: {parent}</li>
          ))}
        </ol>
      )}
    </li>
  );
}

function DeleteFailedNotice({ vm }: { vm: VmInfo }) {
  const { api, ui } = useAppStores();
  const [error, setError] = useState<AppError | null>(null);
  const failed = vm.deleteFailed;
  if (!failed) return null;
  const retry = async () => {
    setError(null);
    const result = await api.jobs.retry({ jobId: failed.jobId });
    if (!result.ok) setError(result.error);
    else ui.getState().openJob(result.value.id);
  };
  return (
    <div className="vm-details__failed" role="status" data-testid="vm-delete-failed-notice">
      <p>
        Delete failed (job {failed.jobId}): {failed.message}
      </p>
      <div className="vm-details__failed-actions">
        <button type="button" data-testid="delete-retry" onClick={() => void retry()}>
          Retry delete
        </button>
        <button type="button" onClick={() => ui.getState().openJob(failed.jobId)}>
          Open job
        </button>
      </div>
      {error && <ErrorNotice error={error} />}
    </div>
  );
}

export function VmDetails({ vm, hostName, onDelete }: VmDetailsProps) {
  const facts: [string, string][] = [
    ['Host', hostName],
    ['Status', vm.status || '—'],
    ['Cluster role', vm.isClustered ? (vm.clusterName ?? 'clustered') : 'not clustered'],
    ['Generation', String(vm.generation)],
    ['CPU', `${vm.cpuCount} vCPU · ${vm.cpuUsage}%`],
    ['Memory', `${formatBytes(vm.memoryAssignedBytes)} assigned · ${formatBytes(vm.memoryStartupBytes)} startup`],
    ['Uptime', formatUptime(vm.uptimeSeconds)],
    ['Configuration', vm.path ?? '—'],
    ['VM id', vm.id],
  ];
  return (
    <section className="vm-details" aria-labelledby="vm-details-title" data-testid="vm-details">
      <header className="vm-details__header">
        <h2 id="vm-details-title" className="vm-details__title">
          {vm.name}
        </h2>
        <StateBadge vm={vm} />
        {vm.stale && <span className="vm-details__stale">not yet confirmed by a refresh</span>}
      </header>
      <VmActions vm={vm} hostName={hostName} onDelete={onDelete} />
      <DeleteFailedNotice vm={vm} />
      <dl className="vm-details__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Disks ({vm.disks.length})</h3>
      {vm.disks.length === 0 ? (
        <p className="vm-details__empty">No disks attached.</p>
      ) : (
        <ul className="vm-details__list">
          {vm.disks.map((disk) => (
            <DiskItem key={`${disk.controller}:${disk.path ?? disk.diskNumber}`} disk={disk} />
          ))}
        </ul>
      )}
      <h3>DVD drives ({vm.dvdDrives.length})</h3>
      {vm.dvdDrives.length === 0 ? (
        <p className="vm-details__empty">No DVD drives.</p>
      ) : (
        <ul className="vm-details__list">
          {vm.dvdDrives.map((dvd) => (
            <li key={dvd.controller}>
              <span className="vm-details__meta">{dvd.controller}</span>{' '}
              <span className="vm-details__path">{dvd.path ?? 'empty'}</span>
            </li>
          ))}
        </ul>
      )}
      <h3>Checkpoints ({vm.checkpointCount})</h3>
      {vm.checkpoints.length === 0 ? (
        <p className="vm-details__empty">No checkpoints.</p>
      ) : (
        <ul className="vm-details__list">
          {vm.checkpoints.map((checkpoint) => (
            <li key={checkpoint.id}>
              {checkpoint.name}{' '}
              <span className="vm-details__meta">
                {checkpoint.createdAt ? formatTimestamp(checkpoint.createdAt) : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
