#!/usr/bin/env node
// Provisions the repo's PowerShell toolchain into the git-ignored .tools/ folder, skipping what is there:
//   PowerShell 7.6.9 as a .NET tool (.tools/pwsh) and Pester 5.7.1 restored from NuGet (.tools/nuget/pester).
// Used by `npm test`, `npm start`, `scripts/run-pwsh.mjs` and .ci/run. Run alone: `node scripts/ensure-tools.mjs`.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCommand } from './lib/run-command.mjs';
import {
  NUGET_PACKAGES_DIR,
  PESTER_MANIFEST,
  PESTER_VERSION,
  PWSH_PATH,
  PWSH_STORE_DIR,
  PWSH_VERSION,
  TOOLS_DIR,
  toolEnvironment,
} from './lib/tool-paths.mjs';

/** A tool is missing and cannot be provisioned; the message is the one line to show. */
export class MissingToolError extends Error {}

const DOTNET_MISSING =
  'Missing: the .NET SDK (`dotnet` is not on PATH), needed once to install PowerShell ' +
  `${PWSH_VERSION} and Pester ${PESTER_VERSION} into .tools/. Install the .NET SDK 8 or later ` +
  '(https://dotnet.microsoft.com/download), then run the command again.';

/**
 * Makes sure .tools/pwsh and the Pester module exist in the pinned versions.
 * @param {{ log?: (line: string) => void }} [options]
 * @returns {Promise<{ pwsh: string, pesterManifest: string }>}
 * @throws {MissingToolError} when something is missing and cannot be installed here.
 */
export async function ensureTools({ log = (line) => console.log(line) } = {}) {
  const needPwsh = !(existsSync(PWSH_PATH) && existsSync(PWSH_STORE_DIR));
  const needPester = !existsSync(PESTER_MANIFEST);
  if (!needPwsh && !needPester) return { pwsh: PWSH_PATH, pesterManifest: PESTER_MANIFEST };

  const dotnet = await runCommand('dotnet', ['--version'], { quiet: true, env: toolEnvironment() });
  if (dotnet.code !== 0) throw new MissingToolError(DOTNET_MISSING);
  const sdkMajor = dotnet.output.trim().split('.')[0];

  if (needPwsh) await installPwsh(log);
  if (needPester) await restorePester(sdkMajor, log);
  return { pwsh: PWSH_PATH, pesterManifest: PESTER_MANIFEST };
}

async function installPwsh(log) {
  // Another version installed by an older checkout: replace it rather than run the wrong one.
  if (existsSync(PWSH_PATH)) {
    log('tools: removing a PowerShell tool of another version from .tools/');
    await dotnetOrThrow(['tool', 'uninstall', '--tool-path', TOOLS_DIR, 'PowerShell'], 'uninstall PowerShell');
  }
  log(`tools: installing PowerShell ${PWSH_VERSION} into .tools/ (dotnet tool install)`);
  await dotnetOrThrow(
    ['tool', 'install', '--tool-path', TOOLS_DIR, 'PowerShell', '--version', PWSH_VERSION],
    `install PowerShell ${PWSH_VERSION}`,
  );
}

async function restorePester(sdkMajor, log) {
  log(`tools: restoring Pester ${PESTER_VERSION} from NuGet into .tools/nuget/`);
  // PackageDownload fetches a package without referencing it; the project exists only to carry that line.
  // Targeting the installed SDK's own framework keeps restore from downloading a targeting pack.
  const projectDir = join(TOOLS_DIR, 'pester-restore');
  rmSync(projectDir, { recursive: true, force: true });
  mkdirSync(projectDir, { recursive: true });
  const project = join(projectDir, 'pester-restore.csproj');
  writeFileSync(
    project,
    [
      '<Project Sdk="Microsoft.NET.Sdk">',
      `  <PropertyGroup><TargetFramework>net${sdkMajor}.0</TargetFramework></PropertyGroup>`,
      `  <ItemGroup><PackageDownload Include="Pester" Version="[${PESTER_VERSION}]" /></ItemGroup>`,
      '</Project>',
      '',
    ].join('\n'),
  );
  await dotnetOrThrow(['restore', project, '--packages', NUGET_PACKAGES_DIR], `restore Pester ${PESTER_VERSION}`);
  if (!existsSync(PESTER_MANIFEST)) {
    throw new MissingToolError(`Missing: ${PESTER_MANIFEST} after restoring Pester ${PESTER_VERSION} from NuGet.`);
  }
}

async function dotnetOrThrow(args, what) {
  const result = await runCommand('dotnet', args, { capture: true, env: toolEnvironment() });
  if (result.code !== 0) {
    throw new MissingToolError(`Missing: could not ${what} with \`dotnet ${args.join(' ')}\` (exit ${result.code}).`);
  }
}

// Run as a script: provision, report, and fail with the one line when something cannot be had.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const tools = await ensureTools();
    console.log(`tools: PowerShell ${PWSH_VERSION} at ${tools.pwsh}`);
    console.log(`tools: Pester ${PESTER_VERSION} at ${tools.pesterManifest}`);
  } catch (error) {
    if (!(error instanceof MissingToolError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  }
}
