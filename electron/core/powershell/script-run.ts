import type { ChildProcess, SpawnOptions } from 'node:child_process';
import type { AgentEvent, ResultEvent } from './agent-events';
import { AGENT_EVENT_MARKER } from './agent-events';
import type { CommandSpec } from './command-spec';
import { type ParsedLine, parseOutputLine } from './event-parser';
import type { PacedOutputPipe } from './paced-output-pipe';
import { PowerShellError, type PowerShellErrorDetails } from './powershell-error';
import type { ProcessTreeKiller } from './process-tree-killer';
import { WRAPPER_EXIT } from './remote-command';
import { classifyRemoteFailure } from './remote-failure';
import { errorMessageFromStderr } from './stderr-message';
import { StreamDecoder, type StreamDecoderOptions } from './stream-decoder';

// One run of one command spec: the child process, its two decoded output streams, the timeout and the stop, and
// the single outcome (resolved result or PowerShellError). Lines are delivered to the callbacks as each chunk
// arrives; the outcome is decided once the process has exited and its output is drained.

export type OutputStream = 'stdout' | 'stderr';

/** One output line as the runner delivers it: parsed (log or event), with its stream and arrival time. */
export type OutputLine = ParsedLine & { stream: OutputStream; receivedAt: number };

export interface RunOptions {
  /** Stop the run (as stop() does) when it takes longer; reported as `timed_out`. */
  timeoutMs?: number;
  /** Every line of stdout and stderr, in arrival order. Must not throw (a throw stops the run and is rethrown). */
  onLine?: (line: OutputLine) => void;
  /** The structured agent events only. */
  onEvent?: (event: AgentEvent) => void;
}

export interface RunResult {
  exitCode: number;
  /** The agent's `result` event, when the script emitted one. */
  result: ResultEvent | null;
  stderrTail: readonly string[];
  durationMs: number;
}

export interface RunningScript {
  /** The process id; undefined when the process could not be started. */
  readonly pid: number | undefined;
  /** Settles once: the result, or a PowerShellError (or the error a callback threw). Never unhandled. */
  readonly done: Promise<RunResult>;
  /** Stops the run and everything it started; the run then fails with `cancelled`. */
  stop(): void;
}

export type SpawnFn = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** How a PowerShell process is started: a command spec without its input. */
export type ProcessCommand = Pick<CommandSpec, 'executable' | 'args' | 'env' | 'cwd'>;

/** A process spawned as a run would spawn it, its stdin still open and unwritten, its output not yet read. */
export interface PrestartedProcess {
  readonly child: ChildProcess;
  /** Its stdout (a paced pipe), or null when stdout is the child's ordinary pipe. */
  readonly pipe: PacedOutputPipe | null;
}

export interface RunDependencies {
  spawn: SpawnFn;
  killer: ProcessTreeKiller;
  platform: NodeJS.Platform;
  stopGraceMs: number;
  closeWaitMs: number;
  now: () => number;
  decoder: StreamDecoderOptions;
  /** The child's stdout as a paced pipe (see paced-output-pipe.ts); null: an ordinary pipe. */
  openOutputPipe: () => PacedOutputPipe | null;
}

const STDERR_TAIL_LINES = 50;
/** Standard output kept to explain a remote session that never opened (see failure()). */
const STDOUT_TAIL_LINES = 20;

function missingMessage(spec: CommandSpec): string {
  const bare = !/[\\/]/.test(spec.executable);
  const where = bare ? `'${spec.executable}' on PATH` : `'${spec.executable}'`;
  const cwd = spec.cwd === undefined ? '' : ` (or the working folder '${spec.cwd}' does not exist)`;
  return `PowerShell was not found: looked for ${where}${cwd}`;
}

/**
 * The line as delivered. Runs for every line of output: a plain log line (nearly all of them) is one small object,
 * and only a line with the event marker goes through the event parser.
 */
function toOutputLine(text: string, stream: OutputStream, receivedAt: number): OutputLine {
  if (stream === 'stderr' || !text.startsWith(AGENT_EVENT_MARKER)) return { kind: 'log', text, stream, receivedAt };
  const parsed: ParsedLine = parseOutputLine(text);
  return { ...parsed, stream, receivedAt };
}

