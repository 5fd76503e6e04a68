// Where the core finds the files it runs: the agent bundle, the simulator (lab host) and the app's own
// PowerShell scripts. In development they are the repository's folders; in a packaged app they are resources
// (electron-builder.yml's extraResources: agent/, simulator/ and scripts/<folder>/).
import { join, resolve } from 'node:path';

export interface CorePaths {
  /** The agent bundle with its bundle.manifest.json. */
  readonly agentBundle: string;
  /** The Hyper-V simulator (New-LabHost.ps1, modules/, scenarios/). */
  readonly simulatorRoot: string;
  readonly remoteWrapper: string;
  readonly warmSessionLoop: string;
  readonly connectionProbe: string;
  readonly bundleCheck: string;
  readonly bundleInstall: string;
  readonly labControl: string;
  readonly labShim: string;
}

export type CoreRoot = { readonly repoRoot: string } | { readonly resourcesRoot: string };

/** The paths under a repository checkout (`repoRoot`) or a packaged app's resources folder (`resourcesRoot`). */
export function corePaths(root: CoreRoot): CorePaths {
  if ('repoRoot' in root) {
    const repo = resolve(root.repoRoot);
    const core = join(repo, 'electron', 'core');
    return layout(join(repo, 'powershell', 'agent'), join(repo, 'powershell', 'simulator'), (folder) =>
      join(core, folder, 'scripts'),
    );
  }
  const resources = resolve(root.resourcesRoot);
  return layout(join(resources, 'agent'), join(resources, 'simulator'), (folder) => join(resources, 'scripts', folder));
}

function layout(agentBundle: string, simulatorRoot: string, scripts: (folder: string) => string): CorePaths {
  return {
    agentBundle,
    simulatorRoot,
    remoteWrapper: join(scripts('powershell'), 'Invoke-RemoteAgentScript.ps1'),
    warmSessionLoop: join(scripts('hosts'), 'Start-WarmSession.ps1'),
    connectionProbe: join(scripts('hosts'), 'Test-HostConnection.ps1'),
    bundleCheck: join(scripts('deploy'), 'Get-AgentBundleState.ps1'),
    bundleInstall: join(scripts('deploy'), 'Install-AgentBundle.ps1'),
    labControl: join(scripts('lab'), 'Invoke-LabControl.ps1'),
    labShim: join(scripts('lab'), 'Invoke-LabHostScript.ps1'),
  };
}
