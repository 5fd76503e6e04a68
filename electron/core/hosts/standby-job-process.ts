// One pre-started PowerShell per host for the jobs that change something (deletes, lifecycle) on lab and local
// hosts: started in advance with exactly the command a cold run of the job's entry script would use, it gets as far
// as reading its pipeline input and waits there, so a job that takes it pays only for writing its payload, not for
// the PowerShell start (about two thirds of the time to a job's first line). The run itself is the runner's, as
// cold: same payload on stdin, same decoders, same stop, timeout and tree kill. Nothing is written to the process
// before a job takes it, and it is started with the same argument vector as the job (no secret is ever in it).
// Why, and what discards a standby: docs/decisions/0010-standby-job-process.md.
import type { CommandSpec } from '../powershell/command-spec';
import { createProcessTreeKiller, type ProcessTreeKiller } from '../powershell/process-tree-killer';
import type { PrestartedProcess, ProcessCommand, RunningScript, RunOptions } from '../powershell/script-run';

/** The part of PowerShellRunner the standbys need. */
export interface StandbyRunner {
  start(spec: CommandSpec, options?: RunOptions): RunningScript;
  prestart(command: ProcessCommand): PrestartedProcess | null;
  startPrestarted(process: PrestartedProcess, spec: CommandSpec, options?: RunOptions): RunningScript;
}

export interface StandbyJobProcessesOptions {
  runner: StandbyRunner;
  killer?: ProcessTreeKiller;
  /** A standby no job took for this long is ended (default 10 minutes, as the warm sessions). */
  idleMs?: number;
  /** How long closeAll() waits for the ended standbys to exit. */
  closeWaitMs?: number;
}

export const DEFAULT_STANDBY_IDLE_MS = 10 * 60 * 1000;
const DEFAULT_CLOSE_WAIT_MS = 2000;

interface Standby {
  key: string;
  process: PrestartedProcess;
  /** False once the process exited or failed to start: a job must not take it. */
  alive: boolean;
  idleTimer: ReturnType<typeof setTimeout> | null;
  exited: Promise<void>;
}

/** Only the transports whose command runs on this machine and whose stdin carries nothing but the payload. */
function eligible(spec: CommandSpec): boolean {
  return spec.transport === 'lab' || spec.transport === 'local';
}

/** Everything that shapes the process (not its input): a standby serves only a job of the same command. */
function commandKey(spec: CommandSpec): string {
  return JSON.stringify([spec.transport, spec.executable, spec.args, spec.env, spec.cwd ?? null]);
}

export class StandbyJobProcesses {
  private readonly standbys = new Map<string, Standby>();
  /** Bumped by close(hostId): a run that began before must not leave a standby behind when it ends. */
  private readonly generations = new Map<string, number>();
  private readonly exiting = new Set<Promise<void>>();
  private closed = false;
  private readonly killer: ProcessTreeKiller;
  private readonly idleMs: number;
  private readonly closeWaitMs: number;

  constructor(private readonly options: StandbyJobProcessesOptions) {
    this.killer = options.killer ?? createProcessTreeKiller();
    this.idleMs = options.idleMs ?? DEFAULT_STANDBY_IDLE_MS;
    this.closeWaitMs = options.closeWaitMs ?? DEFAULT_CLOSE_WAIT_MS;
  }

  /**
   * Runs `spec` for a job on `hostId`: on the host's standby when it is alive and was started with this very
   * command, otherwise cold (a standby of another command is ended). After a run that succeeded, the next job's
   * standby is started; after a failure, a cancel or a timeout none is (the host's state is in question, and
   * nothing should linger beside a stopped run).
   */
  start(hostId: string, spec: CommandSpec, options: RunOptions = {}): RunningScript {
    const key = commandKey(spec);
    const standby = this.standbys.get(hostId);
    let running: RunningScript;
    if (standby?.alive && standby.key === key) {
      this.standbys.delete(hostId);
      this.clearIdle(standby);
      running = this.options.runner.startPrestarted(standby.process, spec, options);
    } else {
      if (standby !== undefined) this.discard(hostId, standby);
      running = this.options.runner.start(spec, options);
    }
    const generation = this.generationOf(hostId);
    running.done.then(
      () => {
        if (this.generationOf(hostId) === generation) this.prepare(hostId, spec);
      },
      () => undefined,
    );
    return running;
  }

