// What "Test connection" found (C1): reachability, PowerShell edition and version, the Hyper-V module, cluster
// membership, and when unreachable, why, as the admin reads it.
import type { HostTestResult } from '@shared/contract/hosts';
import { ErrorNotice } from '../../lib/ErrorNotice';

export function TestResultView({ result, hostName }: { result: HostTestResult; hostName: string }) {
  const { status } = result;
  const ps = status.psEdition || status.psVersion ? `${status.psEdition ?? ''} ${status.psVersion ?? ''}`.trim() : '—';
  return (
    <section className="test-result" aria-label="Connection test result" data-testid="host-test-result">
      <p className={`test-result__headline test-result__headline--${status.reachable ? 'ok' : 'error'}`} role="status">
        {status.reachable ? 'Reachable' : 'Not reachable'}
        {result.computerName ? ` — ${result.computerName}` : ''} ({result.durationMs} ms)
      </p>
      {status.reachable && (
        <dl className="facts">
          <dt>PowerShell</dt>
          <dd data-testid="test-powershell">{ps}</dd>
          <dt>Hyper-V module</dt>
          <dd data-testid="test-hyperv">
            {status.hyperVModule
              ? `Present${result.hyperVModuleVersion ? ` (${result.hyperVModuleVersion})` : ''}`
              : 'Missing'}
          </dd>
          <dt>Cluster</dt>
          <dd data-testid="test-cluster">{status.clusterName ? status.clusterName : 'Not clustered'}</dd>
        </dl>
      )}
      {status.error && <ErrorNotice error={status.error} hostName={hostName || 'this host'} />}
    </section>
  );
}
