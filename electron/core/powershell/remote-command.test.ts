import { describe, expect, it } from 'vitest';
import { encodeAgentPayload, POWERSHELL_FILE_ARGS } from './command-spec';
import { PowerShellError } from './powershell-error';
import { buildSshCommand, buildWinrmCommand } from './remote-command';

// The exact shape of the remote command specs. WinRM cannot run here, so its invocation is asserted instead;
// the wrapper's handling of these envelopes runs for real in remote-wrapper.test.ts.

const payload = encodeAgentPayload({ job_id: 'j-9', vm_name: 'web01' });
const base = {
  powershellPath: '/opt/pwsh',
  wrapperPath: '/app/scripts/Invoke-RemoteAgentScript.ps1',
  script: { kind: 'host_path' as const, path: 'C:\\ProgramData\\HvAgent\\bundle\\Invoke-DeleteVmJob.ps1' },
  payload,
  baseEnv: { PATH: '/usr/bin' },
};
const fixedArgs = [...POWERSHELL_FILE_ARGS, '/app/scripts/Invoke-RemoteAgentScript.ps1'];

function envelopeOf(stdin: string): Record<string, unknown> {
  expect(stdin.endsWith('\n')).toBe(true);
  expect(stdin.trimEnd()).not.toContain('\n'); // one line: the wrapper reads it as one pipeline item
  return JSON.parse(stdin) as Record<string, unknown>;
}

describe('buildSshCommand', () => {
  it('runs the fixed wrapper and sends every target value in the stdin envelope', () => {
    const spec = buildSshCommand({
      ...base,
      target: {
        host: 'hv01.corp.example',
        port: 2222,
        user: 'CORP\\hvadmin',
        keyFilePath: '/home/me/.ssh/id_ed25519',
        knownHostsPath: '/data/known_hosts',
        strictHostKeyChecking: 'accept-new',
        connectTimeoutSeconds: 15,
      },
    });
    expect(spec.transport).toBe('ssh');
    expect(spec.executable).toBe('/opt/pwsh');
    expect(spec.args).toEqual(fixedArgs);
    expect(spec.env.NO_COLOR).toBe('1');
    expect(envelopeOf(spec.stdinPayload)).toEqual({
      format: 1,
      transport: 'ssh',
      host: 'hv01.corp.example',
      port: 2222,
      user: 'CORP\\hvadmin',
      key_file: '/home/me/.ssh/id_ed25519',
      ssh_options: {
        BatchMode: 'yes',
        StrictHostKeyChecking: 'accept-new',
        UserKnownHostsFile: '/data/known_hosts',
        ConnectTimeout: '15',
      },
      script: { kind: 'host_path', path: 'C:\\ProgramData\\HvAgent\\bundle\\Invoke-DeleteVmJob.ps1' },
      payload,
    });
  });

  it('defaults: no port, no key, BatchMode only', () => {
    const spec = buildSshCommand({ ...base, target: { host: '[fe80::1]', user: 'root' } });
    expect(envelopeOf(spec.stdinPayload)).toMatchObject({
      host: '[fe80::1]',
      port: null,
      key_file: null,
      ssh_options: { BatchMode: 'yes' },
    });
  });

  it('keeps hostile but legal user names out of the command line', () => {
    const user = `a'b"; Remove-Item -Recurse C:\\ $(whoami) \`n @evil`;
    const spec = buildSshCommand({ ...base, target: { host: 'hv01', user } });
    expect(spec.args).toEqual(fixedArgs);
    for (const arg of spec.args) expect(arg).not.toContain('whoami');
    expect(envelopeOf(spec.stdinPayload).user).toBe(user);
  });

  it.each([
    ['an ssh option as host', { host: '-oProxyCommand=touch /tmp/x', user: 'bob' }, 'host'],
    ['a host with a user part', { host: 'root@hv01', user: 'bob' }, 'host'],
    ['a host with a port part', { host: 'hv01:22', user: 'bob' }, 'host'],
    ['a host with spaces', { host: 'hv01 -v', user: 'bob' }, 'host'],
    ['a host with a subexpression', { host: '$(whoami)', user: 'bob' }, 'host'],
    ['a host with a newline', { host: 'hv01\nhv02', user: 'bob' }, 'host'],
    ['an empty host', { host: '', user: 'bob' }, 'host'],
    ['an ssh option as user', { host: 'hv01', user: '-oProxyCommand=x' }, 'user'],
    ['a user with a control character', { host: 'hv01', user: 'bob\u0007' }, 'user'],
    ['a port out of range', { host: 'hv01', user: 'bob', port: 70000 }, 'port'],
    ['a relative key file', { host: 'hv01', user: 'bob', keyFilePath: 'id_rsa' }, 'keyFilePath'],
    ['an unknown option', { host: 'hv01', user: 'bob', proxyCommand: 'x' }, 'SSH target'],
  ])('rejects %s before anything runs', (_name, target, field) => {
    try {
      buildSshCommand({ ...base, target: target as never });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(PowerShellError);
      expect((error as PowerShellError).code).toBe('invalid_target');
      expect((error as PowerShellError).message).toContain(field);
    }
  });

  it('rejects a relative script path on the host and a bad payload', () => {
    expect(() =>
      buildSshCommand({
        ...base,
        script: { kind: 'host_path', path: 'bundle\\x.ps1' },
        target: { host: 'h', user: 'u' },
      }),
    ).toThrow(/script/);
    expect(() => buildSshCommand({ ...base, payload: 'x y', target: { host: 'h', user: 'u' } })).toThrow(/base64/);
    expect(() => buildSshCommand({ ...base, wrapperPath: 'wrapper.ps1', target: { host: 'h', user: 'u' } })).toThrow(
      /absolute/,
    );
  });
});

