import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Where the tests find their fixtures, the wrapper script and the repository's PowerShell (.tools/pwsh).

export const fixturesDir = dirname(fileURLToPath(import.meta.url));
export const powershellDir = resolve(fixturesDir, '..');
export const repoRoot = resolve(fixturesDir, '../../../..');
export const pwshPath = resolve(repoRoot, '.tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
export const remoteWrapperPath = resolve(powershellDir, 'scripts', 'Invoke-RemoteAgentScript.ps1');

export function fixture(name: string): string {
  return resolve(fixturesDir, name);
}
