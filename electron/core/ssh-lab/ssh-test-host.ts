import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pwshPath, simulatorModulesPath } from './lab-paths';
import { buildLabSandbox, removeSandboxFolder } from './lab-sandbox';

// A real SSH "remote host" on loopback for tests: a private OpenSSH server (Debian's /usr/sbin/sshd, run as root
// with a temp config) on 127.0.0.1 and a free port, with its own host key, one authorized throwaway client key,
// and a `powershell` subsystem that starts the repository's pwsh in server mode (-sshs) against the simulator
// modules and a lab sandbox. The client side is the system `ssh`, which PowerShell's SSH remoting runs; it is
// pointed at this host's known_hosts through the ssh options the runner's builder passes (-Options).

const SSHD = '/usr/sbin/sshd';
const START_TIMEOUT_MS = 10_000;
export const SSH_TEST_USER = 'root';

export interface SshTestHost {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  /** The authorized client key (private half). */
  readonly keyFilePath: string;
  /** A key the host does not accept. */
  readonly unauthorizedKeyFilePath: string;
  /** Holds this host's key as `[127.0.0.1]:<port>`. */
  readonly knownHostsPath: string;
  /** The "remote" host's disks (HVSIM_ROOT of its PowerShell sessions). */
  readonly sandboxPath: string;
  /** Everything of this host (keys, config, sandbox); removed by stop(). */
  readonly dir: string;
  /** sshd's own log so far (-e: it logs to standard error), for failure messages. */
  log(): string;
  stop(): Promise<void>;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(':').some((folder) => folder !== '' && isExecutable(join(folder, command)));
}

/** Why the host cannot run here, or null when it can. */
export function sshTestHostUnavailableReason(): string | null {
  if (process.platform !== 'linux') return 'the ssh test host runs on Linux only';
  if (process.getuid?.() !== 0) return 'the ssh test host needs root (sshd with its own config, login as root)';
  if (!isExecutable(SSHD)) return `${SSHD} is missing (Debian package openssh-server; .ci/run installs it)`;
  for (const command of ['ssh', 'ssh-keygen']) {
    if (!onPath(command)) return `${command} is not on PATH (Debian package openssh-client; .ci/run installs it)`;
  }
  if (!isExecutable(pwshPath)) return `${pwshPath} is missing (npm run tools installs it)`;
  return null;
}

/** Single-quoted for /bin/sh: the value is data whatever it holds. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

function generateKey(path: string): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'hvagent-ssh-test', '-f', path], {
    stdio: 'ignore',
  });
}

async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** True once something on the port answers with an SSH banner. */
function answersSsh(port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (answer: boolean) => {
      socket.destroy();
      resolveAnswer(answer);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('data', (chunk) => finish(chunk.toString('latin1').startsWith('SSH-')));
  });
}

function writeSubsystemScript(dir: string, sandboxPath: string): string {
  const path = join(dir, 'powershell-subsystem.sh');
  const lines = [
    '#!/bin/sh',
    '# The powershell subsystem of the ssh test host: the simulator modules shadow Hyper-V, the sandbox is the host.',
    `PSModulePath=${shellQuote(simulatorModulesPath)}`,
    `HVSIM_ROOT=${shellQuote(sandboxPath)}`,
    'POWERSHELL_TELEMETRY_OPTOUT=1',
    'POWERSHELL_UPDATECHECK=Off',
    'export PSModulePath HVSIM_ROOT POWERSHELL_TELEMETRY_OPTOUT POWERSHELL_UPDATECHECK',
  ];
  // The pwsh apphost finds the .NET runtime through DOTNET_ROOT when it is not in a default place.
  if (process.env.DOTNET_ROOT) lines.push(`DOTNET_ROOT=${shellQuote(process.env.DOTNET_ROOT)}`, 'export DOTNET_ROOT');
  lines.push(`exec ${shellQuote(pwshPath)} -sshs -NoLogo -NoProfile`, '');
  writeFileSync(path, lines.join('\n'));
  chmodSync(path, 0o755);
  return path;
}

