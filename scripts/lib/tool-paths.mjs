// Where the repo's own tools live and which versions it pins. Shared by ensure-tools, test, start and run-pwsh.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TOOLS_DIR = join(REPO_ROOT, '.tools');

export const PWSH_VERSION = '7.6.9';
export const PESTER_VERSION = '5.7.1';

export const PWSH_PATH = join(TOOLS_DIR, process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
/** dotnet keeps one folder per installed tool version; its presence tells us the version without starting pwsh. */
export const PWSH_STORE_DIR = join(TOOLS_DIR, '.store', 'powershell', PWSH_VERSION);
export const NUGET_PACKAGES_DIR = join(TOOLS_DIR, 'nuget');
export const PESTER_MANIFEST = join(NUGET_PACKAGES_DIR, 'pester', PESTER_VERSION, 'tools', 'Pester.psd1');

/** Environment for every tool process: no telemetry, no update checks, no banners. */
export function toolEnvironment(extra = {}) {
  return {
    ...process.env,
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
    DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
    POWERSHELL_TELEMETRY_OPTOUT: '1',
    POWERSHELL_UPDATECHECK: 'Off',
    ...extra,
  };
}
