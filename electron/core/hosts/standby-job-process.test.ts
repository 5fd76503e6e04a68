import type { ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '../powershell/__fixtures__/paths';
import { isAlive, liveGroupMembers } from '../powershell/__fixtures__/process-table';
import { type CommandSpec, encodeAgentPayload, POWERSHELL_FILE_ARGS } from '../powershell/command-spec';
import { buildLocalCommand } from '../powershell/local-command';
import { PowerShellRunner } from '../powershell/powershell-runner';
import type { ProcessTreeKiller } from '../powershell/process-tree-killer';
import type { PrestartedProcess, RunningScript, RunResult } from '../powershell/script-run';
import { fixturesDir, pwshPath, waitFor } from './__fixtures__/support';
import { StandbyJobProcesses, type StandbyRunner } from './standby-job-process';

// The standby logic against a fake runner (which process a run gets, when one is started or ended), then the real
// thing: pwsh started ahead, waiting for its input, taken by a run, stopped with its tree.

class FakeChild extends EventEmitter {
  readonly stdin = new EventEmitter();
  readonly stderr = { destroy: () => undefined };
  constructor(readonly pid: number | undefined) {
    super();
  }
  exit(): void {
    this.emit('exit', 0, null);
  }
}

interface FakeRun {
  spec: CommandSpec;
  on: PrestartedProcess | null;
  succeed(): void;
  fail(): void;
}

function fakeRunner() {
  let nextPid = 100;
  const prestarted: FakeChild[] = [];
  const runs: FakeRun[] = [];
  const killed: number[] = [];
  const runFor = (spec: CommandSpec, on: PrestartedProcess | null): RunningScript => {
    let resolve: (result: RunResult) => void = () => undefined;
    let reject: (error: unknown) => void = () => undefined;
    const done = new Promise<RunResult>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    done.catch(() => undefined);
    runs.push({
      spec,
      on,
      succeed: () => resolve({ exitCode: 0, result: null, stderrTail: [], durationMs: 1 }),
      fail: () => reject(new Error('failed')),
    });
    return { pid: on?.child.pid ?? nextPid++, done, stop: () => undefined };
  };
  const runner: StandbyRunner = {
    start: (spec) => runFor(spec, null),
    prestart: () => {
      const child = new FakeChild(nextPid++);
      prestarted.push(child);
      return { child: child as unknown as ChildProcess, pipe: null };
    },
    startPrestarted: (process, spec) => runFor(spec, process),
  };
  const killer: ProcessTreeKiller = {
    interrupt: () => undefined,
    killTree: (pid) => {
      killed.push(pid);
      prestarted.find((child) => child.pid === pid)?.exit();
    },
  };
  return { runner, killer, prestarted, runs, killed };
}

function labSpec(script = '/bundle/Invoke-DeleteVmJob.ps1', transport: CommandSpec['transport'] = 'lab'): CommandSpec {
  return {
    transport,
    executable: '/usr/bin/pwsh',
    args: [...POWERSHELL_FILE_ARGS, script],
    env: { HVSIM_ROOT: '/sandbox' },
    stdinPayload: 'eyJqb2JfaWQiOiJqMSJ9\n',
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('StandbyJobProcesses (fake runner)', () => {
  it('runs a job on the standby of the same command, and starts the next one after it succeeded', async () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.prepare('lab', labSpec());
    const standbyPid = standbys.pidOf('lab');
    expect(standbyPid).toBe(fake.prestarted[0]?.pid);

    standbys.start('lab', labSpec(), {});
    expect(fake.runs[0]?.on?.child.pid).toBe(standbyPid);
    // Taken: none waits until the run has succeeded.
    expect(standbys.pidOf('lab')).toBeUndefined();
    fake.runs[0]?.succeed();
    await settle();
    expect(fake.prestarted).toHaveLength(2);
    expect(standbys.pidOf('lab')).toBe(fake.prestarted[1]?.pid);
    expect(fake.killed).toEqual([]);
  });

  it('runs cold without a standby, and after a failed run starts none', async () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.start('lab', labSpec(), {});
    expect(fake.runs[0]?.on).toBeNull();
    fake.runs[0]?.fail();
    await settle();
    expect(fake.prestarted).toHaveLength(0);
    expect(standbys.pidOf('lab')).toBeUndefined();
  });

  it('ends a standby of another command (another bundle, PowerShell or sandbox) and runs cold', () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.prepare('lab', labSpec('/bundle/0.1.0/Invoke-DeleteVmJob.ps1'));
    const old = standbys.pidOf('lab');
    standbys.start('lab', labSpec('/bundle/0.2.0/Invoke-DeleteVmJob.ps1'), {});
    expect(fake.killed).toEqual([old]);
    expect(fake.runs[0]?.on).toBeNull();

    const otherEnv = { ...labSpec(), env: { HVSIM_ROOT: '/other-sandbox' } };
    standbys.prepare('lab', labSpec());
    standbys.prepare('lab', otherEnv);
    expect(fake.killed).toHaveLength(2);
    expect(fake.prestarted).toHaveLength(3);
  });

  it('keeps one standby per host: preparing the same command again starts nothing', () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.prepare('lab', labSpec());
    standbys.prepare('lab', labSpec());
    standbys.prepare('lab-2', labSpec());
    expect(fake.prestarted).toHaveLength(2);
    expect(standbys.pidOf('lab')).not.toBe(standbys.pidOf('lab-2'));
  });

  it('never takes a standby that ended on its own', () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.prepare('lab', labSpec());
    fake.prestarted[0]?.exit();
    expect(standbys.pidOf('lab')).toBeUndefined();
    standbys.start('lab', labSpec(), {});
    expect(fake.runs[0]?.on).toBeNull();
  });

  it('close(host) ends its standby, and a run in flight then leaves none behind', async () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.prepare('lab', labSpec());
    standbys.start('lab', labSpec(), {});
    standbys.prepare('other', labSpec());
    const other = standbys.pidOf('other');
    standbys.close('lab');
    fake.runs[0]?.succeed();
    await settle();
    expect(standbys.pidOf('lab')).toBeUndefined();
    expect(standbys.pidOf('other')).toBe(other);
    // A later run on the host starts its standby again.
    standbys.start('lab', labSpec(), {});
    fake.runs[1]?.succeed();
    await settle();
    expect(standbys.pidOf('lab')).toBeDefined();
  });

  it('closeAll() ends every standby, waits for them, and starts no more', async () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.prepare('a', labSpec());
    standbys.prepare('b', labSpec());
    standbys.start('c', labSpec(), {});
    await standbys.closeAll();
    expect(fake.killed.sort()).toEqual(fake.prestarted.map((child) => child.pid).sort());
    fake.runs[0]?.succeed();
    await settle();
    standbys.prepare('a', labSpec());
    expect(fake.prestarted).toHaveLength(2);
    expect(standbys.pidOf('a')).toBeUndefined();
  });

  it('ends a standby no job took within the idle time', async () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer, idleMs: 20 });
    standbys.prepare('lab', labSpec());
    const pid = standbys.pidOf('lab');
    expect(await waitFor(() => fake.killed.length > 0, 10_000)).toBe(true);
    expect(fake.killed).toEqual([pid]);
    expect(standbys.pidOf('lab')).toBeUndefined();
  });

  it('starts none for the remote transports (their stdin may carry a secret, their start a connection)', () => {
    const fake = fakeRunner();
    const standbys = new StandbyJobProcesses({ runner: fake.runner, killer: fake.killer });
    standbys.prepare('h', labSpec('/bundle/x.ps1', 'ssh'));
    standbys.prepare('h', labSpec('/bundle/x.ps1', 'winrm'));
    expect(fake.prestarted).toHaveLength(0);
  });
});

