import { spawn as nodeSpawn } from 'node:child_process';
import { win32 } from 'node:path';

// Stopping a PowerShell run means stopping everything it started: the pwsh process, the ssh client under it, a
// native tool a cmdlet launched. The runner asks first (interrupt), then, after a grace period, kills the tree.
//
// POSIX: the child is spawned detached, so it leads its own process group. interrupt() sends SIGINT to that group,
// as a terminal's Ctrl+C would: PowerShell stops the running pipeline and runs `finally` blocks (the agent
// releases its host lock there). The whole group, not the pid alone, because the pid may be a launcher: the
// .NET global-tool pwsh (.tools/pwsh) is a shim that starts `dotnet pwsh.dll` as a child and does not forward
// signals. SIGTERM would not do: measured with pwsh 7.6, it ends PowerShell at once, finally blocks unrun.
// killTree() sends SIGKILL to the whole group.
//
// Windows: there is no way to deliver Ctrl+C to a windowless child, so interrupt() is the hard kill:
// `taskkill /T /F /PID`, which ends the process and every descendant.

export interface ProcessTreeKiller {
  /** Ask the process to stop what it is doing (may be the same as killTree). */
  interrupt(pid: number): void;
  /** Kill the process and all its descendants. Never throws. */
  killTree(pid: number): void;
}

type KillFn = (pid: number, signal: NodeJS.Signals) => void;

export class PosixProcessTreeKiller implements ProcessTreeKiller {
  constructor(private readonly kill: KillFn = (pid, signal) => process.kill(pid, signal)) {}

  interrupt(pid: number): void {
    // The negative pid addresses the process group the detached child leads.
    if (!this.send(-pid, 'SIGINT')) this.send(pid, 'SIGINT');
  }

  killTree(pid: number): void {
    this.send(-pid, 'SIGKILL');
    this.send(pid, 'SIGKILL');
  }

  /** False when there was no such process (ESRCH: already gone; EPERM cannot happen for our own children). */
  private send(pid: number, signal: NodeJS.Signals): boolean {
    try {
      this.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

type SpawnFn = (
  command: string,
  args: readonly string[],
  options: { windowsHide: boolean; stdio: 'ignore' },
) => {
  on(event: 'error', listener: (error: Error) => void): unknown;
};

export class WindowsProcessTreeKiller implements ProcessTreeKiller {
  private readonly taskkill: string;

  constructor(
    private readonly spawn: SpawnFn = nodeSpawn,
    systemRoot: string = process.env.SystemRoot ?? 'C:\\Windows',
  ) {
    // By full path, so a taskkill.exe earlier on PATH is never the one that runs.
    this.taskkill = win32.join(systemRoot, 'System32', 'taskkill.exe');
  }

  interrupt(pid: number): void {
    this.killTree(pid);
  }

  killTree(pid: number): void {
    const child = this.spawn(this.taskkill, ['/T', '/F', '/PID', String(pid)], { windowsHide: true, stdio: 'ignore' });
    child.on('error', () => {
      // taskkill missing or the process already gone: nothing more can be done here.
    });
  }
}

export function createProcessTreeKiller(platform: NodeJS.Platform = process.platform): ProcessTreeKiller {
  return platform === 'win32' ? new WindowsProcessTreeKiller() : new PosixProcessTreeKiller();
}
