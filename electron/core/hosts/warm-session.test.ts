import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type AppError, AppException } from '../../../shared/contract/errors';
import type { HostOutputLine } from '../ports';
import { PowerShellRunner } from '../powershell/powershell-runner';
import {
  agentDir,
  buildLabSandbox,
  connectionEnv,
  DB01,
  fakeDeployer,
  fixedLab,
  fixtureBundleDir,
  isAlive,
  noLab,
  resolvedHost,
  waitFor,
  warmLoopPath,
} from './__fixtures__/support';
import type { BundleDeployer, LabHostProvider, ResolvedHost } from './bundle-port';
import { AgentHostExecutor } from './host-executor';
import { WarmSessionPool } from './warm-session-pool';

const base = { job_id: 'j-w', requested_by: 'tester', control_plane: 'WS01' };
const pools: WarmSessionPool[] = [];

function setup(options: {
  host?: ResolvedHost;
  deployer?: BundleDeployer;
  lab?: LabHostProvider;
  idleMs?: number;
  loopScriptPath?: string;
  warm?: boolean;
}) {
  const pool = new WarmSessionPool({ idleMs: options.idleMs ?? 60_000 });
  pools.push(pool);
  const host = options.host ?? resolvedHost();
  const executor = new AgentHostExecutor({
    hosts: { resolve: async () => host },
    deployer: options.deployer ?? fakeDeployer(fixtureBundleDir),
    lab: options.lab ?? noLab,
    runner: new PowerShellRunner({ stopGraceMs: 500 }),
    connectionEnv: connectionEnv(),
    ...(options.warm === false ? {} : { warm: { pool, loopScriptPath: options.loopScriptPath ?? warmLoopPath } }),
  });
  const run = async (payload: Record<string, unknown>, timeoutMs?: number, signal?: AbortSignal) => {
    const lines: HostOutputLine[] = [];
    const result = await executor.run(host.id, 'delete', payload, {
      onLines: (batch) => lines.push(...batch),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      ...(signal === undefined ? {} : { signal }),
    });
    return { result, lines, texts: lines.map((line) => line.text) };
  };
  return { pool, executor, run, host };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return (error as AppException).error;
  }
  throw new Error('expected the run to fail');
}

