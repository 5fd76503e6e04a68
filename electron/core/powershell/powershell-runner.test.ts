import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, pwshPath } from './__fixtures__/paths';
import { isAlive, liveGroupMembers } from './__fixtures__/process-table';
import { type CommandSpec, encodeAgentPayload, POWERSHELL_FILE_ARGS, powershellEnvironment } from './command-spec';
import { buildLocalCommand } from './local-command';
import { PowerShellError } from './powershell-error';
import { PowerShellRunner } from './powershell-runner';
import type { OutputLine } from './script-run';

// Against the real PowerShell in .tools/pwsh: the process boundary is what these tests are about.

const unhandled: unknown[] = [];
const trap = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on('unhandledRejection', trap);
});
afterAll(() => {
  process.off('unhandledRejection', trap);
});

function fixtureSpec(script: string, stdin = ''): CommandSpec {
  return {
    transport: 'local',
    executable: pwshPath,
    args: [...POWERSHELL_FILE_ARGS, fixture(script)],
    env: powershellEnvironment(process.env),
    stdinPayload: stdin,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<PowerShellError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PowerShellError);
    return error as PowerShellError;
  }
  throw new Error('expected the run to fail');
}

async function settle(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

describe('PowerShellRunner against real pwsh', () => {
  it('delivers a line while the script is still running', async () => {
    const runner = new PowerShellRunner();
    const lines: string[] = [];
    let aliveAtFirstLine: boolean | null = null;
    const run = runner.start(fixtureSpec('print-sleep-print.ps1'), {
      onLine: (line) => {
        lines.push(line.text);
        if (lines.length === 1 && run.pid !== undefined) aliveAtFirstLine = isAlive(run.pid);
      },
    });
    const firstSeenAt: number[] = [];
    const poll = setInterval(() => {
      if (lines.length > 0 && firstSeenAt.length === 0) firstSeenAt.push(Date.now());
    }, 5);
    const result = await run.done;
    clearInterval(poll);
    const doneAt = Date.now();
    expect(result.exitCode).toBe(0);
    expect(lines).toEqual(['first line', 'second line']);
    expect(aliveAtFirstLine).toBe(true);
    // The script sleeps one second between its lines: the first arrived well before the end.
    expect(doneAt - (firstSeenAt[0] ?? doneAt)).toBeGreaterThan(700);
  });

  it('pipes a payload with unicode, quotes and newlines byte-exact', async () => {
    const payload = {
      job_id: 'j-ü-1',
      vm_name: `web'01" $(Remove-Item C:\\) \`n; & "x"\nsecond line\r\nthird\ttab 中文 😀 Ω`,
      requested_by: 'DOMAIN\\admin',
    };
    const base64 = encodeAgentPayload(payload);
    const spec = buildLocalCommand({
      powershellPath: pwshPath,
      scriptPath: fixture('echo-payload-hash.ps1'),
      payload: base64,
      baseEnv: process.env,
    });
    const result = await new PowerShellRunner().run(spec);
    const expectedHash = createHash('sha256').update(JSON.stringify(payload), 'utf8').digest('hex');
    expect(result.result?.sha256).toBe(expectedHash);
    // And back through pwsh's output and our decoder, still exact.
    expect(JSON.parse(String(result.result?.text))).toEqual(payload);
  });

  it('reports a non-zero exit as script_failed with the result event message', async () => {
    const events: string[] = [];
    const error = await failureOf(
      new PowerShellRunner().run(fixtureSpec('fail-with-result.ps1'), { onEvent: (event) => events.push(event.type) }),
    );
    expect(error.code).toBe('script_failed');
    expect(error.message).toBe("VM 'web01' is Running; force is required");
    expect(error.exitCode).toBe(1);
    expect(error.result?.error?.code).toBe('vm_running');
    expect(error.stderrTail).toContain('a stray error line');
    expect(events).toEqual(['step', 'result']);
  });

  it('reports a failure without a result event with the last error lines', async () => {
    const lines: OutputLine[] = [];
    const error = await failureOf(
      new PowerShellRunner().run(fixtureSpec('fail-with-error.ps1'), { onLine: (line) => lines.push(line) }),
    );
    expect(error.code).toBe('script_failed');
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe('the disk D:\\VMs\\web01.vhdx is locked');
    expect(error.message).not.toContain('\u001b['); // NO_COLOR: no ANSI escapes in the host's message
    expect(lines[0]).toMatchObject({ kind: 'log', stream: 'stdout', text: 'about to fail' });
  });

  it('decodes a CLIXML error document on stderr into plain lines', async () => {
    const stderr: string[] = [];
    const error = await failureOf(
      new PowerShellRunner().run(fixtureSpec('clixml-stderr.ps1'), {
        onLine: (line) => {
          if (line.stream === 'stderr') stderr.push(line.text);
        },
      }),
    );
    expect(stderr).toEqual([
      'Remove-Item : Cannot remove C:\\VMs\\web01\\disk.vhdx: it is in use.',
      '    + CategoryInfo          : WriteError: (C:\\VMs\\web01\\disk.vhdx:FileInfo) [Remove-Item], IOException',
      'WARNING: size < 1 GB & _x000A_ literal',
    ]);
    expect(error.exitCode).toBe(2);
    expect(error.message).toContain('it is in use.');
  });

  it('times out: stops the run, reports timed_out and leaves no process of its tree behind', async () => {
    const runner = new PowerShellRunner({ stopGraceMs: 500 });
    let childPid = 0;
    const run = runner.start(fixtureSpec('ignore-stop.ps1'), {
      timeoutMs: 4000,
      onLine: (line) => {
        const match = /^child (\d+)$/.exec(line.text);
        if (match) childPid = Number(match[1]);
      },
    });
    const pid = run.pid ?? 0;
    expect(pid).toBeGreaterThan(0);
    const started = Date.now();
    const error = await failureOf(run.done);
    expect(error.code).toBe('timed_out');
    expect(Date.now() - started).toBeLessThan(4000 + 500 + 3000);
    expect(childPid).toBeGreaterThan(0);
    await settle(100);
    expect(isAlive(pid)).toBe(false);
    expect(isAlive(childPid)).toBe(false);
    expect(liveGroupMembers(pid)).toEqual([]);
  });

  it('stop() asks PowerShell to stop first (its finally block runs), then reports cancelled', async () => {
    const lines: string[] = [];
    const run = new PowerShellRunner({ stopGraceMs: 5000 }).start(fixtureSpec('wait-for-stop.ps1'), {
      onLine: (line) => {
        lines.push(line.text);
        if (line.text === 'ready') run.stop();
      },
    });
    const pid = run.pid ?? 0;
    const error = await failureOf(run.done);
    expect(error.code).toBe('cancelled');
    expect(lines).toEqual(['ready', 'cleaned up']);
    await settle(100);
    expect(liveGroupMembers(pid)).toEqual([]);
  });

  it('stop() kills a run that ignores the request once the grace period is over', async () => {
    let childPid = 0;
    const run = new PowerShellRunner({ stopGraceMs: 300 }).start(fixtureSpec('ignore-stop.ps1'), {
      onLine: (line) => {
        const match = /^child (\d+)$/.exec(line.text);
        if (match) {
          childPid = Number(match[1]);
          run.stop();
        }
      },
    });
    const pid = run.pid ?? 0;
    const started = Date.now();
    const error = await failureOf(run.done);
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(10_000);
    await settle(100);
    expect(isAlive(childPid)).toBe(false);
    expect(liveGroupMembers(pid)).toEqual([]);
  });

  it('reports a missing executable as powershell_missing, with no unhandled rejection', async () => {
    const runner = new PowerShellRunner();
    const missing = '/nonexistent/tools/pwsh';
    const error = await failureOf(runner.run({ ...fixtureSpec('print-sleep-print.ps1'), executable: missing }));
    expect(error.code).toBe('powershell_missing');
    expect(error.message).toContain(missing);

    const onPath = await failureOf(
      runner.run({ ...fixtureSpec('print-sleep-print.ps1'), executable: 'pwsh-not-here' }),
    );
    expect(onPath.code).toBe('powershell_missing');
    expect(onPath.message).toContain("'pwsh-not-here' on PATH");

    // A caller that never looks at `done` must not crash the process either.
    const ignored = runner.start({ ...fixtureSpec('print-sleep-print.ps1'), executable: missing });
    expect(ignored.pid).toBeUndefined();
    ignored.stop();
    await settle(200);
    expect(unhandled).toEqual([]);
  });

  it.each([
    ['the paced pipe', {}],
    ['an ordinary pipe', { pacedOutput: false as const }],
  ])('streams many lines in order, events parsed among them, through %s', async (_, options) => {
    const lines: OutputLine[] = [];
    const result = await new PowerShellRunner(options).run(fixtureSpec('many-lines.ps1', '5000\n'), {
      onLine: (line) => lines.push(line),
    });
    expect(result.exitCode).toBe(0);
    expect(lines).toHaveLength(5000);
    expect(lines[0]?.text).toBe('line 1');
    expect(lines[4998]?.text).toBe('line 4999');
    const events = lines.filter((line) => line.kind === 'event');
    expect(events).toHaveLength(5);
    expect(events[4]).toMatchObject({ kind: 'event', event: { type: 'warning', message: 'line 5000' } });
  });

  it('rethrows an error thrown by a callback and stops the run', async () => {
    const boom = new Error('consumer failed');
    const run = new PowerShellRunner({ stopGraceMs: 300 }).start(fixtureSpec('wait-for-stop.ps1'), {
      onLine: () => {
        throw boom;
      },
    });
    await expect(run.done).rejects.toBe(boom);
  });
});
