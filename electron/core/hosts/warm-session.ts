// One warm PowerShell process for one host: it runs scripts/Start-WarmSession.ps1, which reads one request per line
// on stdin and runs the entry script in a child scope with the payload as pipeline input, so the process start and
// module loads are paid once instead of per call (plan-only previews, inventory). Requests run one at a time; a
// request that times out or is cancelled kills the whole process tree (the session is then dead and the pool
// starts a new one). Output lines come back tagged with the request id; see the loop script for the protocol.
import { type ChildProcess, spawn as nodeSpawn } from 'node:child_process';
import { PowerShellError } from '../powershell/powershell-error';
import { createProcessTreeKiller, type ProcessTreeKiller } from '../powershell/process-tree-killer';
import type { SpawnFn } from '../powershell/script-run';
import { DEFAULT_MAX_LINE_CHARS, StreamDecoder, truncationMarker } from '../powershell/stream-decoder';
import { SerialQueue } from '../store/serial-queue';
import type { ProcessLaunch } from './host-connection';

export interface WarmLine {
  stream: 'out' | 'err';
  text: string;
  receivedAt: number;
}

export interface WarmRequest {
  /** Absolute path of the entry script, as the session's PowerShell sees it. */
  scriptPath: string;
  /** The base64 agent payload. */
  payload: string;
}

export interface WarmRunOptions {
  onLine: (line: WarmLine) => void;
  /** Counted from the request's turn (session start included); on expiry the session is killed. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface WarmRunResult {
  exitCode: number;
  stderrTail: readonly string[];
}

/**
 * The session could not start, or ended before this request produced any output. Nothing of the request reached
 * the caller, so it may safely run the (read-only) request cold instead.
 */
export class WarmSessionLost extends Error {
  override readonly name = 'WarmSessionLost';
}

export interface WarmSessionDeps {
  spawn?: SpawnFn;
  killer?: ProcessTreeKiller;
  platform?: NodeJS.Platform;
  now?: () => number;
  /** After close() ended stdin, how long the loop may take to exit before its tree is killed. */
  closeGraceMs?: number;
}

const TAG = '##hvsession ';
const TAGGED_LINE = /^##hvsession (\S+) (out|err|end|ready) ?(.*)$/s;
const AGENT_MARKER = '##hvagent ';
const STDERR_TAIL_LINES = 50;

interface ActiveRequest {
  id: string;
  options: WarmRunOptions;
  /** The request line was written: output from now on is this request's (before, it is the session start's). */
  sent: boolean;
  delivered: number;
  errTail: string[];
  settle: (outcome: { result: WarmRunResult } | { error: unknown }) => void;
}

/** JSON with every non-ASCII character escaped, so the console input encoding of the loop cannot matter. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Log lines are capped as the cold runner caps them; agent events (an inventory is one long line) are not. */
function capLine(text: string): string {
  if (text.length <= DEFAULT_MAX_LINE_CHARS || text.startsWith(AGENT_MARKER)) return text;
  return text.slice(0, DEFAULT_MAX_LINE_CHARS) + truncationMarker(text.length - DEFAULT_MAX_LINE_CHARS);
}

export class WarmSession {
  private child: ChildProcess | null = null;
  private dead = false;
  private ready: Promise<void> | null = null;
  private markReady: () => void = () => undefined;
  private failReady: (error: unknown) => void = () => undefined;
  private current: ActiveRequest | null = null;
  private readonly queue = new SerialQueue();
  private readonly stdout = new StreamDecoder({ longLinePrefix: TAG });
  private readonly stderr = new StreamDecoder({ clixml: true });
  private readonly stderrTail: string[] = [];
  private nextRequest = 1;
  private readonly spawn: SpawnFn;
  private readonly killer: ProcessTreeKiller;
  private readonly platform: NodeJS.Platform;
  private readonly now: () => number;
  private readonly closeGraceMs: number;

  constructor(
    private readonly launch: ProcessLaunch,
    deps: WarmSessionDeps = {},
  ) {
    this.platform = deps.platform ?? process.platform;
    this.spawn = deps.spawn ?? nodeSpawn;
    this.killer = deps.killer ?? createProcessTreeKiller(this.platform);
    this.now = deps.now ?? Date.now;
    this.closeGraceMs = deps.closeGraceMs ?? 2000;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** False once the process ended, was killed or could not start: the pool then replaces the session. */
  get alive(): boolean {
    return !this.dead;
  }

  /** Starts the process once; resolves when the loop says it is ready. */
  start(): Promise<void> {
    if (this.ready !== null) return this.ready;
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = resolve;
      this.failReady = reject;
    });
    void this.ready.catch(() => undefined);
    if (this.dead) {
      this.failReady(new WarmSessionLost('The warm PowerShell session was closed.'));
      return this.ready;
    }
    let child: ChildProcess;
    try {
      child = this.spawn(this.launch.executable, this.launch.args, {
        env: this.launch.env,
        stdio: ['pipe', 'pipe', 'pipe'],
        // POSIX: lead a process group, so a kill reaches everything the session started.
        detached: this.platform !== 'win32',
        windowsHide: true,
        ...(this.launch.cwd === undefined ? {} : { cwd: this.launch.cwd }),
      });
    } catch (error) {
      this.onEnded(error);
      return this.ready;
    }
    this.child = child;
    child.on('error', (error) => this.onEnded(error));
    child.on('exit', () => this.onEnded(null));
    child.stdin?.on('error', () => undefined);
    child.stdout?.on('data', (chunk: Buffer) => {
      for (const line of this.stdout.push(chunk)) this.onStdoutLine(line);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      for (const line of this.stderr.push(chunk)) this.onStderrLine(line);
    });
    return this.ready;
  }

