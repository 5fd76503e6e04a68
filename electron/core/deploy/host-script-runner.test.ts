import { describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import type { ResolvedHost } from '../hosts/bundle-port';
import type { ResultEvent } from '../powershell/agent-events';
import type { CommandSpec } from '../powershell/command-spec';
import { PowerShellError } from '../powershell/powershell-error';
import type { PowerShellRunner } from '../powershell/powershell-runner';
import type { RunningScript, RunResult } from '../powershell/script-run';
import { createHostScriptRunner } from './host-script-runner';

// How the bundle scripts are started per transport (always through the job command builders, the payload only on
// stdin), and how their outcomes come back.

const RESULT = { type: 'result', job_id: 'c', status: 'succeeded', error: null, bundle: {} } as ResultEvent;

class FakeRunner {
  specs: CommandSpec[] = [];
  stopped = 0;
  outcome: () => Promise<RunResult> = async () => ({ exitCode: 0, result: RESULT, stderrTail: [], durationMs: 1 });
  start(spec: CommandSpec): RunningScript {
    this.specs.push(spec);
    let stop!: () => void;
    const stoppedRun = new Promise<never>((_resolve, reject) => {
      stop = () => {
        this.stopped += 1;
        reject(new PowerShellError('cancelled', 'The PowerShell run was cancelled'));
      };
    });
    return { pid: 1, done: Promise.race([this.outcome(), stoppedRun]), stop };
  }
}

function setup() {
  const runner = new FakeRunner();
  const run = createHostScriptRunner({
    runner: runner as unknown as PowerShellRunner,
    connection: {
      powershellPath: '/usr/bin/pwsh',
      remoteWrapperPath: '/app/Invoke-RemoteAgentScript.ps1',
      baseEnv: {},
    },
    lab: { ensureSandbox: async () => ({ sandboxPath: '/data/lab/sandbox', modulesPath: '/app/simulator/modules' }) },
    labShimPath: '/app/lab/Invoke-LabHostScript.ps1',
  });
  return { runner, run };
}

const host = (connection: ResolvedHost['connection'], secret: string | null = null): ResolvedHost => ({
  id: 'h1',
  displayName: 'HV01',
  address: 'hv01.contoso.local',
  connection,
  secret,
});

async function failureOf(promise: Promise<unknown>): Promise<AppException> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppException);
  return error as AppException;
}

const PAYLOAD = { job_id: 'c', version: "1.0.0+abc'; Remove-Item C:\\ -Recurse; '" };

describe('createHostScriptRunner', () => {
  it('lab: runs the shim with the script as its argument, simulator modules and sandbox in the environment', async () => {
    const { runner, run } = setup();
    expect(await run(host({ transport: 'lab' }), '/app/deploy/Get-AgentBundleState.ps1', PAYLOAD)).toBe(RESULT);
    const spec = runner.specs[0] as CommandSpec;
    expect(spec.transport).toBe('lab');
    expect(spec.args.slice(-3)).toEqual([
      '/app/lab/Invoke-LabHostScript.ps1',
      '-ScriptPath',
      '/app/deploy/Get-AgentBundleState.ps1',
    ]);
    expect(spec.env.HVSIM_ROOT).toBe('/data/lab/sandbox');
    expect(spec.env.PSModulePath?.startsWith('/app/simulator/modules')).toBe(true);
    expect(JSON.parse(Buffer.from(spec.stdinPayload.trim(), 'base64').toString('utf8'))).toEqual(PAYLOAD);
  });

  it('winrm: the fixed wrapper; script, payload and password only in the stdin envelope', async () => {
    const { runner, run } = setup();
    await run(
      host({ transport: 'winrm', useSsl: true, username: 'CONTOSO\\admin' }, 's3cret!'),
      '/app/deploy/Install-AgentBundle.ps1',
      PAYLOAD,
    );
    const spec = runner.specs[0] as CommandSpec;
    expect(spec.transport).toBe('winrm');
    expect(spec.args.at(-1)).toBe('/app/Invoke-RemoteAgentScript.ps1');
    expect(spec.args.join(' ')).not.toContain('Install-AgentBundle');
    const envelope = JSON.parse(spec.stdinPayload) as Record<string, unknown>;
    expect(envelope.script).toEqual({ kind: 'local_file', path: '/app/deploy/Install-AgentBundle.ps1' });
    expect(envelope.credential).toEqual({ user: 'CONTOSO\\admin', password: 's3cret!' });
    expect(JSON.parse(Buffer.from(String(envelope.payload), 'base64').toString('utf8'))).toEqual(PAYLOAD);
  });

  it('a script failure carries the host message and code; the secret never shows', async () => {
    const { runner, run } = setup();
    const failed = {
      type: 'result',
      job_id: 'c',
      status: 'failed',
      error: { code: 'bundle_install_failed', message: 'Access to C:\\ProgramData denied for s3cret!' },
    } as ResultEvent;
    runner.outcome = async () => {
      throw new PowerShellError('script_failed', 'exit 1', { exitCode: 1, result: failed });
    };
    const error = await failureOf(
      run(host({ transport: 'winrm', useSsl: false, username: 'u' }, 's3cret!'), '/app/x.ps1', PAYLOAD, {
        what: 'Deploying the agent bundle',
      }),
    );
    expect(error).toBeInstanceOf(AppException);
    expect(error.error).toEqual({
      code: 'script_failed',
      message: 'Deploying the agent bundle failed: Access to C:\\ProgramData denied for [redacted]',
      details: { hostId: 'h1', hostCode: 'bundle_install_failed', exitCode: 1 },
    });
  });

  it('transport failures keep their typed code', async () => {
    const { runner, run } = setup();
    runner.outcome = async () => {
      throw new PowerShellError('host_unreachable', 'could not open a session');
    };
    const error = await failureOf(run(host({ transport: 'ssh', username: 'admin' }), '/app/x.ps1', PAYLOAD));
    expect(error.error.code).toBe('host_unreachable');
  });

  it('a run without a result event is a protocol_error', async () => {
    const { runner, run } = setup();
    runner.outcome = async () => ({ exitCode: 0, result: null, stderrTail: [], durationMs: 1 });
    const error = await failureOf(run(host({ transport: 'local' }), '/app/x.ps1', PAYLOAD));
    expect(error.error.code).toBe('protocol_error');
  });

  it('an abort stops the run and rejects with cancelled; an aborted signal starts nothing', async () => {
    const { runner, run } = setup();
    runner.outcome = () => new Promise<never>(() => undefined);
    const controller = new AbortController();
    const pending = run(host({ transport: 'local' }), '/app/x.ps1', PAYLOAD, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect((await failureOf(pending)).error.code).toBe('cancelled');
    expect(runner.stopped).toBe(1);

    const refused = await failureOf(
      run(host({ transport: 'local' }), '/app/x.ps1', PAYLOAD, {
        signal: AbortSignal.abort(),
      }),
    );
    expect(refused.error.code).toBe('cancelled');
    expect(runner.specs).toHaveLength(1);
  });
});
