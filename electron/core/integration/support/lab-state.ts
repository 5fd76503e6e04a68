// Changes a lab host behind the app's back, through the simulator's own locked read-modify-write
// (Update-SimState), as someone working on the Hyper-V host directly would.
import { execFileSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { simulatorRoot } from '../../lab/test-support/test-lab';
import { pwshPath } from './test-core';

/** Renames the VM named `from` (exactly) to `to`. */
export function renameLabVm(sandboxPath: string, from: string, to: string): void {
  // The names travel in environment variables: this command text holds no name, whatever the names are.
  const command =
    "$ErrorActionPreference = 'Stop'; Import-Module HvSim; " +
    'Update-SimState -ScriptBlock { param($State) ($State.vms | Where-Object { $_.name -ceq $env:FROM_NAME }).name = $env:TO_NAME } | Out-Null';
  execFileSync(pwshPath, ['-NoProfile', '-NonInteractive', '-Command', command], {
    env: {
      ...process.env,
      HVSIM_ROOT: sandboxPath,
      PSModulePath: `${join(simulatorRoot, 'modules')}${delimiter}${process.env.PSModulePath ?? ''}`,
      FROM_NAME: from,
      TO_NAME: to,
    },
    stdio: 'ignore',
  });
}