/** The process group of a pid (the session leads its own group, so its scripts share its pid as pgrp). */
function processGroup(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

function scriptPid(texts: string[]): number {
  const line = texts.find((text) => text.startsWith('pid='));
  return Number(line?.slice(4));
}

afterEach(() => {
  for (const pool of pools.splice(0)) pool.closeAll();
});

describe('warm sessions for read-only calls (fixture bundle, real pwsh)', () => {
  it('runs consecutive plan-only requests in one long-lived process', async () => {
    const { pool, run, host } = setup({});
    const first = await run({ ...base, fixture: 'pid', mode: 'plan' });
    const sessionPid = pool.pidOf(host.id);
    expect(sessionPid).toBeDefined();
    const second = await run({ ...base, fixture: 'pid', mode: 'plan' });
    expect(pool.pidOf(host.id)).toBe(sessionPid);
    expect(scriptPid(second.texts)).toBe(scriptPid(first.texts));
    expect(processGroup(scriptPid(first.texts))).toBe(sessionPid);
    expect(second.result.result).toMatchObject({ type: 'result', result: { status: 'succeeded' } });
  });

  it('never runs a mutating call in the session', async () => {
    const { pool, run, host } = setup({});
    const executed = await run({ ...base, fixture: 'pid', mode: 'execute' });
    expect(pool.pidOf(host.id)).toBeUndefined();
    expect(scriptPid(executed.texts)).toBeGreaterThan(0);
  });

  it('streams lines while the request runs, and queues a second request behind the first', async () => {
    const { run } = setup({});
    const [a, b] = await Promise.all([
      run({ ...base, fixture: 'stream', mode: 'plan' }),
      run({ ...base, fixture: 'stream', mode: 'plan' }),
    ]);
    for (const outcome of [a, b]) {
      expect(outcome.texts.filter((text) => text.startsWith('line '))).toEqual([
        'line 1',
        'line 2',
        'line 3',
        'line 4',
      ]);
    }
    const firstOfB = Math.min(...b.lines.map((line) => line.receivedAt));
    const lastOfA = Math.max(...a.lines.map((line) => line.receivedAt));
    const [early, late] = firstOfB > lastOfA ? [a, b] : [b, a];
    expect(Math.min(...late.lines.map((line) => line.receivedAt))).toBeGreaterThanOrEqual(
      Math.max(...early.lines.map((line) => line.receivedAt)),
    );
    // Streamed as written (four lines 300 ms apart), not handed over at the end of the request.
    const times = early.lines.map((line) => line.receivedAt);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(600);
  });

  it('a hung request times out, its session is killed, and the next request gets a fresh one', async () => {
    const { pool, run, host } = setup({});
    await run({ ...base, fixture: 'pid', mode: 'plan' });
    const oldPid = pool.pidOf(host.id) ?? 0;
    const error = await failure(run({ ...base, fixture: 'hang', mode: 'plan' }, 1500));
    expect(error.code).toBe('timed_out');
    expect(await waitFor(() => !isAlive(oldPid))).toBe(true);
    const after = await run({ ...base, fixture: 'pid', mode: 'plan' });
    expect(after.result.exitCode).toBe(0);
    expect(pool.pidOf(host.id)).toBeDefined();
    expect(pool.pidOf(host.id)).not.toBe(oldPid);
  });

  it('cancel kills the session; a failed request keeps it', async () => {
    const { pool, run, host } = setup({});
    const failed = await failure(run({ ...base, fixture: 'fail', mode: 'plan' }));
    expect(failed).toMatchObject({ code: 'script_failed', details: { hostCode: 'file_locked', exitCode: 1 } });
    const pid = pool.pidOf(host.id) ?? 0;
    expect(pid).toBeGreaterThan(0);
    const controller = new AbortController();
    const pending = run({ ...base, fixture: 'hang', mode: 'plan' }, undefined, controller.signal);
    setTimeout(() => controller.abort(), 800);
    expect((await failure(pending)).code).toBe('cancelled');
    expect(await waitFor(() => !isAlive(pid))).toBe(true);
  });

  it('a script that ends the session process after writing output fails as script_failed', async () => {
    const { pool, run, host } = setup({});
    const error = await failure(run({ ...base, fixture: 'die', mode: 'plan' }));
    expect(error.code).toBe('script_failed');
    expect(error.message).toContain('warm PowerShell session ended');
    expect(pool.pidOf(host.id)).toBeUndefined();
    expect((await run({ ...base, fixture: 'pid', mode: 'plan' })).result.exitCode).toBe(0);
  });

  it('falls back to a cold run when the session cannot start', async () => {
    const { pool, run, host } = setup({ loopScriptPath: join(tmpdir(), 'no-such-loop.ps1') });
    const outcome = await run({ ...base, fixture: 'pid', mode: 'plan' });
    expect(outcome.result.result).toMatchObject({ type: 'result', result: { status: 'succeeded' } });
    expect(pool.pidOf(host.id)).toBeUndefined();
  });

  it('closes an idle session after its quiet period', async () => {
    const { pool, run, host } = setup({ idleMs: 300 });
    await run({ ...base, fixture: 'pid', mode: 'plan' });
    const pid = pool.pidOf(host.id) ?? 0;
    expect(await waitFor(() => pool.pidOf(host.id) === undefined && !isAlive(pid), 6000)).toBe(true);
  });

  it('takes a script path and payload with quotes, $(), unicode as data', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hosts-warm-'));
    const bundle = join(root, "it's $(calc) `x` ü 漢; & |");
    cpSync(fixtureBundleDir, bundle, { recursive: true });
    try {
      const { run, pool, host } = setup({ deployer: fakeDeployer(bundle) });
      const name = 'vm\'; $(whoami) `n "q" ü 🙂';
      const outcome = await run({ ...base, fixture: 'echo', mode: 'plan', vm_name: name });
      expect(pool.pidOf(host.id)).toBeDefined();
      expect(outcome.texts).toContain(`name=${name}`);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('warm sessions on the lab host (real bundle)', () => {
  let lab: ReturnType<typeof buildLabSandbox>;
  beforeAll(() => {
    lab = buildLabSandbox();
  });
  afterAll(() => lab?.cleanup());

  /** Log lines carry the host's clock ("[10:42:01] "): compare what they say, not when. */
  const normalise = (texts: string[]) => texts.map((text) => text.replace(/^\[\d\d:\d\d:\d\d\] /, ''));

  it('plan-only: two requests share one process and print exactly what a cold run prints', async () => {
    const labHost = resolvedHost({ id: 'lab', connection: { transport: 'lab' } });
    const common = { host: labHost, deployer: fakeDeployer(agentDir), lab: fixedLab(lab.sandboxPath) };
    const warm = setup(common);
    const payload = { ...base, ...DB01, mode: 'plan' };
    const first = await warm.run(payload);
    const pid = warm.pool.pidOf('lab');
    const second = await warm.run(payload);
    expect(pid).toBeDefined();
    expect(warm.pool.pidOf('lab')).toBe(pid);
    const cold = await setup({ ...common, warm: false }).run(payload);
    expect(normalise(first.texts)).toEqual(normalise(cold.texts));
    expect(normalise(second.texts)).toEqual(normalise(cold.texts));
    expect(second.lines.map((line) => line.event)).toEqual(cold.lines.map((line) => line.event));
    expect(cold.lines.some((line) => line.event?.type === 'plan')).toBe(true);
    expect(second.lines.every((line) => line.stream === 'out')).toBe(true);
  });
});
