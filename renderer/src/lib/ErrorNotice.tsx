// An AppError as the administrator reads it: what failed, on which host and object, what to do. For dialogs
// and panels; names the host from the hosts store when rendered inside the app's StoresProvider.
import type { AppError } from '@shared/contract/errors';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { useOptionalAppStores } from '../stores/app-stores';
import type { HostsState } from '../stores/hosts-store';
import { describeError } from './errors';

export interface ErrorNoticeProps {
  error: AppError;
  /** Overrides the name looked up from details.hostId. */
  hostName?: string;
  /** Lists the field issues of a validation error (off when the form shows them beside the fields). */
  showIssues?: boolean;
  className?: string;
}

// Stands in for the hosts store outside StoresProvider, so the hook below is always called the same way.
const noHosts = createStore<Pick<HostsState, 'hosts'>>()(() => ({ hosts: [] }));

export function ErrorNotice({ error, hostName, showIssues = true, className }: ErrorNoticeProps) {
  const stores = useOptionalAppStores();
  const hostId = error.details?.hostId;
  const lookedUp = useStore(stores?.hosts ?? noHosts, (state) =>
    hostId === undefined ? undefined : state.hosts.find((h) => h.id === hostId)?.displayName,
  );
  const { title, detail, hint } = describeError(error, hostName ?? lookedUp);
  const issues = showIssues ? (error.details?.issues ?? []) : [];
  return (
    <div className={`error-notice ${className ?? ''}`.trim()} role="alert" data-testid="error-notice">
      <p className="error-notice__title">{title}</p>
      {detail && <p className="error-notice__detail">{detail}</p>}
      {issues.length > 0 && (
        <ul className="error-notice__issues">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
      <p className="error-notice__hint">{hint}</p>
    </div>
  );
}
