// A job engine for tests: the real JobStore and OutputLogStore in a temp folder, fakes for everything else.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../../../shared/contract/settings';
import { JobStore } from '../../store/job-store';
import { OutputLogStore } from '../../store/output-log';
import { JobIdFactory } from '../job-ids';
import type { JobEngineDeps } from '../job-ports';
import { STORED_JOB_SCHEMA_VERSION, type StoredJob, storedJobSchema } from '../job-record';
import { JobService, type JobServiceOptions } from '../job-service';
import { FakeExecutor } from './fake-executor';
import { FakeClock, FakeHosts, FakeInventory, ManualTimers, RecordingEvents } from './fakes';

export const HOST_A = 'h-a';
export const HOST_B = 'h-b';
export const VM_1 = '11111111-1111-4111-8111-111111111111';
export const VM_2 = '22222222-2222-4222-8222-222222222222';
export const VM_3 = '33333333-3333-4333-8333-333333333333';
export const VM_4 = '44444444-4444-4444-8444-444444444444';

export interface TestEngine {
  readonly dir: string;
  readonly store: JobStore<StoredJob>;
  readonly outputs: OutputLogStore;
  readonly executor: FakeExecutor;
  readonly inventory: FakeInventory;
  readonly hosts: FakeHosts;
  readonly events: RecordingEvents;
  readonly clock: FakeClock;
  readonly timers: ManualTimers | undefined;
  settings: Settings;
  readonly deps: JobEngineDeps;
  service: JobService;
  /** A new service over the same folder, as after an app restart (the old one is dropped, not shut down). */
  restart(options?: JobServiceOptions): Promise<JobService>;
  close(): Promise<void>;
}

export interface TestEngineOptions extends JobServiceOptions {
  /** Fire coalesced updates by hand (default: real timers, with updateIntervalMs 0 unless given). */
  readonly manualTimers?: boolean;
  /** Do not call service.start() (recovery tests fill the store first). */
  readonly noStart?: boolean;
  readonly dir?: string;
}

export async function createTestEngine(options: TestEngineOptions = {}): Promise<TestEngine> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'hvd-jobs-')));
  const clock = new FakeClock();
  const timers = options.manualTimers ? new ManualTimers() : undefined;
  const events = new RecordingEvents();
  const inventory = new FakeInventory();
  const hosts = new FakeHosts({ [HOST_A]: 'Host A', [HOST_B]: 'Host B' });
  const executor = new FakeExecutor(clock);
  const openStores = async () => {
    const store = new JobStore<StoredJob>({
      dir: join(dir, 'jobs'),
      schema: storedJobSchema,
      schemaVersion: STORED_JOB_SCHEMA_VERSION,
      sync: false,
      clock: () => new Date(clock.now()),
    });
    await store.load();
    return { store, outputs: new OutputLogStore({ dir: join(dir, 'output'), syncOnClose: false }) };
  };
  let { store, outputs } = await openStores();
  const engine: TestEngine = {
    dir,
    get store() {
      return store;
    },
    get outputs() {
      return outputs;
    },
    executor,
    inventory,
    hosts,
    events,
    clock,
    timers,
    settings: structuredClone(DEFAULT_SETTINGS),
    get deps(): JobEngineDeps {
      return {
        store,
        outputs,
        executor,
        inventory,
        hosts,
        events,
        clock,
        settings: () => engine.settings,
        identity: { requestedBy: 'CONTOSO\\admin', controlPlane: 'WS-ADMIN-01' },
        ...(timers ? { timers } : {}),
      };
    },
    service: undefined as unknown as JobService,
    async restart(restartOptions = {}) {
      await outputs.closeAll();
      await store.close();
      ({ store, outputs } = await openStores());
      engine.service = buildService(engine, { ...options, ...restartOptions });
      await engine.service.start();
      return engine.service;
    },
    async close() {
      await engine.service.shutdown().catch(() => undefined);
      await outputs.closeAll();
      await store.close();
      if (!options.dir) await rm(dir, { recursive: true, force: true });
    },
  };
  engine.service = buildService(engine, options);
  if (!options.noStart) await engine.service.start();
  return engine;
}

function buildService(engine: TestEngine, options: JobServiceOptions): JobService {
  return new JobService(engine.deps, {
    updateIntervalMs: 0,
    ids: new JobIdFactory(engine.clock),
    app: { name: 'Hyper-V VM Deleter', version: '0.1.0-test' },
    ...options,
  });
}
