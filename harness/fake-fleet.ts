// Fake data for the UI benchmarks: a fleet of N hosts with M VMs each, built from the contract's own samples
// (so every object passes its schema), and a backend that serves it with a handle to emit events as the core
// would (inventory snapshots arriving, a job writing thousands of output lines a second).
import type { EventSink } from '../electron/core/ports';
import type { ChannelHandlers, EventName, EventPayload } from '../shared/contract/api';
import { sampleHost, sampleSnapshot, sampleVm } from '../shared/contract/fixtures';
import type { HostInfo } from '../shared/contract/hosts';
import type { InventorySnapshot } from '../shared/contract/inventory';
import type { JobOutputLine } from '../shared/contract/jobs';
import { DEFAULT_SETTINGS } from '../shared/contract/settings';
import { type HarnessBackendFactory, partialHandlers } from './backend';

const STATES = ['Running', 'Off', 'Off', 'Saved', 'Paused', 'Running', 'Off', 'Running'];

export interface Fleet {
  readonly hosts: HostInfo[];
  readonly snapshots: InventorySnapshot[];
}

function uuidOf(host: number, vm: number): string {
  const hex = (value: number, width: number) => value.toString(16).padStart(width, '0');
  return `${hex(host, 8)}-0000-4000-8000-${hex(vm, 12)}`;
}

/** `hostCount` hosts `hv01..`, each with `vmsPerHost` VMs named `hv01-vm0001..`, states mixed. */
export function fakeFleet(hostCount: number, vmsPerHost: number): Fleet {
  const hosts: HostInfo[] = [];
  const snapshots: InventorySnapshot[] = [];
  for (let h = 1; h <= hostCount; h++) {
    const hostId = `hv${String(h).padStart(2, '0')}`;
    hosts.push(sampleHost({ id: hostId, displayName: hostId.toUpperCase(), address: `${hostId}.contoso.test` }));
    const vms = [];
    for (let v = 1; v <= vmsPerHost; v++) {
      const name = `${hostId}-vm${String(v).padStart(4, '0')}`;
      vms.push(
        sampleVm({
          hostId,
          id: uuidOf(h, v),
          name,
          state: STATES[(h + v) % STATES.length] ?? 'Off',
          path: `C:\\VMs\\${name}`,
          cpuUsage: (h * v) % 100,
        }),
      );
    }
    snapshots.push(sampleSnapshot({ hostId, vms }));
  }
  return { hosts, snapshots };
}

/** `count` output lines from `fromSeq`, of a realistic length. */
export function fakeOutputLines(fromSeq: number, count: number, at = new Date()): JobOutputLine[] {
  const ts = at.toISOString();
  return Array.from({ length: count }, (_, index) => ({
    seq: fromSeq + index,
    ts,
    stream: 'out' as const,
    text: `[step remove_disks] line ${fromSeq + index}: removing C:\\VMs\\web01\\Virtual Hard Disks\\disk-${index % 7}.vhdx`,
  }));
}

export interface FleetBackendHandle {
  /** Resolves when the harness has built the backend (its event sink is known). */
  readonly events: Promise<{ emit<E extends EventName>(event: E, payload: EventPayload<E>): void }>;
  readonly factory: HarnessBackendFactory;
}

/**
 * A backend serving `fleet` (hosts.list, inventory.list) with an empty job history; `overrides` replace or add
 * handlers (a job and its output for the log benchmark). Channels not served answer a typed `internal` error.
 */
export function fleetBackend(fleet: Fleet, overrides: Partial<ChannelHandlers> = {}): FleetBackendHandle {
  let resolveSink: (sink: EventSink) => void = () => undefined;
  const events = new Promise<EventSink>((resolve) => {
    resolveSink = resolve;
  });
  return {
    events,
    factory: (sink) => {
      resolveSink(sink);
      return {
        handlers: partialHandlers({
          'app.ready': () => ({}),
          'hosts.list': () => ({ hosts: fleet.hosts }),
          'inventory.list': ({ hostId }) => ({
            snapshots: fleet.snapshots.filter((snapshot) => hostId === undefined || snapshot.hostId === hostId),
          }),
          'jobs.list': ({ offset }) => ({ jobs: [], total: 0, offset }),
          'settings.get': () => DEFAULT_SETTINGS,
          ...overrides,
        }),
        stop: async () => undefined,
      };
    },
  };
}
