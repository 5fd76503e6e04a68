import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeAgentPayload, POWERSHELL_FILE_ARGS } from './command-spec';
import { buildLabCommand, buildLocalCommand } from './local-command';
import { PowerShellError } from './powershell-error';

const payload = encodeAgentPayload({ job_id: 'j-1', vm_name: 'a\'b"c$(x)' });
const baseEnv = { PATH: '/usr/bin', PSModulePath: '/opt/modules', UNSET: undefined };

describe('buildLocalCommand', () => {
  it('runs the entry script with -File and pipes the payload on stdin', () => {
    const spec = buildLocalCommand({
      powershellPath: '/opt/pwsh',
      scriptPath: '/bundle/Invoke-DeleteVmJob.ps1',
      payload,
      baseEnv,
    });
    expect(spec).toEqual({
      transport: 'local',
      executable: '/opt/pwsh',
      args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', '/bundle/Invoke-DeleteVmJob.ps1'],
      env: {
        PATH: '/usr/bin',
        PSModulePath: '/opt/modules',
        NO_COLOR: '1',
        POWERSHELL_TELEMETRY_OPTOUT: '1',
        POWERSHELL_UPDATECHECK: 'Off',
      },
      stdinPayload: `${payload}\n`,
    });
    expect(spec.args).toEqual([...POWERSHELL_FILE_ARGS, '/bundle/Invoke-DeleteVmJob.ps1']);
  });

  it('never puts the payload on the command line', () => {
    const spec = buildLocalCommand({ powershellPath: 'pwsh', scriptPath: '/b/s.ps1', payload, baseEnv });
    expect(spec.args.join(' ')).not.toContain(payload);
  });

  it('refuses a relative script path (it could be read as a parameter) and a payload that is not base64', () => {
    const input = { powershellPath: 'pwsh', payload, baseEnv };
    expect(() => buildLocalCommand({ ...input, scriptPath: '-Command' })).toThrow(PowerShellError);
    expect(() => buildLocalCommand({ ...input, scriptPath: 'bundle/x.ps1' })).toThrow(/absolute/);
    for (const bad of ['', 'not base64!', '{"job_id":1}', 'abc']) {
      expect(() => buildLocalCommand({ ...input, scriptPath: '/b/s.ps1', payload: bad })).toThrow(/base64/);
    }
  });
});

describe('buildLabCommand', () => {
  it('puts the simulator modules first on PSModulePath and points HVSIM_ROOT at the sandbox', () => {
    const spec = buildLabCommand({
      powershellPath: '/opt/pwsh',
      scriptPath: '/bundle/Get-HostInventory.ps1',
      payload,
      baseEnv,
      simulatorModulesPath: '/repo/powershell/simulator/modules',
      sandboxPath: '/data/lab',
    });
    expect(spec.transport).toBe('lab');
    expect(spec.args).toEqual([...POWERSHELL_FILE_ARGS, '/bundle/Get-HostInventory.ps1']);
    expect(spec.env.PSModulePath).toBe(`/repo/powershell/simulator/modules${delimiter}/opt/modules`);
    expect(spec.env.HVSIM_ROOT).toBe('/data/lab');
    expect(spec.stdinPayload).toBe(`${payload}\n`);
  });

  it('uses the given path separator and works without an inherited PSModulePath', () => {
    const spec = buildLabCommand({
      powershellPath: 'pwsh',
      scriptPath: '/b/s.ps1',
      payload,
      baseEnv: { PATH: '/usr/bin' },
      simulatorModulesPath: '/sim',
      sandboxPath: '/lab',
      pathDelimiter: ';',
    });
    expect(spec.env.PSModulePath).toBe('/sim');
    const withInherited = buildLabCommand({
      powershellPath: 'pwsh',
      scriptPath: '/b/s.ps1',
      payload,
      baseEnv,
      simulatorModulesPath: '/sim',
      sandboxPath: '/lab',
      pathDelimiter: ';',
    });
    expect(withInherited.env.PSModulePath).toBe('/sim;/opt/modules');
  });
});
