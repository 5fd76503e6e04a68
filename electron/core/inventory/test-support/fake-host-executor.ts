// A HostExecutor for the inventory tests: every run waits until the test answers it (so tests choose the order
// in which concurrent reads finish), or answers at once from `autoRespond`.
import type { AgentEvent } from '../../../../shared/contract/agent/read-line';
import { type AppError, AppException, appError } from '../../../../shared/contract/errors';
import { sampleSnapshot, sampleVm } from '../../../../shared/contract/fixtures';
import type { VmInfo } from '../../../../shared/contract/inventory';
import type { AgentScript, HostExecutor, HostRunOptions, HostRunResult } from '../../ports';

export interface FakeRun {
  hostId: string;
  script: AgentScript;
  payload: Readonly<Record<string, unknown>>;
  options: HostRunOptions;
  settled: boolean;
  /** Answers with a successful inventory of these VMs. */
  succeed(vms: VmInfo[]): void;
  /** Answers with any run result (a failed agent result, no result at all). */
  finish(result: HostRunResult): void;
  /** Rejects as the real executor does: with an AppException. */
  reject(error: AppError): void;
}

export type AutoResponse = { vms: VmInfo[] } | { error: AppError };

export class FakeHostExecutor implements HostExecutor {
  readonly runs: FakeRun[] = [];
  autoRespond: ((hostId: string) => AutoResponse) | null = null;

  run(
    hostId: string,
    script: AgentScript,
    payload: Readonly<Record<string, unknown>>,
    options: HostRunOptions,
  ): Promise<HostRunResult> {
    return new Promise<HostRunResult>((resolve, rejectRun) => {
      const run: FakeRun = {
        hostId,
        script,
        payload,
        options,
        settled: false,
        succeed: (vms) => run.finish({ exitCode: 0, result: inventoryResult(hostId, vms) }),
        finish: (result) => {
          if (run.settled) return;
          run.settled = true;
          resolve(result);
        },
        reject: (error) => {
          if (run.settled) return;
          run.settled = true;
          rejectRun(new AppException(error));
        },
      };
      options.signal?.addEventListener('abort', () => run.reject(appError('cancelled', 'The run was stopped.')));
      this.runs.push(run);
      const auto = this.autoRespond?.(hostId);
      if (auto && 'vms' in auto) run.succeed(auto.vms);
      else if (auto) run.reject(auto.error);
    });
  }

  /** The runs not answered yet, oldest first. */
  pending(hostId?: string): FakeRun[] {
    return this.runs.filter((run) => !run.settled && (hostId === undefined || run.hostId === hostId));
  }
}

/** The `result` event the shared reader makes of a successful inventory script run. */
export function inventoryResult(hostId: string, vms: VmInfo[]): AgentEvent {
  const host = sampleSnapshot().host;
  if (!host) throw new Error('the sample snapshot has host facts');
  return {
    jobId: 'inventory-job',
    type: 'result',
    script: 'inventory',
    status: 'succeeded',
    error: null,
    inventory: { host, vms: vms.map((vm) => ({ ...vm, hostId })), skipped: [] },
  };
}

export const VM_A = '11111111-1111-4111-8111-111111111111';
export const VM_B = '22222222-2222-4222-8222-222222222222';
export const VM_C = '33333333-3333-4333-8333-333333333333';

/** A VM as the host reports it. */
export function hostVm(id: string, name: string, state = 'Off', hostId = 'h1'): VmInfo {
  return sampleVm({ id, name, state, hostId });
}