  /** Makes sure the host has a standby for `spec`'s command (a delete is likely next: its plan was just shown). */
  prepare(hostId: string, spec: CommandSpec): void {
    if (this.closed || !eligible(spec)) return;
    const key = commandKey(spec);
    const existing = this.standbys.get(hostId);
    if (existing?.alive && existing.key === key) {
      this.armIdle(hostId, existing);
      return;
    }
    if (existing !== undefined) this.discard(hostId, existing);
    const process = this.options.runner.prestart(spec);
    if (process === null) return;
    this.adopt(hostId, key, process);
  }

  /** The pid of the host's standby, if it has a live one (diagnostics and tests). */
  pidOf(hostId: string): number | undefined {
    const standby = this.standbys.get(hostId);
    return standby?.alive ? standby.process.child.pid : undefined;
  }

  /** The host's bundle, sandbox or record changed, or it is gone: its standby ends, and no run leaves a new one. */
  close(hostId: string): void {
    this.generations.set(hostId, this.generationOf(hostId) + 1);
    const standby = this.standbys.get(hostId);
    if (standby !== undefined) this.discard(hostId, standby);
  }

  /** Ends every standby and starts no more; resolves when they have exited (or after closeWaitMs). */
  async closeAll(): Promise<void> {
    this.closed = true;
    for (const hostId of [...this.standbys.keys()]) this.close(hostId);
    if (this.exiting.size === 0) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, this.closeWaitMs);
    });
    await Promise.race([Promise.all(this.exiting), waited]);
    if (timer !== null) clearTimeout(timer);
  }

  private adopt(hostId: string, key: string, process: PrestartedProcess): void {
    const { child } = process;
    let markExited: () => void = () => undefined;
    const standby: Standby = {
      key,
      process,
      alive: true,
      idleTimer: null,
      exited: new Promise<void>((resolve) => {
        markExited = resolve;
      }),
    };
    const ended = () => {
      standby.alive = false;
      markExited();
      // Still waiting (a job takes only a live one): nothing of it is of use any more.
      if (this.standbys.get(hostId) === standby) this.discard(hostId, standby);
    };
    child.on('exit', ended);
    // 'error' without a pid: it never started. After a start, 'exit' follows any error.
    child.on('error', () => {
      if (child.pid === undefined) ended();
    });
    child.stdin?.on('error', () => undefined);
    this.standbys.set(hostId, standby);
    this.armIdle(hostId, standby);
  }

  /** Ends a standby no job took: its whole tree, at once (it has run nothing yet). */
  private discard(hostId: string, standby: Standby): void {
    if (this.standbys.get(hostId) === standby) this.standbys.delete(hostId);
    this.clearIdle(standby);
    const { child, pipe } = standby.process;
    if (standby.alive && child.pid !== undefined) {
      const exited = standby.exited;
      this.exiting.add(exited);
      void exited.then(() => this.exiting.delete(exited));
      this.killer.killTree(child.pid);
    }
    standby.alive = false;
    // Its stdin stays open until it is gone (Node closes it at the exit): closed first, the script would run.
    pipe?.destroy();
    child.stderr?.destroy();
  }

  private armIdle(hostId: string, standby: Standby): void {
    this.clearIdle(standby);
    standby.idleTimer = setTimeout(() => {
      if (this.standbys.get(hostId) === standby) this.discard(hostId, standby);
    }, this.idleMs);
    standby.idleTimer.unref?.();
  }

  private clearIdle(standby: Standby): void {
    if (standby.idleTimer !== null) clearTimeout(standby.idleTimer);
    standby.idleTimer = null;
  }

  private generationOf(hostId: string): number {
    return this.generations.get(hostId) ?? 0;
  }
}
