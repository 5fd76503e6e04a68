import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeAgentPayload } from '../powershell/command-spec';
import { PowerShellError } from '../powershell/powershell-error';
import { PowerShellRunner } from '../powershell/powershell-runner';
import { buildSshCommand } from '../powershell/remote-command';
import type { RemoteScript, SshTarget } from '../powershell/remote-target';
import type { OutputLine, RunResult } from '../powershell/script-run';
import { agentBundleDir, pwshPath, remoteWrapperPath, sshLabFixture } from './lab-paths';
import { type SshTestHost, sshTestHostUnavailableReason, startSshTestHost } from './ssh-test-host';

// The `ssh` transport for real: the runner's ssh command (buildSshCommand + the fixed wrapper script) runs
// PowerShell SSH remoting through the system ssh client to a private sshd on loopback, whose `powershell`
// subsystem is pwsh -sshs over the simulator modules and a lab sandbox (ssh-test-host.ts).

const unavailable = sshTestHostUnavailableReason();
if (unavailable !== null) console.warn(`ssh transport tests skipped: ${unavailable}`);

const DB01 = { id: '7f4d2a90-3c61-4e8b-a2d7-5b9e0c1f6a12', name: 'db01' };
const common = { requested_by: 'tester', control_plane: 'WS01' };
// The simulator holds released files for 300 ms (lab-sandbox.ts): retry often instead of every 3 s.
const fastRetries = { file_retry_attempts: 50, file_retry_delay_ms: 100 };

let host: SshTestHost;

function target(overrides: Partial<SshTarget> = {}): SshTarget {
  return {
    host: host.host,
    port: host.port,
    user: host.user,
    keyFilePath: host.keyFilePath,
    knownHostsPath: host.knownHostsPath,
    strictHostKeyChecking: 'yes',
    connectTimeoutSeconds: 10,
    ...overrides,
  };
}

interface SshRun {
  result: RunResult | null;
  error: unknown;
  lines: OutputLine[];
}

async function runOverSsh(sshTarget: SshTarget, script: RemoteScript, payload: object): Promise<SshRun> {
  const spec = buildSshCommand({
    powershellPath: pwshPath,
    wrapperPath: remoteWrapperPath,
    script,
    payload: encodeAgentPayload(payload as Record<string, unknown>),
    baseEnv: process.env,
    target: sshTarget,
  });
  const lines: OutputLine[] = [];
  const outcome = await new PowerShellRunner()
    .run(spec, { timeoutMs: 150_000, onLine: (line) => lines.push(line) })
    .then(
      (result) => ({ result, error: null as unknown }),
      (error: unknown) => ({ result: null, error }),
    );
  return { ...outcome, lines };
}

/** Every file on the lab host's drives except the agent's own data (host lock, saved plans, the bundle). */
function hostFiles(): string[] {
  const agentData = sandboxFile('C:\\ProgramData\\HvAgent');
  return ['C', 'D'].flatMap((drive) =>
    readdirSync(join(host.sandboxPath, drive), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => !path.startsWith(agentData)),
  );
}

/** A Windows path on the lab host (C:\VMs\x) as the file it is in the sandbox. */
function sandboxFile(windowsPath: string): string {
  const [drive, ...rest] = windowsPath.split('\\');
  return join(host.sandboxPath, (drive ?? '').replace(':', ''), ...rest);
}

function events(run: SshRun) {
  return run.lines.flatMap((line) =>
    line.kind === 'event' ? [{ event: line.event, receivedAt: line.receivedAt }] : [],
  );
}

/** The run's failure as a PowerShellError, with the sshd log attached when it is not one. */
function failure(run: SshRun): PowerShellError {
  if (run.error instanceof PowerShellError) return run.error;
  throw new Error(`expected a PowerShellError, got ${String(run.error)}; sshd log:\n${host.log()}`);
}

