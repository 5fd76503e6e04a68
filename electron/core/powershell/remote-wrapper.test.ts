import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fixture, pwshPath, remoteWrapperPath } from './__fixtures__/paths';
import { type CommandSpec, encodeAgentPayload } from './command-spec';
import { PowerShellError } from './powershell-error';
import { PowerShellRunner } from './powershell-runner';
import { buildSshCommand, buildWinrmCommand } from './remote-command';
import type { OutputLine } from './script-run';

// The remote wrapper (scripts/Invoke-RemoteAgentScript.ps1) run by real pwsh with the remoting cmdlets replaced
// by stand-ins (__fixtures__/remoting-mocks.ps1) that record how they were called and run the "remote" script
// block here. This proves what the wrapper passes to New-PSSession and Invoke-Command for each envelope, that the
// script's output streams back, that the script's exit code comes back, and how connection failures surface.

const payloadObject = { job_id: 'j-remote', vm_name: `web'01 "$(calc)" 中文` };
const payload = encodeAgentPayload(payloadObject);

/** The spec the builder made, run with the mocks loaded first (the only change: how pwsh is started). */
function withMocks(spec: CommandSpec, env: Record<string, string> = {}): CommandSpec {
  const command = `. '${fixture('remoting-mocks.ps1')}'; $input | & '${remoteWrapperPath}'; exit $LASTEXITCODE`;
  return { ...spec, args: ['-NoProfile', '-NonInteractive', '-Command', command], env: { ...spec.env, ...env } };
}

async function runWrapped(spec: CommandSpec) {
  const lines: OutputLine[] = [];
  const mocks: Record<string, unknown[]> = {};
  const outcome = await new PowerShellRunner().run(spec, { onLine: (line) => lines.push(line) }).then(
    (result) => ({ result, error: null as PowerShellError | null }),
    (error: unknown) => ({ result: null, error: error as PowerShellError }),
  );
  for (const line of lines) {
    const match = /^##mock (\S+) (.*)$/.exec(line.text);
    if (match?.[1] === undefined || match[2] === undefined) continue;
    const calls = mocks[match[1]] ?? [];
    calls.push(JSON.parse(match[2]));
    mocks[match[1]] = calls;
  }
  return { ...outcome, lines, mocks };
}

const hostile = `bob'; Remove-Item -Recurse / $(whoami) "x"`;

describe('remote wrapper over ssh', () => {
  it('opens the session with exactly the target values and streams the host script output back', async () => {
    const spec = buildSshCommand({
      powershellPath: pwshPath,
      wrapperPath: remoteWrapperPath,
      script: { kind: 'host_path', path: fixture('echo-payload-hash.ps1') },
      payload,
      baseEnv: process.env,
      target: {
        host: 'hv01.corp.example',
        port: 2222,
        user: hostile,
        keyFilePath: '/keys/id_ed25519',
        knownHostsPath: '/data/known_hosts',
        strictHostKeyChecking: 'yes',
      },
    });
    const run = await runWrapped(withMocks(spec));
    expect(run.error).toBeNull();
    expect(run.mocks['New-PSSession']).toEqual([
      {
        ErrorAction: 1, // Stop: a connection failure is terminating, so the wrapper can report it as such
        HostName: 'hv01.corp.example',
        KeyFilePath: '/keys/id_ed25519',
        Options: { BatchMode: 'yes', StrictHostKeyChecking: 'yes', UserKnownHostsFile: '/data/known_hosts' },
        Port: 2222,
        UserName: hostile,
      },
    ]);
    expect(run.mocks['Invoke-Command']?.[0]).toEqual({
      session: 'mock-session',
      script_block: true,
      argument_list: [fixture('echo-payload-hash.ps1'), payload],
      file_path: '',
      input_object: null,
    });
    expect(run.mocks['Remove-PSSession']).toEqual([{ session: 'mock-session' }]);
    const expectedHash = createHash('sha256').update(JSON.stringify(payloadObject), 'utf8').digest('hex');
    expect(run.result?.result?.sha256).toBe(expectedHash);
    expect(run.lines.some((line) => line.text.startsWith('log: '))).toBe(true);
  });

  it("returns the host script's exit code and its result message", async () => {
    const spec = buildSshCommand({
      powershellPath: pwshPath,
      wrapperPath: remoteWrapperPath,
      script: { kind: 'host_path', path: fixture('fail-with-result.ps1') },
      payload,
      baseEnv: process.env,
      target: { host: 'hv01', user: 'bob' },
    });
    const run = await runWrapped(withMocks(spec));
    expect(run.error?.code).toBe('script_failed');
    expect(run.error?.exitCode).toBe(1);
    expect(run.error?.message).toBe("VM 'web01' is Running; force is required");
    expect(run.mocks['Remove-PSSession']).toHaveLength(1);
  });

  it('sends a local self-contained script with -FilePath and the payload as input', async () => {
    const spec = buildSshCommand({
      powershellPath: pwshPath,
      wrapperPath: remoteWrapperPath,
      script: { kind: 'local_file', path: fixture('echo-payload-hash.ps1') },
      payload,
      baseEnv: process.env,
      target: { host: 'hv01', user: 'bob' },
    });
    const run = await runWrapped(withMocks(spec));
    expect(run.error).toBeNull();
    expect(run.mocks['Invoke-Command']?.[1]).toMatchObject({
      file_path: fixture('echo-payload-hash.ps1'),
      input_object: payload,
      argument_list: null,
    });
    expect(JSON.parse(String(run.result?.result?.text))).toEqual(payloadObject);
  });
});

