import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import type { ResolvedHost } from '../hosts/bundle-port';
import { createTestLab, labShimPath, pwshPath, repoRoot, type TestLab } from '../lab/test-support/test-lab';
import type { AgentEvent } from '../powershell/agent-events';
import { encodeAgentPayload } from '../powershell/command-spec';
import { buildLabCommand } from '../powershell/local-command';
import { PowerShellRunner } from '../powershell/powershell-runner';
import { LocalBundle, sha256Hex } from './bundle-manifest';
import { DeployService } from './deploy-service';
import { createHostScriptRunner } from './host-script-runner';

// Deploying the real agent bundle to the lab host with the real scripts, runner and simulator: the bundle lands
// in the lab's C:\ProgramData\HvAgent\bundle\<version>, a second call is served from the cache, a file changed on
// the host is put back, concurrent callers deploy once, and the deployed entry script runs from there.

const agentDir = resolve(repoRoot, 'powershell', 'agent');
const scripts = {
  check: resolve(repoRoot, 'electron', 'core', 'deploy', 'scripts', 'Get-AgentBundleState.ps1'),
  install: resolve(repoRoot, 'electron', 'core', 'deploy', 'scripts', 'Install-AgentBundle.ps1'),
};
const LAB_HOST: ResolvedHost = {
  id: 'lab',
  displayName: 'Lab host',
  address: 'localhost',
  connection: { transport: 'lab' },
  secret: null,
};

let testLab: TestLab;
let version: string;

function deployService(bundleRoot = agentDir): DeployService {
  const runScript = createHostScriptRunner({
    runner: testLab.runner,
    connection: {
      powershellPath: pwshPath,
      remoteWrapperPath: resolve(repoRoot, 'electron', 'core', 'powershell', 'scripts', 'Invoke-RemoteAgentScript.ps1'),
      baseEnv: process.env,
    },
    lab: testLab.lab,
    labShimPath,
  });
  return new DeployService({ bundle: new LocalBundle(bundleRoot), runScript, scripts });
}

function bundleFolder(): string {
  return join(testLab.lab.sandboxPath, 'C', 'ProgramData', 'HvAgent', 'bundle');
}

function runs(): { check: number; install: number } {
  return {
    check: testLab.runner.count('Get-AgentBundleState.ps1'),
    install: testLab.runner.count('Install-AgentBundle.ps1'),
  };
}

function expectMatchesManifest(folder: string): void {
  const manifest = JSON.parse(readFileSync(join(agentDir, 'bundle.manifest.json'), 'utf8')) as {
    files: { path: string; sha256: string }[];
  };
  const listed = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
  expect(listed).toEqual(manifest.files.map((file) => file.path).sort());
  for (const file of manifest.files) {
    expect(sha256Hex(readFileSync(join(folder, file.path))), file.path).toBe(file.sha256);
  }
}

beforeAll(async () => {
  testLab = createTestLab();
  await testLab.lab.ensureSandbox();
  version = (await new LocalBundle(agentDir).readManifest()).version;
});

afterAll(() => testLab.cleanup());