/** Spawns the command as every run does: no shell, stdin piped, stdout to `pipe` when there is one. */
export function spawnPowerShell(
  deps: Pick<RunDependencies, 'spawn' | 'platform'>,
  command: ProcessCommand,
  pipe: PacedOutputPipe | null,
): ChildProcess {
  return deps.spawn(command.executable, command.args, {
    env: command.env,
    stdio: ['pipe', pipe?.childEnd ?? 'pipe', 'pipe'],
    // POSIX: lead a process group, so the whole tree can be killed at once.
    detached: deps.platform !== 'win32',
    windowsHide: true,
    ...(command.cwd === undefined ? {} : { cwd: command.cwd }),
  });
}

export class ScriptRun implements RunningScript {
  readonly done: Promise<RunResult>;
  private resolveDone!: (result: RunResult) => void;
  private rejectDone!: (error: unknown) => void;

  private child: ChildProcess | null = null;
  private pipe: PacedOutputPipe | null = null;
  /** Output is complete when the child's own stdio closed and, with a paced pipe, that pipe ended too. */
  private childClosed = false;
  private pipeOpen = false;
  private settled = false;
  private stopReason: 'cancelled' | 'timed_out' | null = null;
  private callbackError: { error: unknown } | null = null;
  private exit: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private result: ResultEvent | null = null;
  private readonly stderrTail: string[] = [];
  private readonly stdoutTail: string[] = [];
  private readonly stdout: StreamDecoder;
  private readonly stderr: StreamDecoder;
  private readonly startedAt: number;
  private timeoutTimer: ReturnType<typeof setTimeout> | null = null;
  private graceTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly spec: CommandSpec,
    private readonly options: RunOptions,
    private readonly deps: RunDependencies,
  ) {
    this.done = new Promise<RunResult>((resolve, reject) => {
      this.resolveDone = resolve;
      this.rejectDone = reject;
    });
    // A caller that only uses the callbacks must not turn a failed run into an unhandled rejection (a crash).
    void this.done.catch(() => undefined);
    this.startedAt = deps.now();
    this.stdout = new StreamDecoder({ longLinePrefix: AGENT_EVENT_MARKER, ...deps.decoder });
    this.stderr = new StreamDecoder({ ...deps.decoder, clixml: true });
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  begin(): void {
    const pipe = this.deps.openOutputPipe();
    let child: ChildProcess;
    try {
      child = spawnPowerShell(this.deps, this.spec, pipe);
    } catch (error) {
      pipe?.destroy();
      this.failToStart(error);
      return;
    }
    pipe?.releaseChildEnd();
    this.attach({ child, pipe });
  }

  /**
   * Runs on a process started earlier with this spec's command and no input yet (prestartPowerShell): from here
   * on it is this run's, exactly as if begin() had spawned it now.
   */
  adopt(process: PrestartedProcess): void {
    this.attach(process);
  }

  private attach({ child, pipe }: PrestartedProcess): void {
    this.pipe = pipe;
    this.child = child;
    child.on('error', (error) => {
      if (child.pid === undefined) this.failToStart(error);
    });
    child.on('exit', (code, signal) => this.onExit(code, signal));
    child.on('close', (code, signal) => {
      this.exit ??= { code, signal };
      this.childClosed = true;
      if (!this.pipeOpen) this.finish();
    });
    const onStdout = (chunk: Buffer) => this.deliver('stdout', this.stdout.push(chunk));
    if (pipe === null) {
      child.stdout?.on('data', onStdout);
    } else {
      this.pipeOpen = true;
      pipe.start(onStdout, () => {
        this.pipeOpen = false;
        if (this.childClosed) this.finish();
      });
    }
    child.stderr?.on('data', (chunk: Buffer) => this.deliver('stderr', this.stderr.push(chunk)));
    // EPIPE when the script exits without reading its input: the exit code tells what happened.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(this.spec.stdinPayload, 'utf8');
    const timeoutMs = this.options.timeoutMs;
    if (timeoutMs !== undefined && timeoutMs > 0) {
      this.timeoutTimer = setTimeout(() => this.requestStop('timed_out'), timeoutMs);
    }
  }

  stop(): void {
    this.requestStop('cancelled');
  }

  private requestStop(reason: 'cancelled' | 'timed_out'): void {
    if (this.settled || this.stopReason !== null) return;
    this.stopReason = reason;
    const pid = this.child?.pid;
    if (pid === undefined) return;
    if (this.exit !== null) {
      this.deps.killer.killTree(pid);
      return;
    }
    this.deps.killer.interrupt(pid);
    this.graceTimer = setTimeout(() => this.deps.killer.killTree(pid), this.deps.stopGraceMs);
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    this.exit = { code, signal };
    const pid = this.child?.pid;
    // A stopped run leaves nothing behind: sweep whatever is left of its process group.
    if (this.stopReason !== null && pid !== undefined) this.deps.killer.killTree(pid);
    // Output is complete when stdio closes; a grandchild that inherited the pipes could hold them open forever.
    this.closeTimer = setTimeout(() => this.finish(), this.deps.closeWaitMs);
  }

  private deliver(stream: OutputStream, texts: readonly string[]): void {
    if (texts.length === 0 || this.callbackError !== null) return;
    const receivedAt = this.deps.now();
    for (const text of texts) {
      const line = toOutputLine(text, stream, receivedAt);
      if (stream === 'stderr') {
        this.stderrTail.push(text);
        if (this.stderrTail.length > STDERR_TAIL_LINES) this.stderrTail.shift();
      } else if (line.kind === 'log') {
        this.stdoutTail.push(text);
        if (this.stdoutTail.length > STDOUT_TAIL_LINES) this.stdoutTail.shift();
      }
      if (line.kind === 'event' && line.event.type === 'result') this.result = line.event;
      try {
        this.options.onLine?.(line);
        if (line.kind === 'event') this.options.onEvent?.(line.event);
      } catch (error) {
        this.callbackError = { error };
        this.requestStop('cancelled');
        return;
      }
    }
  }

  private failToStart(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.clearTimers();
    this.pipe?.destroy();
    const code = (error as NodeJS.ErrnoException | null)?.code;
    this.rejectDone(
      code === 'ENOENT'
        ? new PowerShellError('powershell_missing', missingMessage(this.spec), { cause: error })
        : new PowerShellError(
            'spawn_failed',
            `PowerShell '${this.spec.executable}' could not be started: ${(error as Error).message}`,
            { cause: error },
          ),
    );
  }

  private finish(): void {
    if (this.settled) return;
    this.deliver('stdout', this.stdout.end());
    this.deliver('stderr', this.stderr.end());
    this.settled = true;
    this.clearTimers();
    this.child?.stdout?.destroy();
    this.child?.stderr?.destroy();
    this.pipe?.destroy();
    const { code, signal } = this.exit ?? { code: null, signal: null };
    const details: PowerShellErrorDetails = {
      exitCode: code,
      signal,
      result: this.result,
      stderrTail: [...this.stderrTail],
    };
    if (this.callbackError !== null) {
      this.rejectDone(this.callbackError.error);
    } else if (this.stopReason === 'timed_out') {
      const seconds = (this.options.timeoutMs ?? 0) / 1000;
      this.rejectDone(
        new PowerShellError('timed_out', `PowerShell did not finish within ${seconds} s and was stopped`, details),
      );
    } else if (this.stopReason === 'cancelled') {
      this.rejectDone(new PowerShellError('cancelled', 'The PowerShell run was cancelled', details));
    } else if (code === 0 && this.result?.status !== 'failed') {
      this.resolveDone({
        exitCode: 0,
        result: this.result,
        stderrTail: details.stderrTail ?? [],
        durationMs: this.deps.now() - this.startedAt,
      });
    } else {
      this.rejectDone(this.failure(code, signal, details));
    }
  }

  private failure(code: number | null, signal: string | null, details: PowerShellErrorDetails): PowerShellError {
    const errorLines = errorMessageFromStderr(this.stderrTail);
    const remote = this.spec.transport === 'ssh' || this.spec.transport === 'winrm';
    // A result event means the script ran on the host: whatever failed there is the script's failure.
    if (remote && this.result === null) {
      // When the session never opened (exit 3), nothing ran on the host, and standard output holds only what the
      // ssh client said: PowerShell prints ssh's own reason ("Permission denied (publickey)") there, not on stderr.
      const connectFailed = code === WRAPPER_EXIT.connectFailed;
      const evidence = connectFailed ? [...this.stdoutTail, ...this.stderrTail] : this.stderrTail;
      const classified = classifyRemoteFailure(evidence) ?? (connectFailed ? 'host_unreachable' : null);
      if (classified !== null) {
        const message = errorMessageFromStderr(evidence) || 'Could not open a remote session';
        return new PowerShellError(classified, message, details);
      }
    }
    const exitText = signal === null ? `PowerShell exited with code ${code}` : `PowerShell was ended by ${signal}`;
    const message = this.result?.error?.message || errorLines || exitText;
    return new PowerShellError('script_failed', message, details);
  }

  private clearTimers(): void {
    for (const timer of [this.timeoutTimer, this.graceTimer, this.closeTimer]) {
      if (timer !== null) clearTimeout(timer);
    }
    this.timeoutTimer = null;
    this.graceTimer = null;
    this.closeTimer = null;
  }
}
