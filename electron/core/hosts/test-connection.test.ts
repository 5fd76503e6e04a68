import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppException, appError } from '../../../shared/contract/errors';
import { hostTestResultSchema } from '../../../shared/contract/hosts';
import { PowerShellRunner } from '../powershell/powershell-runner';
import {
  buildLabSandbox,
  connectionEnv,
  fixedLab,
  fixtureBundleDir,
  noLab,
  probePath,
  resolvedHost,
} from './__fixtures__/support';
import type { LabHostProvider, ResolvedHost } from './bundle-port';
import type { ConnectionEnvironment } from './host-connection';
import { HostConnectionTester } from './test-connection';

function tester(
  options: { env?: ConnectionEnvironment; lab?: LabHostProvider; probe?: string; timeoutMs?: number } = {},
) {
  return new HostConnectionTester({
    runner: new PowerShellRunner({ stopGraceMs: 500 }),
    connectionEnv: options.env ?? connectionEnv(),
    lab: options.lab ?? noLab,
    probeScriptPath: options.probe ?? probePath,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

async function test(host: ResolvedHost, options: Parameters<typeof tester>[0] = {}) {
  const result = await tester(options).test(host);
  // Whatever happened, the result is a valid contract value.
  expect(hostTestResultSchema.parse(result)).toEqual(result);
  return result;
}

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'hosts-probe-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('Test connection on the lab host', () => {
  let lab: ReturnType<typeof buildLabSandbox>;
  beforeAll(() => {
    lab = buildLabSandbox();
  });
  afterAll(() => lab?.cleanup());

  it('reports the simulated host: name, PowerShell, Hyper-V module, cluster', async () => {
    const result = await test(resolvedHost({ id: 'lab', connection: { transport: 'lab' } }), {
      lab: fixedLab(lab.sandboxPath),
    });
    expect(result.status).toMatchObject({
      reachable: true,
      psEdition: 'Core',
      hyperVModule: true,
      clusterName: 'HVCLU01',
      error: null,
    });
    expect(result.status.psVersion).toMatch(/^7\./);
    expect(result.computerName).toBe('HV01');
    expect(result.hyperVModuleVersion).toMatch(/^\d+\.\d+/);
    expect(result.durationMs).toBeGreaterThan(0);
  });
});

describe('Test connection failures, each typed', () => {
  it('local host without Hyper-V: reachable, no module, no cluster', async () => {
    const env = connectionEnv({ baseEnv: { ...process.env, PSModulePath: '' } });
    const result = await test(resolvedHost(), { env });
    expect(result.status).toMatchObject({ reachable: true, hyperVModule: false, clusterName: null, error: null });
    expect(result.hyperVModuleVersion).toBeNull();
  });

  it('no PowerShell: powershell_missing', async () => {
    const env = connectionEnv({ powershellPath: join(scratch, 'no-pwsh') });
    const result = await test(resolvedHost(), { env });
    expect(result.status).toMatchObject({ reachable: false, hyperVModule: false, psVersion: null });
    expect(result.status.error?.code).toBe('powershell_missing');
  });

  it('ssh to a port nobody listens on: host_unreachable', async () => {
    const env = connectionEnv({ ssh: { connectTimeoutSeconds: 5, strictHostKeyChecking: 'no' } });
    const host = resolvedHost({ address: '127.0.0.1', connection: { transport: 'ssh', username: 'nobody', port: 1 } });
    const result = await test(host, { env });
    expect(result.status.reachable).toBe(false);
    expect(result.status.error?.code).toBe('host_unreachable');
  });

  it('winrm (no WSMan client here): a typed failure that never shows the password', async () => {
    const secret = 'Pr0be-pw;$(x)';
    const host = resolvedHost({
      address: 'hv09.invalid',
      connection: { transport: 'winrm', useSsl: false, username: 'CONTOSO\\admin' },
      secret,
    });
    const result = await test(host);
    expect(result.status.reachable).toBe(false);
    expect(result.status.error?.code).toBe('host_unreachable');
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('a probe that fails on the host: reachable, script_failed', async () => {
    // The fixture entry script does not know the probe's payload and exits 1.
    const result = await test(resolvedHost(), { probe: join(fixtureBundleDir, 'Invoke-DeleteVmJob.ps1') });
    expect(result.status.reachable).toBe(true);
    expect(result.status.error?.code).toBe('script_failed');
  });

  it('a probe without a report: protocol_error', async () => {
    const silent = join(scratch, 'silent.ps1');
    writeFileSync(silent, "Write-Host -Object 'hello'\n");
    const result = await test(resolvedHost(), { probe: silent });
    expect(result.status.error?.code).toBe('protocol_error');
  });

  it('a probe that hangs: timed_out', async () => {
    const hang = join(scratch, 'hang.ps1');
    writeFileSync(hang, 'Start-Sleep -Seconds 600\n');
    const result = await test(resolvedHost(), { probe: hang, timeoutMs: 1500 });
    expect(result.status).toMatchObject({ reachable: false, error: { code: 'timed_out' } });
  });

  it('a lab that cannot be seeded: lab_failed', async () => {
    const lab: LabHostProvider = {
      ensureSandbox: async () => {
        throw new AppException(appError('lab_failed', 'The lab sandbox could not be seeded: disk full'));
      },
    };
    const result = await test(resolvedHost({ connection: { transport: 'lab' } }), { lab });
    expect(result.status.error).toEqual({
      code: 'lab_failed',
      message: 'The lab sandbox could not be seeded: disk full',
    });
  });
});