  /** Runs one request after those already queued. Rejects with PowerShellError or WarmSessionLost. */
  run(request: WarmRequest, options: WarmRunOptions): Promise<WarmRunResult> {
    return this.queue.run(() => this.runNow(request, options));
  }

  /** Lets the loop finish (stdin closes, it exits) and kills what is left after a grace period. */
  close(): void {
    if (this.dead) return;
    this.dead = true;
    this.child?.stdin?.end();
    const pid = this.child?.pid;
    if (pid !== undefined) setTimeout(() => this.killer.killTree(pid), this.closeGraceMs).unref();
    this.failReady(new WarmSessionLost('The warm PowerShell session was closed.'));
  }

  /** Kills the process tree at once. */
  kill(): void {
    this.dead = true;
    const pid = this.child?.pid;
    if (pid !== undefined) this.killer.killTree(pid);
    this.failReady(new WarmSessionLost('The warm PowerShell session was killed.'));
  }

  private runNow(request: WarmRequest, options: WarmRunOptions): Promise<WarmRunResult> {
    return new Promise<WarmRunResult>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new PowerShellError('cancelled', 'The PowerShell run was cancelled'));
        return;
      }
      if (this.dead) {
        reject(new WarmSessionLost('The warm PowerShell session ended before this request.'));
        return;
      }
      let timer: ReturnType<typeof setTimeout> | null = null;
      const onAbort = () => this.stopCurrent(active, 'cancelled');
      const active: ActiveRequest = {
        id: `r${this.nextRequest++}`,
        options,
        sent: false,
        delivered: 0,
        errTail: [],
        settle: (outcome) => {
          if (this.current !== active) return;
          this.current = null;
          if (timer !== null) clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          if ('result' in outcome) resolve(outcome.result);
          else reject(outcome.error);
        },
      };
      this.current = active;
      const timeoutMs = options.timeoutMs;
      if (timeoutMs !== undefined && timeoutMs > 0)
        timer = setTimeout(() => this.stopCurrent(active, 'timed_out'), timeoutMs);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      this.start().then(
        () => {
          if (this.current !== active) return;
          const line = asciiJson({ id: active.id, script: request.scriptPath, payload: request.payload });
          active.sent = true;
          this.child?.stdin?.write(`${line}\n`);
        },
        (error: unknown) =>
          active.settle({ error: error instanceof WarmSessionLost ? error : new WarmSessionLost(String(error)) }),
      );
    });
  }

  /** A timeout or a cancel: the request's pipeline cannot be stopped alone, so the session goes with it. */
  private stopCurrent(active: ActiveRequest, reason: 'timed_out' | 'cancelled'): void {
    if (this.current !== active) return;
    this.kill();
    const seconds = (active.options.timeoutMs ?? 0) / 1000;
    const message =
      reason === 'timed_out'
        ? `PowerShell did not finish within ${seconds} s and was stopped`
        : 'The PowerShell run was cancelled';
    active.settle({ error: new PowerShellError(reason, message, { stderrTail: active.errTail }) });
  }

  private onStdoutLine(line: string): void {
    const tagged = TAGGED_LINE.exec(line);
    if (tagged === null) {
      // Something wrote to the console directly: it belongs to the request that is running.
      this.deliver('out', line);
      return;
    }
    const [, id, kind, text = ''] = tagged;
    if (kind === 'ready') {
      this.markReady();
      return;
    }
    const active = this.current;
    if (active === null || id !== active.id) return;
    if (kind === 'end') {
      active.settle({ result: { exitCode: Number.parseInt(text, 10) || 0, stderrTail: active.errTail } });
      return;
    }
    this.deliver(kind === 'err' ? 'err' : 'out', text);
  }

  private onStderrLine(line: string): void {
    this.stderrTail.push(line);
    if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
    this.deliver('err', line);
  }

  private deliver(stream: 'out' | 'err', text: string): void {
    const active = this.current;
    if (active === null || !active.sent) return;
    active.delivered += 1;
    if (stream === 'err') {
      active.errTail.push(text);
      if (active.errTail.length > STDERR_TAIL_LINES) active.errTail.shift();
    }
    try {
      active.options.onLine({ stream, text: capLine(text), receivedAt: this.now() });
    } catch (error) {
      this.kill();
      active.settle({ error });
    }
  }

  private onEnded(error: unknown): void {
    const startFailed = this.child?.pid === undefined;
    if (error !== null && !startFailed) return; // an 'error' after a successful start: 'exit' follows
    this.dead = true;
    const tail = this.stderrTail.slice(-5).join(' | ');
    const why = error === null ? `the session ended${tail ? `: ${tail}` : ''}` : (error as Error).message;
    this.failReady(new WarmSessionLost(`The warm PowerShell session could not run: ${why}`));
    const active = this.current;
    if (active === null) return;
    active.settle({
      error:
        active.delivered === 0
          ? new WarmSessionLost(`The warm PowerShell session ended before the script ran: ${why}`)
          : new PowerShellError('script_failed', `The warm PowerShell session ended while the script ran: ${why}`, {
              stderrTail: active.errTail,
            }),
    });
  }
}
