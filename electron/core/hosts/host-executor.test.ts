import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, AppException, appError } from '../../../shared/contract/errors';
import type { HostOutputLine, HostRunOptions } from '../ports';
import { PowerShellRunner } from '../powershell/powershell-runner';
import {
  agentDir,
  buildLabSandbox,
  connectionEnv,
  DB01,
  fakeDeployer,
  fixedLab,
  fixtureBundleDir,
  noLab,
  processesMentioning,
  resolvedHost,
  waitFor,
} from './__fixtures__/support';
import type { BundleDeployer, LabHostProvider, ResolvedHost } from './bundle-port';
import type { ConnectionEnvironment } from './host-connection';
import { AgentHostExecutor } from './host-executor';
import { StandbyJobProcesses } from './standby-job-process';

interface Setup {
  host?: ResolvedHost;
  deployer?: BundleDeployer;
  lab?: LabHostProvider;
  env?: ConnectionEnvironment;
  standby?: StandbyJobProcesses;
}

function executor(setup: Setup = {}) {
  const host = setup.host ?? resolvedHost();
  return new AgentHostExecutor({
    hosts: {
      resolve: async (hostId) => {
        if (hostId !== host.id) throw new AppException(appError('host_not_found', `No host with id '${hostId}'.`));
        return host;
      },
    },
    deployer: setup.deployer ?? fakeDeployer(fixtureBundleDir),
    lab: setup.lab ?? noLab,
    runner: new PowerShellRunner({ stopGraceMs: 500 }),
    connectionEnv: setup.env ?? connectionEnv(),
    ...(setup.standby === undefined ? {} : { standby: setup.standby }),
  });
}

interface Recorded {
  batches: { at: number; lines: readonly HostOutputLine[] }[];
  lines: HostOutputLine[];
  options: HostRunOptions;
}

function recorder(extra: Partial<HostRunOptions> = {}): Recorded {
  const recorded: Recorded = {
    batches: [],
    lines: [],
    options: {
      onLines: (lines) => {
        recorded.batches.push({ at: Date.now(), lines });
        recorded.lines.push(...lines);
      },
      ...extra,
    },
  };
  return recorded;
}

const base = { job_id: 'j-1', requested_by: 'tester', control_plane: 'WS01' };

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return (error as AppException).error;
  }
  throw new Error('expected the run to fail');
}