describe('buildWinrmCommand', () => {
  it('defaults to Negotiate over HTTP with no explicit credential', () => {
    const spec = buildWinrmCommand({ ...base, target: { host: 'hv02' } });
    expect(spec.transport).toBe('winrm');
    expect(spec.args).toEqual(fixedArgs);
    expect(envelopeOf(spec.stdinPayload)).toEqual({
      format: 1,
      transport: 'winrm',
      host: 'hv02',
      port: null,
      use_ssl: false,
      authentication: 'Negotiate',
      configuration_name: null,
      credential: null,
      session_options: {
        open_timeout_ms: null,
        operation_timeout_ms: null,
        skip_ca_check: false,
        skip_cn_check: false,
        skip_revocation_check: false,
      },
      script: base.script,
      payload,
    });
  });

  it('passes SSL, port, authentication, session options and the credential, the secret on stdin only', () => {
    const password = 'p@ss w0rd; $(Stop-Computer) "quoted"';
    const spec = buildWinrmCommand({
      ...base,
      script: { kind: 'local_file', path: '/app/scripts/Test-HostConnection.ps1' },
      target: {
        host: 'hv02.corp.example',
        port: 5986,
        useSsl: true,
        authentication: 'Kerberos',
        configurationName: 'PowerShell.7',
        credential: { user: 'CORP\\svc-hv', password },
        skipCaCheck: true,
        skipCnCheck: true,
        openTimeoutMs: 5000,
        operationTimeoutMs: 600000,
      },
    });
    expect(spec.args).toEqual(fixedArgs);
    expect(JSON.stringify(spec.args)).not.toContain('w0rd');
    expect(JSON.stringify(spec.env)).not.toContain('w0rd');
    expect(envelopeOf(spec.stdinPayload)).toMatchObject({
      host: 'hv02.corp.example',
      port: 5986,
      use_ssl: true,
      authentication: 'Kerberos',
      configuration_name: 'PowerShell.7',
      credential: { user: 'CORP\\svc-hv', password },
      session_options: {
        open_timeout_ms: 5000,
        operation_timeout_ms: 600000,
        skip_ca_check: true,
        skip_cn_check: true,
      },
      script: { kind: 'local_file', path: '/app/scripts/Test-HostConnection.ps1' },
    });
  });

  it('never echoes a password in a validation error', () => {
    try {
      buildWinrmCommand({ ...base, target: { host: 'hv02', credential: { user: '-x', password: 'TopSecret1' } } });
      expect.unreachable();
    } catch (error) {
      expect((error as PowerShellError).code).toBe('invalid_target');
      expect((error as Error).message).toContain('credential.user');
      expect((error as Error).message).not.toContain('TopSecret1');
    }
  });

  it.each([
    ['a hostile host', { host: 'hv02;calc' }],
    ['an unknown authentication', { host: 'hv02', authentication: 'Digest' }],
    ['a configuration name with spaces', { host: 'hv02', configurationName: 'a b' }],
  ])('rejects %s', (_name, target) => {
    expect(() => buildWinrmCommand({ ...base, target: target as never })).toThrow(PowerShellError);
  });
});