describe('remote wrapper over WinRM', () => {
  it('opens the session with Negotiate, SSL, port, session options and the credential from stdin', async () => {
    const password = `p@ss'"; $(Stop-Computer) w0rd`;
    const spec = buildWinrmCommand({
      powershellPath: pwshPath,
      wrapperPath: remoteWrapperPath,
      script: { kind: 'host_path', path: fixture('echo-payload-hash.ps1') },
      payload,
      baseEnv: process.env,
      target: {
        host: 'hv02.corp.example',
        port: 5986,
        useSsl: true,
        credential: { user: 'CORP\\svc-hv', password },
        skipCaCheck: true,
        openTimeoutMs: 5000,
        operationTimeoutMs: 600000,
      },
    });
    const run = await runWrapped(withMocks(spec));
    expect(run.error).toBeNull();
    expect(run.mocks['New-PSSession']).toEqual([
      {
        Authentication: 'Negotiate',
        ComputerName: 'hv02.corp.example',
        ErrorAction: 1,
        Credential: { user: 'CORP\\svc-hv', password },
        Port: 5986,
        SessionOption: { OpenTimeout: 5000, OperationTimeout: 600000, SkipCACheck: true },
        UseSSL: true,
      },
    ]);
    expect(run.result?.result?.status).toBe('succeeded');
  });

  it('without a credential and with defaults: Negotiate, no SSL, no port', async () => {
    const spec = buildWinrmCommand({
      powershellPath: pwshPath,
      wrapperPath: remoteWrapperPath,
      script: { kind: 'host_path', path: fixture('echo-payload-hash.ps1') },
      payload,
      baseEnv: process.env,
      target: { host: 'hv02' },
    });
    const run = await runWrapped(withMocks(spec));
    expect(run.mocks['New-PSSession']).toEqual([
      { Authentication: 'Negotiate', ComputerName: 'hv02', ErrorAction: 1, SessionOption: {} },
    ]);
  });
});

describe('remote wrapper failures', () => {
  const spec = buildWinrmCommand({
    powershellPath: pwshPath,
    wrapperPath: remoteWrapperPath,
    script: { kind: 'host_path', path: fixture('echo-payload-hash.ps1') },
    payload,
    baseEnv: process.env,
    target: { host: 'hv02' },
  });

  it.each([
    [
      'Connecting to remote server hv02 failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.',
      'authentication_failed',
    ],
    [
      'Connecting to remote server hv02 failed with the following error message : The WinRM client cannot process the request because the server name cannot be resolved.',
      'host_unreachable',
    ],
    ['Something nobody has seen before', 'host_unreachable'],
  ])('a session that cannot be opened (%s) is %s, with the host message', async (message, code) => {
    const run = await runWrapped(withMocks(spec, { HVAGENT_TEST_CONNECT_ERROR: message }));
    expect(run.error).toBeInstanceOf(PowerShellError);
    expect(run.error?.code).toBe(code);
    expect(run.error?.exitCode).toBe(3);
    expect(run.error?.message).toContain(message);
    expect(run.mocks['Invoke-Command']).toBeUndefined();
  });

  it('an envelope that is not JSON exits 4 before any session is opened', async () => {
    const run = await runWrapped(withMocks({ ...spec, stdinPayload: 'not json\n' }));
    expect(run.error?.code).toBe('script_failed');
    expect(run.error?.exitCode).toBe(4);
    expect(run.error?.message).toContain('envelope');
    expect(run.mocks['New-PSSession']).toBeUndefined();
  });
});