describe('AgentHostExecutor with a fixture bundle on the local transport (real pwsh)', () => {
  it('hands lines on in batches while the script runs, and parses the result', async () => {
    const deployer = fakeDeployer(fixtureBundleDir);
    const run = recorder();
    const result = await executor({ deployer }).run(
      'h1',
      'delete',
      { ...base, fixture: 'stream', mode: 'execute' },
      run.options,
    );
    const endedAt = Date.now();
    expect(deployer.calls).toBe(1);
    expect(result.exitCode).toBe(0);
    expect(result.result).toMatchObject({
      type: 'result',
      script: 'delete',
      jobId: 'j-1',
      result: { status: 'succeeded' },
    });
    expect(run.lines.filter((line) => line.event === null).map((line) => line.text)).toEqual([
      'line 1',
      'line 2',
      'line 3',
      'line 4',
    ]);
    expect(run.lines.filter((line) => line.event?.type === 'step')).toHaveLength(4);
    // Lines arrive as they are written (300 ms apart), not all at the end.
    expect(run.batches.length).toBeGreaterThanOrEqual(3);
    expect(endedAt - (run.batches[0]?.at ?? endedAt)).toBeGreaterThan(600);
  });

  it("fails with script_failed carrying the host's message, code, step and object", async () => {
    const run = recorder();
    const error = await failure(executor().run('h1', 'delete', { ...base, fixture: 'fail' }, run.options));
    expect(error).toEqual({
      code: 'script_failed',
      message: "could not delete 'C:\\VMs\\db01\\db01.vhdx': in use",
      details: {
        hostId: 'h1',
        exitCode: 1,
        hostCode: 'file_locked',
        step: 'disks',
        object: 'C:\\VMs\\db01\\db01.vhdx',
      },
    });
    // The failed result is part of the output too (the job engine stores it).
    expect(run.lines.some((line) => line.event?.type === 'result')).toBe(true);
  });

  it('a script that dies without a result: script_failed with its standard error', async () => {
    const run = recorder();
    const error = await failure(executor().run('h1', 'delete', { ...base, fixture: 'crash' }, run.options));
    expect(error.code).toBe('script_failed');
    expect(error.message).toContain('the fixture crashed on purpose');
    expect(run.lines.find((line) => line.stream === 'err')?.text).toContain('crashed on purpose');
  });

  it('an event line that breaks the protocol and no result: protocol_error', async () => {
    const error = await failure(executor().run('h1', 'delete', { ...base, fixture: 'bad-event' }, recorder().options));
    expect(error.code).toBe('protocol_error');
  });

  it('a hung script hits the timeout: timed_out, and no PowerShell process is left', async () => {
    const started = Date.now();
    const error = await failure(
      executor().run('h1', 'delete', { ...base, fixture: 'hang' }, recorder({ timeoutMs: 1500 }).options),
    );
    expect(error.code).toBe('timed_out');
    expect(Date.now() - started).toBeLessThan(8000);
    expect(await waitFor(() => processesMentioning(fixtureBundleDir).length === 0)).toBe(true);
  });

  it('cancel while running: cancelled, process gone; cancelled before start: nothing runs', async () => {
    const controller = new AbortController();
    const run = recorder({ signal: controller.signal });
    const original = run.options.onLines;
    run.options.onLines = (lines) => {
      original(lines);
      controller.abort();
    };
    const error = await failure(executor().run('h1', 'delete', { ...base, fixture: 'hang' }, run.options));
    expect(error.code).toBe('cancelled');
    expect(await waitFor(() => processesMentioning(fixtureBundleDir).length === 0)).toBe(true);

    const deployer = fakeDeployer(fixtureBundleDir);
    const early = new AbortController();
    early.abort();
    const before = await failure(
      executor({ deployer }).run('h1', 'delete', base, recorder({ signal: early.signal }).options),
    );
    expect(before.code).toBe('cancelled');
    expect(deployer.calls).toBe(0);
  });

  it('no PowerShell on PATH: powershell_missing, and no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const emptyDir = mkdtempSync(join(tmpdir(), 'hosts-nopwsh-'));
    try {
      const env = connectionEnv({ powershellPath: 'pwsh', baseEnv: { PATH: emptyDir } });
      const error = await failure(
        executor({ env }).run('h1', 'delete', { ...base, fixture: 'stream' }, recorder().options),
      );
      expect(error.code).toBe('powershell_missing');
      expect(error.message).toContain('PowerShell was not found');
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });

  it('passes on typed failures of resolving the host and of deploying the bundle', async () => {
    expect((await failure(executor().run('other', 'delete', base, recorder().options))).code).toBe('host_not_found');
    const deployer: BundleDeployer = {
      ensureCurrent: async () => {
        throw new AppException(appError('bundle_verification_failed', 'HvAgent.psm1 does not match the manifest'));
      },
    };
    const error = await failure(executor({ deployer }).run('h1', 'delete', base, recorder().options));
    expect(error).toEqual({ code: 'bundle_verification_failed', message: 'HvAgent.psm1 does not match the manifest' });
  });

  it('a consumer that throws stops the run: internal error, process gone', async () => {
    const error = await failure(
      executor().run(
        'h1',
        'delete',
        { ...base, fixture: 'hang' },
        {
          onLines: () => {
            throw new Error('consumer broke');
          },
        },
      ),
    );
    expect(error.code).toBe('internal');
    expect(error.message).toContain('consumer broke');
    expect(await waitFor(() => processesMentioning(fixtureBundleDir).length === 0)).toBe(true);
  });

  it('hostile VM names reach the script as data, byte for byte', async () => {
    const name = 'x\'; Remove-Item -Recurse C:\\ ; $(whoami) `hostname` "q" & | > ü 漢字 🙂';
    const run = recorder();
    await executor().run('h1', 'delete', { ...base, fixture: 'echo', vm_name: name }, run.options);
    expect(run.lines.map((line) => line.text)).toContain(`name=${name}`);
  });

  it('WinRM (which cannot connect from Linux): a typed failure that never shows the password', async () => {
    const secret = 'S3cr3t-winrm-pw;$(x)';
    const host = resolvedHost({
      address: 'hv09.invalid',
      connection: { transport: 'winrm', useSsl: false, username: 'CONTOSO\\admin' },
      secret,
    });
    const run = recorder({ timeoutMs: 30_000 });
    const error = await failure(executor({ host }).run('h1', 'delete', base, run.options));
    expect(['host_unreachable', 'authentication_failed', 'script_failed']).toContain(error.code);
    expect(JSON.stringify(error)).not.toContain(secret);
    expect(JSON.stringify(run.lines)).not.toContain(secret);
  });
});

