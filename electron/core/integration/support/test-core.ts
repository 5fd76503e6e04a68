// The whole core (createCore) in a temp data folder with real pwsh, the repository's agent bundle and simulator:
// lab hosts are seeded as host records before the core starts (one by default, the UI's `lab`), each gets its
// own sandbox, seeded from the lab scenario with short simulator delays, and a first inventory read.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../../../shared/contract/settings';
import { type Core, createCore } from '../../create-core';
import { HOSTS_KEY, type HostRecord, hostRecordsSchema, LAB_HOST_ID } from '../../hosts/host-record';
import { InMemorySecretBox } from '../../hosts/secret-box';
import { LabHost } from '../../lab/lab-host';
import { controlScriptPath, simulatorRoot } from '../../lab/test-support/test-lab';
import { pwshPath, repoRoot } from '../../powershell/__fixtures__/paths';
import { FileKeyValueStore } from '../../store/settings-store';
import { type ContractCalls, contractCalls } from './contract-calls';
import { RecordingSink } from './recording-sink';

export { pwshPath, repoRoot };

export const IDENTITY = { requestedBy: 'integration-tester', controlPlane: 'WS-INTEGRATION' };
/** Short enough that a delete takes a few seconds, long enough that the lab still behaves like a host. */
export const FAST_BEHAVIOUR = { releaseDelayMs: 100, mergeDelayMs: 300, transitionDelayMs: 200 };

export interface LabHostSeed {
  id: string;
  displayName: string;
}

export interface TestCoreOptions {
  dataDir?: string;
  labHosts?: readonly LabHostSeed[];
  powershellPath?: string;
  adjustSettings?: (settings: Settings) => Settings;
  /** Skip the sandbox preparation and first read (a core expected to fail at them). */
  prepareLabs?: boolean;
}

export interface TestCore {
  readonly core: Core;
  /** The handlers as the renderer reaches them (arguments parsed with the contract). */
  readonly call: ContractCalls;
  readonly events: RecordingSink;
  readonly dataDir: string;
  lab(hostId?: string): LabHost;
  sandbox(hostId?: string): string;
  /** Stops the core (idempotent). */
  stop(): Promise<void>;
}

export function labRecord(seed: LabHostSeed): HostRecord {
  return {
    id: seed.id,
    displayName: seed.displayName,
    address: 'lab.local',
    connection: { transport: 'lab' },
    secretCipher: null,
    status: null,
    createdAt: new Date().toISOString(),
  };
}

/** Writes host records into the data folder's settings file, as a previous run of the app would have. */
export async function seedHostRecords(dataDir: string, records: readonly HostRecord[]): Promise<void> {
  const store = new FileKeyValueStore({ path: join(dataDir, 'settings.json'), sync: false });
  await store.load();
  await store.set(HOSTS_KEY, hostRecordsSchema, [...records]);
}

export function newDataDir(prefix = 'core-it-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/**
 * The simulator's lab scenario with FAST_BEHAVIOUR, written into the data folder: lab hosts seeded from it start
 * with short delays (a reset too), without a control run per host.
 */
export function fastLabScenario(dataDir: string): string {
  const scenario = JSON.parse(readFileSync(join(simulatorRoot, 'scenarios', 'lab.json'), 'utf8')) as object;
  const path = join(dataDir, 'test-lab-scenario.json');
  writeFileSync(path, JSON.stringify({ ...scenario, behaviour: FAST_BEHAVIOUR }));
  return path;
}

export async function startTestCore(options: TestCoreOptions = {}): Promise<TestCore> {
  const dataDir = options.dataDir ?? newDataDir();
  const seeds = options.labHosts ?? [{ id: LAB_HOST_ID, displayName: 'Lab host' }];
  if (seeds.length > 0) await seedHostRecords(dataDir, seeds.map(labRecord));
  const events = new RecordingSink();
  const core = await createCore({
    dataDir,
    repoRoot,
    powershellPath: options.powershellPath ?? pwshPath,
    secretBox: new InMemorySecretBox(),
    events,
    identity: IDENTITY,
    labMaxFileSizeBytes: 4096,
    labScenarioPath: fastLabScenario(dataDir),
    ...(options.adjustSettings === undefined ? {} : { adjustSettings: options.adjustSettings }),
  });
  await core.start();
  const lab = (hostId = LAB_HOST_ID) => core.services.labs.forHost(hostId);
  const call = contractCalls(core.handlers);
  if (options.prepareLabs ?? true) {
    await Promise.all(seeds.map((seed) => lab(seed.id).ensureSandbox()));
    const snapshots = await call['inventory.refresh']({});
    for (const snapshot of snapshots.snapshots) {
      if (snapshot.error !== null)
        throw new Error(`The first read of ${snapshot.hostId} failed: ${snapshot.error.message}`);
    }
  }
  let stopped: Promise<void> | null = null;
  return {
    core,
    call,
    events,
    dataDir,
    lab,
    sandbox: (hostId = LAB_HOST_ID) => lab(hostId).sandboxPath,
    stop: () => {
      stopped ??= core.stop();
      return stopped;
    },
  };
}

/** Removes a data folder, lifting the simulator's immutable attribute (its file locks) first. */
export function removeDataDir(dataDir: string): void {
  try {
    execFileSync('chattr', ['-R', '-f', '-i', '--', dataDir], { stdio: 'ignore' });
  } catch {
    // Nothing locked, or chattr missing.
  }
  rmSync(dataDir, { recursive: true, force: true });
}

export async function disposeTestCore(testCore: TestCore | undefined): Promise<void> {
  if (!testCore) return;
  await testCore.stop();
  removeDataDir(testCore.dataDir);
}

/**
 * A fresh data folder holding the lab host's record and its sandbox, seeded from the fast scenario, for tests that
 * start the core in a process of their own (it then finds the lab seeded) and change the lab first (faults).
 */
export async function seededLabDataDir(prefix: string): Promise<{ dataDir: string; lab: LabHost }> {
  const dataDir = newDataDir(prefix);
  await seedHostRecords(dataDir, [labRecord({ id: LAB_HOST_ID, displayName: 'Lab host' })]);
  const lab = new LabHost({
    dataDir,
    simulatorRoot,
    controlScriptPath,
    powershellPath: pwshPath,
    maxFileSizeBytes: 4096,
    scenarioPath: fastLabScenario(dataDir),
  });
  await lab.ensureSandbox();
  return { dataDir, lab };
}