describe.skipIf(unavailable !== null)('ssh transport against a real OpenSSH server on loopback', () => {
  beforeAll(async () => {
    host = await startSshTestHost();
  });

  afterAll(async () => {
    await host?.stop();
  });

  it('streams the remote script output live: the first line arrives before the script ends', async () => {
    const run = await runOverSsh(
      target(),
      { kind: 'local_file', path: sshLabFixture('stream-lines.ps1') },
      { job_id: 'j-stream' },
    );
    expect(run.error, host.log()).toBeNull();
    expect(run.result?.exitCode).toBe(0);
    const texts = run.lines.filter((line) => line.stream === 'stdout').map((line) => line.text);
    expect(texts.slice(0, 2)).toEqual(['first line', 'second line']);
    const first = run.lines.find((line) => line.text === 'first line');
    const end = run.lines.map((line) => /^script ends at (\d+)$/.exec(line.text)).find((match) => match !== null);
    expect(first).toBeDefined();
    expect(end?.[1]).toBeDefined();
    // The script slept 3 s after its first line: a buffered transport would deliver it after the end.
    expect(Number(end?.[1]) - (first?.receivedAt ?? Number.POSITIVE_INFINITY)).toBeGreaterThan(2000);
  });

  describe('the agent bundle deployed on the remote host', () => {
    let entryScript = '';

    beforeAll(() => {
      const manifest = JSON.parse(readFileSync(join(agentBundleDir, 'bundle.manifest.json'), 'utf8')) as {
        version: string;
      };
      // C:\ProgramData\HvAgent\bundle\<version> on the lab host. The script is named by its real path there: the
      // drive letters exist in a session only once the simulator's Hyper-V module is loaded.
      const bundleDir = sandboxFile(`C:\\ProgramData\\HvAgent\\bundle\\${manifest.version}`);
      mkdirSync(bundleDir, { recursive: true });
      cpSync(agentBundleDir, bundleDir, { recursive: true });
      entryScript = join(bundleDir, 'Invoke-DeleteVmJob.ps1');
    });

    let toDelete: string[] = [];
    const vmsOnHost = () =>
      JSON.stringify((JSON.parse(readFileSync(join(host.sandboxPath, 'state.json'), 'utf8')) as { vms: unknown }).vms);

    it('a plan-only delete of an Off VM returns the plan and changes nothing on the host', async () => {
      const vmsBefore = vmsOnHost();
      const plan = await runOverSsh(
        target(),
        { kind: 'host_path', path: entryScript },
        {
          ...common,
          job_id: 'j-ssh-plan',
          vm_id: DB01.id,
          vm_name: DB01.name,
          mode: 'plan',
        },
      );
      expect(plan.error, host.log()).toBeNull();
      const planEvent = events(plan).find((entry) => entry.event.type === 'plan')?.event;
      expect(planEvent).toMatchObject({ type: 'plan', job_id: 'j-ssh-plan', vm: { id: DB01.id, name: DB01.name } });
      toDelete = planEvent?.type === 'plan' ? planEvent.files_to_delete.map((file) => file.path) : [];
      expect(toDelete.length).toBeGreaterThan(3);
      expect(toDelete.filter((path) => !existsSync(sandboxFile(path)))).toEqual([]);
      expect(events(plan).at(-1)?.event).toMatchObject({ type: 'result', status: 'succeeded' });
      expect(vmsOnHost()).toBe(vmsBefore);
      expect(existsSync(sandboxFile('C:\\ProgramData\\HvAgent\\host.lock'))).toBe(false);
      expect(existsSync(sandboxFile(`C:\\ProgramData\\HvAgent\\jobs\\delete-${DB01.id}.json`))).toBe(false);
    });

    it('an execute delete of that VM succeeds, deletes exactly the planned files, and streams its output', async () => {
      expect(toDelete.length).toBeGreaterThan(3);
      const filesBefore = hostFiles();
      const script: RemoteScript = { kind: 'host_path', path: entryScript };
      const execute = await runOverSsh(target(), script, {
        ...common,
        job_id: 'j-ssh-execute',
        vm_id: DB01.id,
        vm_name: DB01.name,
        mode: 'execute',
        options: fastRetries,
      });
      expect(execute.error, host.log()).toBeNull();
      expect(execute.result?.exitCode).toBe(0);
      expect(execute.result?.result).toMatchObject({ status: 'succeeded' });
      const filesAfter = new Set(hostFiles());
      const removed = filesBefore.filter((file) => !filesAfter.has(file));
      expect(removed.sort()).toEqual(toDelete.map(sandboxFile).sort());
      // The user's file in the VM's folder is kept (and so is the folder).
      expect(existsSync(sandboxFile('C:\\VMs\\db01\\notes.txt'))).toBe(true);
      const steps = events(execute).flatMap((entry) =>
        entry.event.type === 'step' && entry.event.status !== 'started' ? [entry.event.id] : [],
      );
      expect(steps).toEqual([
        'validate',
        'lock',
        'plan',
        'cluster',
        'power',
        'checkpoints',
        'disks',
        'media',
        'unregister',
        'folders',
      ]);
      // Live: the host waited out its file locks between the first line and the result, and the lines came
      // spread over that time, not all at once at the end.
      const first = execute.lines[0];
      const result = events(execute).find((entry) => entry.event.type === 'result');
      expect((result?.receivedAt ?? 0) - (first?.receivedAt ?? Number.POSITIVE_INFINITY)).toBeGreaterThan(250);
    });
  });

  describe('hostile targets', () => {
    let canary = '';

    beforeAll(() => {
      canary = join(host.dir, 'canary');
    });

    it('a hostile host value is refused before anything runs', () => {
      const hostileHosts = [
        `127.0.0.1 -oProxyCommand=touch ${canary}`,
        `-oProxyCommand=touch ${canary}`,
        `127.0.0.1;touch ${canary}`,
        `$(touch ${canary})`,
        `127.0.0.1\nProxyCommand touch ${canary}`,
        `${host.user}@127.0.0.1`,
      ];
      for (const hostile of hostileHosts) {
        const build = () =>
          buildSshCommand({
            powershellPath: pwshPath,
            wrapperPath: remoteWrapperPath,
            script: { kind: 'local_file', path: sshLabFixture('stream-lines.ps1') },
            payload: encodeAgentPayload({ job_id: 'j-hostile' }),
            baseEnv: process.env,
            target: target({ host: hostile }),
          });
        expect(build).toThrowError(expect.objectContaining({ code: 'invalid_target' }));
      }
      expect(existsSync(canary)).toBe(false);
    });

    it('a hostile user name is refused by the ssh client or reaches the server as a user name: nothing runs', async () => {
      const script: RemoteScript = { kind: 'local_file', path: sshLabFixture('stream-lines.ps1') };
      // OpenSSH's client refuses shell metacharacters in a user name from its command line (CVE-2023-51385).
      for (const user of [`root;touch ${canary}`, `$(touch ${canary})`, `root' -oProxyCommand='touch ${canary}`]) {
        const run = await runOverSsh(target({ user }), script, { job_id: 'j-hostile-user' });
        expect(run.result).toBeNull();
        expect(failure(run).message).toMatch(/remote username contains invalid characters/);
        expect(run.lines.some((line) => line.text === 'first line')).toBe(false);
      }
      // White space passes the client: the server is asked for that user, does not know it, and refuses.
      const spaced = `root touch ${canary}`;
      const run = await runOverSsh(target({ user: spaced }), script, { job_id: 'j-hostile-user' });
      expect(failure(run).code).toBe('authentication_failed');
      expect(failure(run).message).toContain(`${spaced}@127.0.0.1: Permission denied (publickey)`);
      // sshd logs the unknown user (its log shortens the name).
      expect(host.log()).toMatch(/Invalid user root touch .*from 127\.0\.0\.1/);
      expect(existsSync(canary)).toBe(false);
    });
  });

  describe('typed connection failures', () => {
    const script = (): RemoteScript => ({ kind: 'local_file', path: sshLabFixture('stream-lines.ps1') });

    it('a key the host does not accept: authentication_failed', async () => {
      const run = await runOverSsh(target({ keyFilePath: host.unauthorizedKeyFilePath }), script(), {
        job_id: 'j-key',
      });
      expect(failure(run).code).toBe('authentication_failed');
      expect(failure(run).message).toMatch(/Permission denied/);
    });

    it('a host key that does not match known_hosts: authentication_failed', async () => {
      const wrongKnownHosts = join(host.dir, 'known_hosts_wrong');
      const strangerKey = readFileSync(`${host.unauthorizedKeyFilePath}.pub`, 'utf8').trim().split(/\s+/);
      writeFileSync(wrongKnownHosts, `[127.0.0.1]:${host.port} ${strangerKey[0]} ${strangerKey[1]}\n`);
      const run = await runOverSsh(target({ knownHostsPath: wrongKnownHosts }), script(), { job_id: 'j-hostkey' });
      expect(failure(run).code).toBe('authentication_failed');
    });

    it('a closed port: host_unreachable', async () => {
      const { createServer } = await import('node:net');
      const closedPort = await new Promise<number>((resolvePort) => {
        const server = createServer().listen(0, '127.0.0.1', () => {
          const address = server.address();
          server.close(() => resolvePort(typeof address === 'object' && address !== null ? address.port : 1));
        });
      });
      const run = await runOverSsh(target({ port: closedPort }), script(), { job_id: 'j-closed' });
      expect(failure(run).code).toBe('host_unreachable');
    });
  });
});