function writeSshdConfig(dir: string, port: number, hostKey: string, authorizedKeys: string, subsystem: string) {
  const path = join(dir, 'sshd_config');
  const lines = [
    `Port ${port}`,
    'ListenAddress 127.0.0.1',
    `HostKey ${hostKey}`,
    'PidFile none',
    `AuthorizedKeysFile ${authorizedKeys}`,
    'PubkeyAuthentication yes',
    'PasswordAuthentication no',
    'KbdInteractiveAuthentication no',
    'PermitRootLogin prohibit-password',
    `AllowUsers ${SSH_TEST_USER}`,
    // The temp folder's modes are not what StrictModes wants for a home directory's files.
    'StrictModes no',
    'UsePAM no',
    'UseDNS no',
    'PrintMotd no',
    'LogLevel VERBOSE',
    `Subsystem powershell ${subsystem}`,
    '',
  ];
  writeFileSync(path, lines.join('\n'));
  return path;
}

async function waitUntilListening(port: number, sshd: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (sshd.exitCode !== null || sshd.signalCode !== null) {
      throw new Error(`sshd exited at start (${sshd.exitCode ?? sshd.signalCode}):\n${log()}`);
    }
    if (await answersSsh(port)) return;
    await new Promise((wait) => setTimeout(wait, 50));
  }
  throw new Error(`sshd did not answer on 127.0.0.1:${port} within ${START_TIMEOUT_MS} ms:\n${log()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveStop) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolveStop();
    });
    child.kill('SIGTERM');
  });
}

/** Starts the host; call stop() in teardown. Throws with sshd's log when it cannot start. */
export async function startSshTestHost(): Promise<SshTestHost> {
  const unavailable = sshTestHostUnavailableReason();
  if (unavailable !== null) throw new Error(`The ssh test host cannot run here: ${unavailable}`);
  const dir = mkdtempSync(join(tmpdir(), 'hvagent-ssh-'));
  // sshd_config has no quoting for these paths; a temp folder with white space would split them.
  if (/\s|%/.test(dir)) throw new Error(`The temp folder '${dir}' holds white space or '%'; set TMPDIR`);
  let sshd: ChildProcess | null = null;
  try {
    const sandboxPath = join(dir, 'sandbox');
    const sandboxBuilt = buildLabSandbox(sandboxPath);
    // Awaited below; until then a failure must not count as unhandled if key generation throws first.
    sandboxBuilt.catch(() => undefined);
    const hostKey = join(dir, 'ssh_host_ed25519_key');
    const keyFilePath = join(dir, 'id_client');
    const unauthorizedKeyFilePath = join(dir, 'id_stranger');
    for (const key of [hostKey, keyFilePath, unauthorizedKeyFilePath]) generateKey(key);
    const authorizedKeys = join(dir, 'authorized_keys');
    writeFileSync(authorizedKeys, readFileSync(`${keyFilePath}.pub`), { mode: 0o600 });
    const port = await freeLoopbackPort();
    const [keyType, keyData] = readFileSync(`${hostKey}.pub`, 'utf8').trim().split(/\s+/);
    const knownHostsPath = join(dir, 'known_hosts');
    writeFileSync(knownHostsPath, `[127.0.0.1]:${port} ${keyType} ${keyData}\n`);
    const config = writeSshdConfig(dir, port, hostKey, authorizedKeys, writeSubsystemScript(dir, sandboxPath));
    await sandboxBuilt;

    // The privilege separation directory sshd insists on (the package creates it only when its service runs).
    mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    let sshdLog = '';
    const log = () => sshdLog;
    const child = spawn(SSHD, ['-D', '-e', '-f', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    sshd = child;
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (text: string) => {
      sshdLog += text;
    });
    child.once('error', (error) => {
      sshdLog += `\nspawn failed: ${error.message}`;
    });
    await waitUntilListening(port, child, log);
    return {
      host: '127.0.0.1',
      port,
      user: SSH_TEST_USER,
      keyFilePath,
      unauthorizedKeyFilePath,
      knownHostsPath,
      sandboxPath,
      dir,
      log,
      stop: async () => {
        await stopProcess(child);
        removeSandboxFolder(dir);
      },
    };
  } catch (error) {
    if (sshd !== null) await stopProcess(sshd);
    removeSandboxFolder(dir);
    throw error;
  }
}
