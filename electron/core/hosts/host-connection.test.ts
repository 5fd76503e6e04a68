import { describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import { encodeAgentPayload } from '../powershell/command-spec';
import type { ResolvedHost } from './bundle-port';
import {
  assertConnectable,
  buildHostCommand,
  buildWarmSessionLaunch,
  type ConnectionEnvironment,
  joinHostPath,
} from './host-connection';

const FLAGS = ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File'];
const HOSTILE_NAME = 'web01\'; Remove-Item C:\\ -Recurse; $(calc) `whoami` "x"\nnext';
const PASSWORD = 'pa\'ss; $(Get-Secret) `n"';
const payload = encodeAgentPayload({ job_id: 'j1', vm_name: HOSTILE_NAME, mode: 'plan' });

const env: ConnectionEnvironment = {
  powershellPath: '/usr/bin/pwsh',
  remoteWrapperPath: '/app/scripts/Invoke-RemoteAgentScript.ps1',
  baseEnv: { PATH: '/usr/bin', PSModulePath: '/usr/share/ps' },
  ssh: { knownHostsPath: '/app/data/known_hosts', strictHostKeyChecking: 'accept-new', connectTimeoutSeconds: 10 },
};

function host(overrides: Partial<ResolvedHost>): ResolvedHost {
  return {
    id: 'h1',
    displayName: 'HV01',
    address: 'hv01.contoso.local',
    connection: { transport: 'local' },
    secret: null,
    ...overrides,
  };
}

function envelope(stdin: string): Record<string, unknown> {
  return JSON.parse(stdin) as Record<string, unknown>;
}

/** Nothing the user typed may appear in the argument vector or the environment. */
function expectOnlyInStdin(spec: { args: readonly string[]; env: Readonly<Record<string, string>> }, values: string[]) {
  const visible = JSON.stringify([spec.args, spec.env]);
  for (const value of values) expect(visible).not.toContain(value);
}

describe('buildHostCommand', () => {
  it('local: pwsh -File <entry script>, the payload on stdin', () => {
    const spec = buildHostCommand(
      host({}),
      { where: 'host', path: '/opt/HvAgent/Invoke-DeleteVmJob.ps1' },
      payload,
      env,
      null,
    );
    expect(spec.transport).toBe('local');
    expect(spec.executable).toBe('/usr/bin/pwsh');
    expect(spec.args).toEqual([...FLAGS, '/opt/HvAgent/Invoke-DeleteVmJob.ps1']);
    expect(spec.stdinPayload).toBe(`${payload}\n`);
    expect(spec.env.PSModulePath).toBe('/usr/share/ps');
    expectOnlyInStdin(spec, [HOSTILE_NAME, 'web01']);
  });

  it('lab: the same command with the simulator modules first on PSModulePath and HVSIM_ROOT set', () => {
    const lab = { sandboxPath: '/data/lab', modulesPath: '/app/simulator/modules' };
    const spec = buildHostCommand(
      host({ connection: { transport: 'lab' } }),
      { where: 'host', path: '/app/agent/Get-HostInventory.ps1' },
      payload,
      env,
      lab,
    );
    expect(spec.transport).toBe('lab');
    expect(spec.args).toEqual([...FLAGS, '/app/agent/Get-HostInventory.ps1']);
    expect(spec.env.PSModulePath).toBe('/app/simulator/modules:/usr/share/ps');
    expect(spec.env.HVSIM_ROOT).toBe('/data/lab');
    expect(() =>
      buildHostCommand(
        host({ connection: { transport: 'lab' } }),
        { where: 'host', path: '/a.ps1' },
        payload,
        env,
        null,
      ),
    ).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'lab_failed' }) }));
  });

  it('ssh: the fixed wrapper; host, user, key, port, options and script only in the stdin envelope', () => {
    const keyPath = "/home/admin/it's $(x).key";
    const spec = buildHostCommand(
      host({
        address: 'hv02.contoso.local',
        connection: { transport: 'ssh', username: 'admin@contoso', keyPath, port: 2222 },
      }),
      { where: 'host', path: 'C:\\Program Files\\HvAgent\\Invoke-DeleteVmJob.ps1' },
      payload,
      env,
      null,
    );
    expect(spec.transport).toBe('ssh');
    expect(spec.args).toEqual([...FLAGS, '/app/scripts/Invoke-RemoteAgentScript.ps1']);
    expect(envelope(spec.stdinPayload)).toEqual({
      format: 1,
      transport: 'ssh',
      host: 'hv02.contoso.local',
      port: 2222,
      user: 'admin@contoso',
      key_file: keyPath,
      ssh_options: {
        BatchMode: 'yes',
        StrictHostKeyChecking: 'accept-new',
        UserKnownHostsFile: '/app/data/known_hosts',
        ConnectTimeout: '10',
      },
      script: { kind: 'host_path', path: 'C:\\Program Files\\HvAgent\\Invoke-DeleteVmJob.ps1' },
      payload,
    });
    expectOnlyInStdin(spec, ['hv02', 'admin@contoso', keyPath, 'HvAgent']);
  });

  it('winrm: the password travels only in the stdin envelope, with the user and the chosen authentication', () => {
    const username = "CONTOSO\\o'brien $(calc)";
    const spec = buildHostCommand(
      host({
        connection: { transport: 'winrm', useSsl: true, port: 5986, authentication: 'kerberos', username },
        secret: PASSWORD,
      }),
      { where: 'host', path: 'C:\\HvAgent\\Invoke-VmLifecycleJob.ps1' },
      payload,
      env,
      null,
    );
    expect(spec.transport).toBe('winrm');
    expect(spec.args).toEqual([...FLAGS, '/app/scripts/Invoke-RemoteAgentScript.ps1']);
    expect(envelope(spec.stdinPayload)).toMatchObject({
      transport: 'winrm',
      host: 'hv01.contoso.local',
      port: 5986,
      use_ssl: true,
      authentication: 'Kerberos',
      credential: { user: username, password: PASSWORD },
      script: { kind: 'host_path', path: 'C:\\HvAgent\\Invoke-VmLifecycleJob.ps1' },
      payload,
    });
    expectOnlyInStdin(spec, [PASSWORD, username, 'hv01']);
  });

  it('winrm without a user: Negotiate as the workstation user, no credential even if a secret were there', () => {
    const spec = buildHostCommand(
      host({ connection: { transport: 'winrm', useSsl: false }, secret: PASSWORD }),
      { where: 'workstation', path: '/app/scripts/Test-HostConnection.ps1' },
      payload,
      env,
      null,
    );
    const sent = envelope(spec.stdinPayload);
    expect(sent).toMatchObject({ authentication: 'Negotiate', credential: null, use_ssl: false, port: null });
    expect(sent.script).toEqual({ kind: 'local_file', path: '/app/scripts/Test-HostConnection.ps1' });
    expect(spec.stdinPayload).not.toContain(PASSWORD);
  });

  it('puts a bare IPv6 address in brackets for the remote transports', () => {
    const spec = buildHostCommand(
      host({ address: 'fe80::1', connection: { transport: 'ssh', username: 'admin' } }),
      { where: 'host', path: 'C:\\A\\x.ps1' },
      payload,
      env,
      null,
    );
    expect(envelope(spec.stdinPayload).host).toBe('[fe80::1]');
  });

  it('turns a value the transport refuses into validation_failed without quoting it', () => {
    const call = () =>
      buildHostCommand(
        host({ connection: { transport: 'ssh', username: '-oProxyCommand=calc' } }),
        { where: 'host', path: 'C:\\A\\x.ps1' },
        payload,
        env,
        null,
      );
    expect(call).toThrow(AppException);
    try {
      call();
    } catch (error) {
      expect((error as AppException).error.code).toBe('validation_failed');
      expect((error as AppException).error.message).not.toContain('ProxyCommand');
    }
    expect(() => assertConnectable('hv01', { transport: 'ssh', username: '-oProxyCommand=calc' }, env)).toThrow(
      AppException,
    );
    expect(() =>
      assertConnectable('hv01', { transport: 'ssh', username: 'admin', keyPath: 'relative.key' }, env),
    ).toThrow(AppException);
    expect(() => assertConnectable('hv01', { transport: 'winrm', useSsl: false }, env)).not.toThrow();
  });
});