const readThenWait = join(fixturesDir, 'read-then-wait.ps1');
const echoPayload = fixture('echo-payload-hash.ps1');

function localSpec(scriptPath: string, payload: Record<string, unknown>): CommandSpec {
  return buildLocalCommand({
    powershellPath: pwshPath,
    scriptPath,
    payload: encodeAgentPayload(payload),
    baseEnv: process.env,
  });
}

describe('StandbyJobProcesses with real pwsh', () => {
  let standbys: StandbyJobProcesses | null = null;
  afterEach(async () => {
    await standbys?.closeAll();
  });

  it('a standby waits for its input; the run on it streams the payload exactly as a cold run', async () => {
    const runner = new PowerShellRunner({ stopGraceMs: 500 });
    standbys = new StandbyJobProcesses({ runner });
    const payload = { job_id: 'j-ü', vm_name: `web'01" $(x)\nsecond` };
    standbys.prepare('h1', localSpec(echoPayload, payload));
    const pid = standbys.pidOf('h1') ?? 0;
    // Long enough for PowerShell to have started and reached `$input`: it is still there, waiting.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(isAlive(pid)).toBe(true);

    const lines: string[] = [];
    const running = standbys.start('h1', localSpec(echoPayload, payload), { onLine: (line) => lines.push(line.text) });
    expect(running.pid).toBe(pid);
    const result = await running.done;
    const cold = await runner.run(localSpec(echoPayload, payload));
    expect(result.exitCode).toBe(0);
    expect(result.result).toEqual(cold.result);
    expect(lines[0]).toBe(`log: ${JSON.stringify(payload)}`);
    // It succeeded: the next job's standby is being started, another process.
    expect(await waitFor(() => standbys?.pidOf('h1') !== undefined, 10_000)).toBe(true);
    expect(standbys.pidOf('h1')).not.toBe(pid);
  });

  it('stopping a run on a standby kills its whole tree and starts no new standby', async () => {
    const runner = new PowerShellRunner({ stopGraceMs: 500 });
    standbys = new StandbyJobProcesses({ runner });
    standbys.prepare('h1', localSpec(readThenWait, { job_id: 'j1' }));
    const pid = standbys.pidOf('h1') ?? 0;
    const lines: string[] = [];
    const running = standbys.start('h1', localSpec(readThenWait, { job_id: 'j1' }), {
      onLine: (line) => {
        lines.push(line.text);
        if (line.text.startsWith('got ')) running.stop();
      },
    });
    expect(running.pid).toBe(pid);
    await expect(running.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(lines).toEqual([`got ${encodeAgentPayload({ job_id: 'j1' })}`, 'cleaned up']);
    expect(await waitFor(() => liveGroupMembers(pid).length === 0, 10_000)).toBe(true);
    expect(standbys.pidOf('h1')).toBeUndefined();
  });

  it('closeAll() leaves no PowerShell process behind', async () => {
    standbys = new StandbyJobProcesses({ runner: new PowerShellRunner() });
    standbys.prepare('h1', localSpec(readThenWait, { job_id: 'j1' }));
    standbys.prepare('h2', localSpec(readThenWait, { job_id: 'j2' }));
    const pids = [standbys.pidOf('h1') ?? 0, standbys.pidOf('h2') ?? 0];
    expect(pids.every((pid) => pid > 0 && isAlive(pid))).toBe(true);
    await standbys.closeAll();
    expect(pids.flatMap((pid) => liveGroupMembers(pid))).toEqual([]);
  });
});
