import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the ssh lab finds the repository's pieces, derived from this file's own location (never a fixed clone
// path): the repository's PowerShell, the simulator, the agent bundle and the remote wrapper script.

export const sshLabDir = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(sshLabDir, '..', '..', '..');
export const pwshPath = resolve(repoRoot, '.tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
export const simulatorModulesPath = resolve(repoRoot, 'powershell', 'simulator', 'modules');
export const newLabHostScript = resolve(repoRoot, 'powershell', 'simulator', 'New-LabHost.ps1');
export const agentBundleDir = resolve(repoRoot, 'powershell', 'agent');
export const remoteWrapperPath = resolve(
  repoRoot,
  'electron',
  'core',
  'powershell',
  'scripts',
  'Invoke-RemoteAgentScript.ps1',
);

export function sshLabFixture(name: string): string {
  return resolve(sshLabDir, '__fixtures__', name);
}