describe('AgentHostExecutor on the lab host with the real bundle (cold runs)', () => {
  let lab: ReturnType<typeof buildLabSandbox>;
  beforeAll(() => {
    lab = buildLabSandbox();
  });
  afterAll(() => lab?.cleanup());

  const labSetup = (): Setup => ({
    host: resolvedHost({ id: 'lab', connection: { transport: 'lab' } }),
    deployer: fakeDeployer(agentDir),
    lab: fixedLab(lab.sandboxPath),
  });

  it('plan-only delete: the plan event and a succeeded plan result', async () => {
    const run = recorder();
    const result = await executor(labSetup()).run('lab', 'delete', { ...base, ...DB01, mode: 'plan' }, run.options);
    const plan = run.lines.find((line) => line.event?.type === 'plan')?.event;
    expect(plan).toMatchObject({ type: 'plan', plan: { vm: { name: 'db01' } } });
    expect(result.result).toMatchObject({ script: 'delete', result: { status: 'succeeded', mode: 'plan' } });
  });

  it('inventory: the whole host as VmInfo records', async () => {
    const result = await executor(labSetup()).run('lab', 'inventory', base, recorder().options);
    expect(result.result?.type).toBe('result');
    if (result.result?.type !== 'result' || result.result.script !== 'inventory') throw new Error('no inventory');
    expect(result.result.inventory?.vms.length).toBeGreaterThanOrEqual(10);
  });

  it('a running VM without force is refused with the agent message (needs_force)', async () => {
    const error = await failure(
      executor(labSetup()).run(
        'lab',
        'delete',
        { ...base, vm_id: '2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01', vm_name: 'web01', mode: 'execute', force: false },
        recorder().options,
      ),
    );
    expect(error).toMatchObject({
      code: 'script_failed',
      details: { hostCode: 'needs_force', step: 'validate', exitCode: 1 },
    });
  });
});

describe('AgentHostExecutor on the lab host with standby processes (real bundle)', () => {
  let lab: ReturnType<typeof buildLabSandbox>;
  let standby: StandbyJobProcesses;
  const adopted: number[] = [];
  beforeAll(() => {
    lab = buildLabSandbox();
    const runner = new PowerShellRunner({ stopGraceMs: 500 });
    standby = new StandbyJobProcesses({
      runner: {
        start: (spec, options) => runner.start(spec, options),
        prestart: (command) => runner.prestart(command),
        startPrestarted: (process, spec, options) => {
          if (process.child.pid !== undefined) adopted.push(process.child.pid);
          return runner.startPrestarted(process, spec, options);
        },
      },
    });
  });
  afterAll(async () => {
    await standby?.closeAll();
    lab?.cleanup();
  });

  const labSetup = (): Setup => ({
    host: resolvedHost({ id: 'lab', connection: { transport: 'lab' } }),
    deployer: fakeDeployer(agentDir),
    lab: fixedLab(lab.sandboxPath),
    standby,
  });

  it('a plan starts the delete process ahead; the delete runs on it; a refused delete leaves none behind', async () => {
    await executor(labSetup()).run('lab', 'delete', { ...base, ...DB01, mode: 'plan' }, recorder().options);
    const ahead = standby.pidOf('lab');
    expect(ahead).toBeDefined();

    const run = recorder();
    const result = await executor(labSetup()).run(
      'lab',
      'delete',
      { ...base, ...DB01, mode: 'execute', force: false },
      run.options,
    );
    expect(adopted).toEqual([ahead]);
    expect(result.result).toMatchObject({ script: 'delete', result: { status: 'succeeded', mode: 'execute' } });
    expect(run.lines.filter((line) => line.event?.type === 'step').length).toBeGreaterThan(5);
    // Succeeded: the next delete's process is being started.
    const next = standby.pidOf('lab');
    expect(next).toBeDefined();
    expect(next).not.toBe(ahead);

    const refused = await failure(
      executor(labSetup()).run(
        'lab',
        'delete',
        { ...base, vm_id: '2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01', vm_name: 'web01', mode: 'execute', force: false },
        recorder().options,
      ),
    );
    expect(refused.details).toMatchObject({ hostCode: 'needs_force' });
    expect(adopted).toEqual([ahead, next]);
    expect(standby.pidOf('lab')).toBeUndefined();
  });
});
