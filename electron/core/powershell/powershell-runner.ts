import { spawn as nodeSpawn } from 'node:child_process';
import type { CommandSpec } from './command-spec';
import { PacedOutputPipe, type PacedOutputPipeOptions } from './paced-output-pipe';
import { createProcessTreeKiller, type ProcessTreeKiller } from './process-tree-killer';
import {
  type PrestartedProcess,
  type ProcessCommand,
  type RunDependencies,
  type RunningScript,
  type RunOptions,
  type RunResult,
  ScriptRun,
  type SpawnFn,
  spawnPowerShell,
} from './script-run';
import type { StreamDecoderOptions } from './stream-decoder';

// The PowerShell runner: runs one command spec as a child process (spawn, no shell), writes its stdin payload and
// closes stdin, streams decoded lines and agent events to callbacks as they arrive, and settles with a result or
// a typed PowerShellError (powershell_missing, script_failed, timed_out, cancelled, host_unreachable,
// authentication_failed). Why spawn and not node-powershell: docs/decisions/0004-powershell-runner.md.

export interface PowerShellRunnerOptions {
  spawn?: SpawnFn;
  killer?: ProcessTreeKiller;
  platform?: NodeJS.Platform;
  /** After stop() or a timeout asked PowerShell to stop (SIGINT), how long before the tree is killed. */
  stopGraceMs?: number;
  /** After the process exited, how long to wait for its output pipes to close. */
  closeWaitMs?: number;
  now?: () => number;
  decoder?: StreamDecoderOptions;
  /**
   * Read stdout through a paced pipe (paced-output-pipe.ts: far less CPU on chatty scripts), or false for Node's
   * ordinary pipe. Default: on, except with an injected spawn (a fake child never writes to a real pipe).
   */
  pacedOutput?: PacedOutputPipeOptions | false;
}

// Long enough for the agent's `finally` (it releases the host lock) on a busy workstation: under a heavy load a
// 2 s grace was seen to end in the hard kill, leaving the lock to expire on its own and the host refusing jobs.
export const DEFAULT_STOP_GRACE_MS = 6000;
export const DEFAULT_CLOSE_WAIT_MS = 2000;

export class PowerShellRunner {
  private readonly deps: RunDependencies;

  constructor(options: PowerShellRunnerOptions = {}) {
    const platform = options.platform ?? process.platform;
    const paced = options.pacedOutput ?? (options.spawn === undefined ? {} : false);
    this.deps = {
      spawn: options.spawn ?? nodeSpawn,
      killer: options.killer ?? createProcessTreeKiller(platform),
      platform,
      stopGraceMs: options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS,
      closeWaitMs: options.closeWaitMs ?? DEFAULT_CLOSE_WAIT_MS,
      now: options.now ?? Date.now,
      decoder: options.decoder ?? {},
      openOutputPipe: paced === false ? () => null : () => PacedOutputPipe.open(paced, platform),
    };
  }

  /** Starts the run; output flows to the callbacks at once. Await `done` for the outcome. */
  start(spec: CommandSpec, options: RunOptions = {}): RunningScript {
    const run = new ScriptRun(spec, options, this.deps);
    run.begin();
    return run;
  }

  /**
   * Spawns `command` now, as start() would, but writes nothing to its stdin and reads none of its output: a later
   * startPrestarted() gives it its input and makes it a run. Null when it cannot be spawned (start() would then
   * report why). The caller owns the process until then: it must listen for its 'error' and 'exit', and kill it
   * (and destroy the pipe) when it is not used.
   */
  prestart(command: ProcessCommand): PrestartedProcess | null {
    const pipe = this.deps.openOutputPipe();
    try {
      const child = spawnPowerShell(this.deps, command, pipe);
      pipe?.releaseChildEnd();
      return { child, pipe };
    } catch {
      pipe?.destroy();
      return null;
    }
  }

  /** Starts the run on a prestarted process of the same command: from its stdin on, exactly as start(). */
  startPrestarted(process: PrestartedProcess, spec: CommandSpec, options: RunOptions = {}): RunningScript {
    const run = new ScriptRun(spec, options, this.deps);
    run.adopt(process);
    return run;
  }

  /** Starts the run and waits for its outcome. */
  run(spec: CommandSpec, options: RunOptions = {}): Promise<RunResult> {
    return this.start(spec, options).done;
  }
}
