// Fault injection on the lab host (C11), for the end-to-end tests and a developer's own experiments: thin calls
// of the simulator's control cmdlets (Set-SimFault, Clear-SimFault, Lock-SimFile, Unlock-SimFile,
// Set-SimBehaviour) through the lab control script. Each call reports the faults and fault locks now in force.
import { z } from 'zod';
import type { ResultEvent } from '../powershell/agent-events';
import { labFailure } from './lab-powershell';

export interface LabFaultSpec {
  /** The simulated cmdlet, e.g. 'Remove-VM' or 'Get-VM'. */
  commandName: string;
  /** A VM id or name, a disk or ISO path, a checkpoint id or name, a cluster group; omitted: any object. */
  target?: string;
  kind: 'fail' | 'hang';
  /** The error message of a failing cmdlet. */
  message?: string;
  /** How long a hanging cmdlet hangs. */
  seconds?: number;
  /** How many times it fires; omitted: until cleared. */
  count?: number;
}

const faultSchema = z.looseObject({
  id: z.string(),
  cmdlet: z.string(),
  target: z.string().nullable(),
  kind: z.enum(['fail', 'hang']),
  message: z.string().nullable(),
  seconds: z.number().nullable(),
  remaining: z.number().nullable(),
});

const lockSchema = z.looseObject({ path: z.string(), until: z.string().nullable(), reason: z.string() });
const stateSchema = z.looseObject({ faults: z.array(faultSchema), locks: z.array(lockSchema) });

export type LabFault = z.output<typeof faultSchema>;
export type LabFaultLock = z.output<typeof lockSchema>;
export type LabFaultState = { faults: LabFault[]; locks: LabFaultLock[] };

export interface LabBehaviour {
  releaseDelayMs?: number;
  mergeDelayMs?: number;
  transitionDelayMs?: number;
}

/** Sends one control request to the lab host; resolves with the control script's result event. */
export type LabControl = (request: Readonly<Record<string, unknown>>) => Promise<ResultEvent>;

function stateOf(result: ResultEvent): LabFaultState {
  const parsed = stateSchema.safeParse(result);
  if (!parsed.success) throw labFailure('The lab control script reported faults in an unexpected shape');
  return { faults: parsed.data.faults, locks: parsed.data.locks };
}

export class LabFaults {
  constructor(private readonly control: LabControl) {}

  /** A cmdlet fails (or hangs) when it acts on the target; returns the fault (its id is what clear takes). */
  async inject(spec: LabFaultSpec): Promise<LabFault> {
    const result = await this.control({
      action: 'inject',
      command_name: spec.commandName,
      kind: spec.kind === 'fail' ? 'Fail' : 'Hang',
      target: spec.target ?? null,
      message: spec.message ?? null,
      seconds: spec.seconds ?? null,
      count: spec.count ?? null,
    });
    const fault = faultSchema.safeParse((result as { fault?: unknown }).fault);
    if (!fault.success) throw labFailure('The lab control script did not report the injected fault');
    return fault.data;
  }

  /** Clears one fault (id), a cmdlet's faults, or with no filter every fault and every lockFile lock. */
  async clear(filter: { id?: string; commandName?: string } = {}): Promise<LabFaultState> {
    return stateOf(
      await this.control({ action: 'clear', id: filter.id ?? null, command_name: filter.commandName ?? null }),
    );
  }

  /** Locks a file or folder of the lab host (a Windows path such as C:\VMs\db01\db01.vhdx), for seconds or until unlocked. */
  async lockFile(path: string, seconds?: number): Promise<LabFaultState> {
    return stateOf(await this.control({ action: 'lock_file', path, seconds: seconds ?? null }));
  }

  async unlockFile(path: string): Promise<LabFaultState> {
    return stateOf(await this.control({ action: 'unlock_file', path }));
  }

  async list(): Promise<LabFaultState> {
    return stateOf(await this.control({ action: 'list' }));
  }

  /** The simulator's delays (released-file locks, checkpoint merges, state transitions); tests use small ones. */
  async setBehaviour(behaviour: LabBehaviour): Promise<LabFaultState> {
    return stateOf(
      await this.control({
        action: 'behaviour',
        release_delay_ms: behaviour.releaseDelayMs ?? null,
        merge_delay_ms: behaviour.mergeDelayMs ?? null,
        transition_delay_ms: behaviour.transitionDelayMs ?? null,
      }),
    );
  }
}
