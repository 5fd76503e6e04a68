import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import { pwshPath, repoRoot } from '../powershell/__fixtures__/paths';
import { computeBundleVersion, LocalBundle, MANIFEST_FILE, readModuleVersion } from './bundle-manifest';

// The manifest check in Node must agree with the PowerShell tool that writes the manifest
// (powershell/tools/BundleTools), on the real bundle and on a changed copy, and must refuse a bundle whose bytes
// differ from its manifest.

const agentDir = resolve(repoRoot, 'powershell', 'agent');
const toolsDir = resolve(repoRoot, 'powershell', 'tools');
const temps: string[] = [];

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOfBundle(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hvagent-bundle-'));
  temps.push(dir);
  const copy = join(dir, 'agent');
  cpSync(agentDir, copy, { recursive: true });
  return copy;
}

/** The version the PowerShell tool computes for a bundle folder (Get-BundleManifest, from the files). */
function toolVersion(bundlePath: string): string {
  // Paths travel in the environment: -Command would parse extra arguments as script text.
  const script = 'Import-Module -Name $env:HV_TOOLS -Force; (Get-BundleManifest -BundlePath $env:HV_BUNDLE).version';
  return execFileSync(pwshPath, ['-NoProfile', '-NonInteractive', '-Command', script], {
    encoding: 'utf8',
    env: { ...process.env, HV_TOOLS: resolve(toolsDir, 'BundleTools', 'BundleTools.psd1'), HV_BUNDLE: bundlePath },
  }).trim();
}

function rewriteManifestWithTool(bundlePath: string): void {
  execFileSync(
    pwshPath,
    [
      '-NoProfile',
      '-NonInteractive',
      '-File',
      resolve(toolsDir, 'Update-BundleManifest.ps1'),
      '-BundlePath',
      bundlePath,
    ],
    {
      stdio: 'ignore',
    },
  );
}

async function verificationError(bundle: LocalBundle): Promise<AppException> {
  const error = await bundle.verify().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppException);
  expect((error as AppException).error.code).toBe('bundle_verification_failed');
  return error as AppException;
}

describe('LocalBundle', () => {
  it('verifies the real bundle, and its version is the one the PowerShell tool computes', async () => {
    const verified = await new LocalBundle(agentDir).verify();
    expect(verified.version).toBe(toolVersion(agentDir));
    expect(verified.contents.size).toBe(verified.files.length);
    expect(verified.contents.get('Invoke-DeleteVmJob.ps1')?.length).toBeGreaterThan(100);
  });

  it('agrees with the tool on a bundle changed and re-manifested by the tool', async () => {
    const copy = copyOfBundle();
    writeFileSync(join(copy, 'HvAgent', 'Private', '.hidden-note.txt'), 'a hidden file is part of the bundle\r\n');
    rewriteManifestWithTool(copy);
    const before = (await new LocalBundle(agentDir).readManifest()).version;
    const verified = await new LocalBundle(copy).verify();
    expect(verified.version).toBe(toolVersion(copy));
    expect(verified.version).not.toBe(before);
    expect(verified.files.map((file) => file.path)).toContain('HvAgent/Private/.hidden-note.txt');
  });

  it('refuses a bundle with one changed byte, naming the file', async () => {
    const copy = copyOfBundle();
    const target = join(copy, 'HvAgent', 'HvAgent.psm1');
    const bytes = readFileSync(target);
    bytes[10] = (bytes[10] ?? 0) ^ 0x01;
    writeFileSync(target, bytes);
    const error = await verificationError(new LocalBundle(copy));
    expect(error.message).toContain('changed: HvAgent/HvAgent.psm1');
  });

  it('refuses a file the manifest does not list, and a listed file that is gone', async () => {
    const copy = copyOfBundle();
    writeFileSync(join(copy, 'Extra.ps1'), 'Write-Host planted');
    rmSync(join(copy, 'Get-HostInventory.ps1'));
    const error = await verificationError(new LocalBundle(copy));
    expect(error.message).toContain('missing: Get-HostInventory.ps1');
    expect(error.message).toContain('not in the manifest: Extra.ps1');
  });

  it('refuses a manifest whose version does not follow from its files', async () => {
    const copy = copyOfBundle();
    const manifestPath = join(copy, MANIFEST_FILE);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
    manifest.version = '0.1.0+000000000000';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const error = await verificationError(new LocalBundle(copy));
    expect(error.message).toContain('says version 0.1.0+000000000000');
  });

  it('refuses a missing or malformed manifest', async () => {
    const copy = copyOfBundle();
    appendFileSync(join(copy, MANIFEST_FILE), '}');
    expect((await verificationError(new LocalBundle(copy))).message).toContain('not valid JSON');
    rmSync(join(copy, MANIFEST_FILE));
    expect((await verificationError(new LocalBundle(copy))).message).toContain('no readable');
  });
});

describe('version formula', () => {
  it('hashes "<sha256>  <path>\\n" lines and keeps 12 hex digits', () => {
    // printf 'aa  x\nbb  y\n' | sha256sum
    const version = computeBundleVersion('1.2.3', [
      { path: 'x', sha256: 'aa' },
      { path: 'y', sha256: 'bb' },
    ]);
    expect(version).toMatch(/^1\.2\.3\+[0-9a-f]{12}$/);
    const shell = execFileSync('sh', ['-c', "printf 'aa  x\\nbb  y\\n' | sha256sum | cut -c1-12"], {
      encoding: 'utf8',
    });
    expect(version).toBe(`1.2.3+${shell.trim()}`);
  });

  it('reads ModuleVersion from a module manifest', () => {
    expect(readModuleVersion("@{\n    RootModule = 'x'\n    ModuleVersion     = '0.1.0'\n}")).toBe('0.1.0');
    expect(readModuleVersion('@{ }')).toBeNull();
  });
});