describe('buildWarmSessionLaunch', () => {
  it('starts the loop script as the lab command would run it, and has no warm session for remote hosts', () => {
    const lab = { sandboxPath: '/data/lab', modulesPath: '/app/simulator/modules' };
    const launch = buildWarmSessionLaunch(
      host({ connection: { transport: 'lab' } }),
      '/app/scripts/Start-WarmSession.ps1',
      env,
      lab,
    );
    expect(launch).toMatchObject({
      executable: '/usr/bin/pwsh',
      args: [...FLAGS, '/app/scripts/Start-WarmSession.ps1'],
    });
    expect(launch?.env.HVSIM_ROOT).toBe('/data/lab');
    expect(
      buildWarmSessionLaunch(host({ connection: { transport: 'ssh', username: 'a' } }), '/x.ps1', env, null),
    ).toBeNull();
    expect(
      buildWarmSessionLaunch(host({ connection: { transport: 'winrm', useSsl: true } }), '/x.ps1', env, null),
    ).toBeNull();
  });
});

describe('joinHostPath', () => {
  it('joins in the folder’s own style', () => {
    expect(joinHostPath('C:\\ProgramData\\HvAgent\\bundle\\', 'Get-HostInventory.ps1')).toBe(
      'C:\\ProgramData\\HvAgent\\bundle\\Get-HostInventory.ps1',
    );
    expect(joinHostPath('C:', 'x.ps1')).toBe('C:\\x.ps1');
    expect(joinHostPath('/srv/agent/', 'x.ps1')).toBe('/srv/agent/x.ps1');
  });
});
