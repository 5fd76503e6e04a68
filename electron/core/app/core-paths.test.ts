import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../powershell/__fixtures__/paths';
import { corePaths } from './core-paths';

describe('corePaths', () => {
  it('names files that exist in a checkout', () => {
    for (const [name, path] of Object.entries(corePaths({ repoRoot }))) expect(existsSync(path), name).toBe(true);
    expect(existsSync(join(corePaths({ repoRoot }).agentBundle, 'bundle.manifest.json'))).toBe(true);
  });

  it('puts the packaged ones under the resources folder, the bundle and simulator where electron-builder copies them', () => {
    const paths = corePaths({ resourcesRoot: '/opt/app/resources' });
    expect(paths.agentBundle).toBe('/opt/app/resources/agent');
    expect(paths.simulatorRoot).toBe('/opt/app/resources/simulator');
    expect(paths.bundleCheck).toBe('/opt/app/resources/scripts/deploy/Get-AgentBundleState.ps1');
    for (const path of Object.values(paths)) expect(path.startsWith('/opt/app/resources/')).toBe(true);
  });
});