describe('DeployService on the lab host', () => {
  const service = () => sharedService;
  let sharedService: DeployService;
  beforeAll(() => {
    sharedService = deployService();
  });

  it('the first ensureCurrent deploys the bundle into the lab host C:\\ProgramData', async () => {
    const deployed = await service().ensureCurrent(LAB_HOST);
    const folder = join(bundleFolder(), version);
    expect(deployed).toEqual({ version, bundleRoot: folder });
    expectMatchesManifest(folder);
    expect(runs()).toEqual({ check: 2, install: 1 });
    // Nothing of the install is left beside it.
    expect(readdirSync(bundleFolder())).toEqual([version]);
  });

  it('the second ensureCurrent is served from the cache: no script runs', async () => {
    const before = testLab.runner.specs.length;
    await service().ensureCurrent(LAB_HOST);
    expect(testLab.runner.specs.length).toBe(before);
  });

  it('a file changed on the host (and one planted there) is detected and the bundle redeployed', async () => {
    const folder = join(bundleFolder(), version);
    writeFileSync(join(folder, 'HvAgent', 'HvAgent.psm1'), 'Write-Host "tampered"\n');
    writeFileSync(join(folder, 'HvAgent', 'Public', 'Invoke-Planted.ps1'), 'function Invoke-Planted { }\n');
    const before = runs();
    service().invalidate(LAB_HOST.id);
    await service().ensureCurrent(LAB_HOST);
    expect(runs()).toEqual({ check: before.check + 2, install: before.install + 1 });
    expectMatchesManifest(folder);
    expect(readdirSync(bundleFolder())).toEqual([version]);
  });

  it('concurrent ensureCurrent calls deploy once', async () => {
    rmSync(join(bundleFolder(), version), { recursive: true });
    const fresh = deployService();
    const before = runs();
    const results = await Promise.all([fresh.ensureCurrent(LAB_HOST), fresh.ensureCurrent(LAB_HOST)]);
    expect(results[0]).toEqual(results[1]);
    expect(runs()).toEqual({ check: before.check + 2, install: before.install + 1 });
    expectMatchesManifest(join(bundleFolder(), version));
  });

  it('the deployed entry script runs a plan-only delete from the deployed location', async () => {
    const { bundleRoot } = await service().ensureCurrent(LAB_HOST);
    const { sandboxPath, modulesPath } = await testLab.lab.ensureSandbox();
    const events: AgentEvent[] = [];
    const spec = buildLabCommand({
      powershellPath: pwshPath,
      scriptPath: join(bundleRoot, 'Invoke-DeleteVmJob.ps1'),
      payload: encodeAgentPayload({
        job_id: 'j-deployed-plan',
        vm_id: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12',
        vm_name: 'db01',
        mode: 'plan',
        requested_by: 'tester',
        control_plane: 'WS01',
      }),
      baseEnv: process.env,
      simulatorModulesPath: modulesPath,
      sandboxPath,
    });
    const run = await new PowerShellRunner().run(spec, { onEvent: (event) => events.push(event) });
    expect(run.result).toMatchObject({ status: 'succeeded', job_id: 'j-deployed-plan' });
    const plan = events.find((event) => event.type === 'plan');
    expect(plan?.type === 'plan' && plan.files_to_delete.map((file) => file.path)).toContain(
      'C:\\VMs\\db01\\Virtual Hard Disks\\db01-os.vhdx',
    );
  });

  it('a new bundle version is deployed beside the old one, which is kept', async () => {
    const copy = join(testLab.dataDir, 'agent-next');
    cpSync(agentDir, copy, { recursive: true });
    writeFileSync(join(copy, 'HvAgent', 'Private', 'Get-NextNote.ps1'), 'function Get-NextNote { }\n');
    execFileSync(
      pwshPath,
      [
        '-NoProfile',
        '-File',
        resolve(repoRoot, 'powershell', 'tools', 'Update-BundleManifest.ps1'),
        '-BundlePath',
        copy,
      ],
      {
        stdio: 'ignore',
      },
    );
    const next = await deployService(copy).ensureCurrent(LAB_HOST);
    expect(next.version).not.toBe(version);
    expect(readdirSync(bundleFolder()).sort()).toEqual([version, next.version].sort());
    expect(existsSync(join(next.bundleRoot, 'HvAgent', 'Private', 'Get-NextNote.ps1'))).toBe(true);
  });

  it('a local bundle that does not match its manifest is never deployed', async () => {
    const copy = join(testLab.dataDir, 'agent-broken');
    cpSync(agentDir, copy, { recursive: true });
    writeFileSync(join(copy, 'Get-HostInventory.ps1'), 'Write-Host "changed after the manifest"\n');
    const before = runs();
    const error = await deployService(copy)
      .ensureCurrent(LAB_HOST)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).error.code).toBe('bundle_verification_failed');
    expect(runs()).toEqual(before);
  });
});

describe('the bundle scripts on the lab host', () => {
  function runScript() {
    return createHostScriptRunner({
      runner: new PowerShellRunner(),
      connection: { powershellPath: pwshPath, remoteWrapperPath: '/unused.ps1', baseEnv: process.env },
      lab: testLab.lab,
      labShimPath,
    });
  }
  const content = Buffer.from('Write-Host "hello"\n');
  const file = {
    path: 'Hello.ps1',
    sha256: sha256Hex(content),
    bytes: content.length,
    content: content.toString('base64'),
  };

  it('the check reports a version that is not installed as absent', async () => {
    const result = await runScript()(LAB_HOST, scripts.check, { job_id: 'c1', version: '9.9.9+000000000000' });
    expect(result).toMatchObject({ status: 'succeeded', bundle: { present: false, files: [], owner_trusted: null } });
  });

  it('the install refuses a file whose bytes do not match its hash, and leaves nothing behind', async () => {
    const error = await runScript()(LAB_HOST, scripts.install, {
      job_id: 'i1',
      version: '9.9.8+000000000000',
      files: [{ ...file, sha256: 'f'.repeat(64) }],
    }).catch((caught: unknown) => caught as AppException);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).error).toMatchObject({
      code: 'script_failed',
      details: { hostCode: 'bundle_hash_mismatch', exitCode: 1 },
    });
    expect(readdirSync(bundleFolder()).filter((name) => name.startsWith('.') || name.startsWith('9.9.8'))).toEqual([]);
  });

  it('the install refuses a path that leaves the bundle folder', async () => {
    const error = await runScript()(LAB_HOST, scripts.install, {
      job_id: 'i2',
      version: '9.9.7+000000000000',
      files: [{ ...file, path: '../../escape.ps1' }],
    }).catch((caught: unknown) => caught as AppException);
    expect((error as AppException).error).toMatchObject({
      code: 'script_failed',
      details: { hostCode: 'invalid_payload', exitCode: 2 },
    });
    expect(existsSync(join(testLab.lab.sandboxPath, 'C', 'ProgramData', 'HvAgent', 'escape.ps1'))).toBe(false);
    expect(existsSync(join(bundleFolder(), '9.9.7+000000000000'))).toBe(false);
  });
});
