// The PowerShell processes of a lab host's job runs, found by what their command line names (Linux /proc): a
// cold run is `pwsh ... -File <sandbox>/C/ProgramData/HvAgent/bundle/<version>/Invoke-DeleteVmJob.ps1` (the
// pwsh of .tools is an apphost that starts `dotnet pwsh.dll` with the same arguments, in the same group).
import { readFileSync } from 'node:fs';
import { processesMentioning } from '../../hosts/__fixtures__/support';

export { processesMentioning };

/** Live processes of delete runs against this sandbox. */
export function deleteRunsOn(sandboxPath: string): number[] {
  const runs = new Set(processesMentioning('Invoke-DeleteVmJob.ps1'));
  return processesMentioning(sandboxPath).filter((pid) => runs.has(pid));
}

/** How many separate runs (process groups: the runner starts each run as its own group) those processes are. */
export function runCount(pids: readonly number[]): number {
  const groups = new Set<number>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      groups.add(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]));
    } catch {
      // Ended meanwhile.
    }
  }
  return groups.size;
}

/** SIGKILL to each process group (the runner starts each run as its own group); gone ones are skipped. */
export function killGroups(pids: readonly number[]): void {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Not a group leader, or gone.
    }
  }
}
