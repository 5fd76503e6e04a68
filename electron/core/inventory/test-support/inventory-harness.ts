// Builds an InventoryService over fakes: the fake executor, a recording (contract-checking) sink, in-memory
// persistence, a settable clock and Node's timers (tests that need time install Vitest's fake timers first).
import type { VmInfo } from '../../../../shared/contract/inventory';
import {
  type InventoryPersistence,
  MemoryInventoryPersistence,
  type PersistedInventory,
} from '../inventory-persistence';
import { InventoryService } from '../inventory-service';
import { systemTimers } from '../timers';
import { FakeHostExecutor } from './fake-host-executor';
import { RecordingSink } from './recording-sink';

export const START_TIME = Date.parse('2025-03-04T05:06:07.000Z');

export interface Harness {
  service: InventoryService;
  executor: FakeHostExecutor;
  sink: RecordingSink;
  persistence: MemoryInventoryPersistence;
  clock: { now: () => number; set: (ms: number) => void };
}

export interface HarnessOptions {
  hosts?: string[];
  persisted?: PersistedInventory[];
  persistence?: InventoryPersistence;
  intervalMs?: number;
  onPersistError?: (error: unknown) => void;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const executor = new FakeHostExecutor();
  const sink = new RecordingSink();
  const persistence = new MemoryInventoryPersistence(options.persisted ?? []);
  let now = START_TIME;
  const clock = {
    now: () => now,
    set: (ms: number) => {
      now = ms;
    },
  };
  const service = new InventoryService({
    executor,
    events: sink,
    clock,
    persistence: options.persistence ?? persistence,
    timers: systemTimers,
    refreshIntervalMs: options.intervalMs ?? 60_000,
    readTimeoutMs: 5_000,
    requestedBy: 'CONTOSO\\admin',
    controlPlane: 'WS01',
    ...(options.onPersistError ? { onPersistError: options.onPersistError } : {}),
  });
  await service.start(options.hosts ?? ['h1']);
  return { service, executor, sink, persistence, clock };
}

export function persistedRecord(hostId: string, vms: VmInfo[]): PersistedInventory {
  return { format: 1, hostId, collectedAt: '2025-03-01T00:00:00.000Z', host: null, vms };
}

/** Lets queued promise callbacks run (a read's result is applied a few microtasks after the run settles). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}
