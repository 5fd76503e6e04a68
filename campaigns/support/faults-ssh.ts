// The ssh rows of the fault matrix: a real OpenSSH server on loopback (electron/core/ssh-lab) whose powershell
// subsystem runs the simulator over its own lab sandbox, added to the core as an ordinary `ssh` host. Faults are
// made the way an admin meets them: the host record pointed at a loopback port nobody listens on (unreachable),
// or at a key the server does not accept (authentication); putting the record right is what "the fault is gone"
// means for a retry.
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type SshTestHost, startSshTestHost as startSshTestHostAsIs } from '../../electron/core/ssh-lab/ssh-test-host';

export type { SshTestHost };

/**
 * The ssh test host, able to take the agent bundle: its sessions get ProgramData = the sandbox's C:\ProgramData as
 * a real path. The deploy scripts resolve `$env:ProgramData\HvAgent\bundle` before anything maps the simulator's
 * drive letters (on a real host C: simply exists), so without it the core could never deploy there. sshd runs
 * the subsystem script afresh for every session, so rewriting it after the start is enough.
 */
export async function startSshTestHost(): Promise<SshTestHost> {
  const host = await startSshTestHostAsIs();
  const script = join(host.dir, 'powershell-subsystem.sh');
  const programData = join(host.sandboxPath, 'C', 'ProgramData');
  const lines = readFileSync(script, 'utf8').split('\n');
  const exec = lines.findIndex((line) => line.startsWith('exec '));
  if (exec < 0 || /['\\]/.test(programData)) throw new Error(`unexpected ssh test host subsystem script ${script}`);
  lines.splice(exec, 0, `ProgramData='${programData}'`, 'export ProgramData');
  writeFileSync(script, lines.join('\n'));
  return host;
}

/** A loopback port that was free a moment ago and has nothing listening on it now. */
export function closedLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The core's ssh settings for this test host: its known_hosts, strict checking, a short connect timeout. */
export function sshEnvironmentFor(host: SshTestHost) {
  return { knownHostsPath: host.knownHostsPath, strictHostKeyChecking: 'yes' as const, connectTimeoutSeconds: 10 };
}

export function sshHostDraft(host: SshTestHost, displayName: string) {
  return {
    displayName,
    address: host.host,
    connection: { transport: 'ssh' as const, username: host.user, keyPath: host.keyFilePath, port: host.port },
  };
}
