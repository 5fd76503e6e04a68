// A HostExecutor that runs nothing: each run is handed to a behaviour the test chooses, which prints agent lines
// through the real event reader and decides how the run ends. It records every run's start and end in one
// sequence, so tests can check per-host order and overlap precisely, and it honours the abort signal the way
// the real one does (the run rejects with `cancelled` once the "process" is gone).
import { type AgentScript, readAgentLine } from '../../../../shared/contract/agent/read-line';
import { AppException, appError } from '../../../../shared/contract/errors';
import type { Clock, HostExecutor, HostOutputLine, HostRunOptions, HostRunResult } from '../../ports';
import { deleteResultLine, lifecycleResultLine, log, planLine, stepLine } from './agent-lines';

/** A stand-in for a host's stored password: the fake holds it, as a real executor holds the decrypted secret. */
export const FAKE_HOST_SECRET = 'Hunter2-S3CRET-do-not-leak-7f3a9c';

export class FakeRun {
  readonly jobId: string;
  private lastResult: HostRunResult['result'] = null;

  constructor(
    readonly hostId: string,
    readonly script: AgentScript,
    readonly payload: Readonly<Record<string, unknown>>,
    readonly options: HostRunOptions,
    private readonly clock: Clock,
  ) {
    this.jobId = String(payload.job_id);
  }

  /** Prints lines as one batch, parsed the way the real executor parses them. */
  print(...texts: string[]): void {
    const lines: HostOutputLine[] = texts.map((text) => {
      const read = readAgentLine(text, { script: this.script, hostId: this.hostId });
      const event = read.ok ? read.value : null;
      if (event?.type === 'result') this.lastResult = event;
      return { stream: 'out', text, event, receivedAt: this.clock.now() };
    });
    this.options.onLines(lines);
  }

  printErr(text: string): void {
    this.options.onLines([{ stream: 'err', text, event: null, receivedAt: this.clock.now() }]);
  }

  /** Ends like a process that exited: the last result event printed, and the exit code. */
  exit(exitCode: number): HostRunResult {
    return { exitCode, result: this.lastResult };
  }

  /** Resolves once the signal aborts (never, if it does not). */
  aborted(): Promise<void> {
    const signal = this.options.signal;
    if (!signal) return new Promise(() => {});
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
  }
}

export type Behaviour = (run: FakeRun) => Promise<HostRunResult>;

export interface TimelineEntry {
  readonly edge: 'start' | 'end';
  readonly hostId: string;
  readonly jobId: string;
}

export class FakeExecutor implements HostExecutor {
  readonly runs: FakeRun[] = [];
  readonly timeline: TimelineEntry[] = [];
  /** What the fake would use to log on to a host; it must never reach a job, an event or a file. */
  readonly environment = { HVAGENT_PASSWORD: FAKE_HOST_SECRET };
  behaviour: Behaviour = succeed;

  constructor(private readonly clock: Clock) {}

  run(
    hostId: string,
    script: AgentScript,
    payload: Readonly<Record<string, unknown>>,
    options: HostRunOptions,
  ): Promise<HostRunResult> {
    const run = new FakeRun(hostId, script, payload, options, this.clock);
    this.runs.push(run);
    this.timeline.push({ edge: 'start', hostId, jobId: run.jobId });
    return Promise.resolve()
      .then(() => this.behaviour(run))
      .finally(() => this.timeline.push({ edge: 'end', hostId, jobId: run.jobId }));
  }

  runFor(jobId: string): FakeRun {
    const run = this.runs.find((candidate) => candidate.jobId === jobId);
    if (!run) throw new Error(`No run for ${jobId}.`);
    return run;
  }
}

/** A delete or lifecycle that goes well: log lines, every step, the plan, the result, exit 0. */
export async function succeed(run: FakeRun): Promise<HostRunResult> {
  const id = run.jobId;
  if (run.script === 'lifecycle') {
    const action = String(run.payload.action);
    run.print(stepLine(id, 'validate', 'started'), stepLine(id, 'validate', 'succeeded'));
    run.print(stepLine(id, action, 'started'), log(`${action} done`), stepLine(id, action, 'succeeded'));
    run.print(
      lifecycleResultLine(id, { id: String(run.payload.vm_id), name: String(run.payload.vm_name), state: 'Off' }),
    );
    return run.exit(0);
  }
  run.print(log('validating'), stepLine(id, 'validate', 'started'), stepLine(id, 'validate', 'succeeded'));
  run.print(planLine(id, String(run.payload.vm_id), String(run.payload.vm_name)));
  run.print(stepLine(id, 'disks', 'started'), log('deleting disk'), stepLine(id, 'disks', 'succeeded'));
  run.print(deleteResultLine(id));
  return run.exit(0);
}

/** A run that starts, prints a line, and waits until its gate opens (or the job is aborted). */
export function gated(gateFor: (run: FakeRun) => Promise<void>, then: Behaviour = succeed): Behaviour {
  return async (run) => {
    run.print(log('started'));
    const outcome = await Promise.race([
      gateFor(run).then(() => 'released' as const),
      run.aborted().then(() => 'aborted' as const),
    ]);
    if (outcome === 'aborted') throw new AppException(appError('cancelled', 'The run was stopped.'));
    return then(run);
  };
}

/** A run that never ends on its own: it stops when aborted, like a hung cmdlet under a killed process. */
export async function hang(run: FakeRun): Promise<HostRunResult> {
  run.print(log('waiting for a cmdlet that never returns'));
  await run.aborted();
  throw new AppException(appError('cancelled', 'The run was stopped.'));
}
