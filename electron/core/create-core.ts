// The composition root of the core: builds every service with its collaborators (constructor injection, no
// module-level state) and returns one handler per IPC channel plus start/stop. Main (electron/main) gives it
// Electron's adapters (safeStorage, electron-store, the save dialog, the IPC event sink); tests and the browser
// harness give plain-Node ones. How the pieces connect: README.md in this folder.
import { join } from 'node:path';
import type { ChannelHandlers, ChannelName } from '../../shared/contract/api';
import { AppException, appError } from '../../shared/contract/errors';
import type { Settings } from '../../shared/contract/settings';
import { bundleAwareExecutor } from './app/bundle-aware-executor';
import { type CorePaths, corePaths } from './app/core-paths';
import type { CoreServices } from './app/core-services';
import { appHandlers } from './app/handlers-app';
import { type HostWiring, hostHandlers } from './app/handlers-hosts';
import { inventoryHandlers } from './app/handlers-inventory';
import { jobHandlers } from './app/handlers-jobs';
import { LabHosts } from './app/lab-hosts';
import { PerHost, routedExecutor, routedScriptRunner, routedTester } from './app/per-host';
import { SettingsService } from './app/settings-service';
import { LocalBundle } from './deploy/bundle-manifest';
import { DeployService } from './deploy/deploy-service';
import { createHostScriptRunner } from './deploy/host-script-runner';
import type { ConnectionEnvironment } from './hosts/host-connection';
import { AgentHostExecutor } from './hosts/host-executor';
import { HostService } from './hosts/host-service';
import type { SecretBox } from './hosts/secret-box';
import { StandbyJobProcesses } from './hosts/standby-job-process';
import { HostConnectionTester } from './hosts/test-connection';
import { WarmSessionPool } from './hosts/warm-session-pool';
import { FileInventoryPersistence } from './inventory/file-inventory-persistence';
import { InventoryService } from './inventory/inventory-service';
import type { AppIdentity } from './jobs/job-export-format';
import type { ExportSaver, JobIdentity, Timers } from './jobs/job-ports';
import { STORED_JOB_SCHEMA_VERSION, type StoredJob, storedJobSchema } from './jobs/job-record';
import type { RecoveryReport } from './jobs/job-recovery';
import { JobService } from './jobs/job-service';
import { LabHost } from './lab/lab-host';
import type { Clock, EventSink } from './ports';
import { PowerShellRunner } from './powershell/powershell-runner';
import { JobStore } from './store/job-store';
import { OutputLogStore } from './store/output-log';
import { FileKeyValueStore, type KeyValueStore } from './store/settings-store';

export interface CreateCoreOptions {
  /** The app's data folder: jobs, output logs, inventory cache, settings and hosts, lab sandboxes. */
  dataDir: string;
  /** A repository checkout (development: powershell/agent, electron/core/.../scripts) ... */
  repoRoot?: string;
  /** ... or a packaged app's resources folder (see app/core-paths.ts). Exactly one of the two. */
  resourcesRoot?: string;
  /** Single paths to use instead of the root's (tests: another bundle). */
  paths?: Partial<CorePaths>;
  /** pwsh or powershell.exe: a path or a bare name looked up on PATH. */
  powershellPath: string;
  secretBox: SecretBox;
  /** Settings and hosts. Default: a FileKeyValueStore at <dataDir>/settings.json (electron-store in main). */
  keyValueStore?: (dataDir: string) => KeyValueStore | Promise<KeyValueStore>;
  events: EventSink;
  clock?: Clock;
  timers?: Timers;
  /** Who asks (the workstation user) and from where (this workstation's name). */
  identity: JobIdentity;
  /** Main's save dialog; without it exports return their content. */
  exportSaver?: ExportSaver;
  app?: AppIdentity;
  /** The environment PowerShell starts with (default process.env). */
  baseEnv?: Readonly<Record<string, string | undefined>>;
  ssh?: ConnectionEnvironment['ssh'];
  winrm?: ConnectionEnvironment['winrm'];
  /** Workers for jobs of different hosts (default 8). */
  jobPoolSize?: number;
  /** Applied to the stored settings before any service reads them (tests shorten timeouts below the UI's floor). */
  adjustSettings?: (settings: Settings) => Settings;
  /** Caps every file of a lab sandbox (tests that hash whole sandboxes). */
  labMaxFileSizeBytes?: number;
  /** The scenario lab hosts are seeded from (default the simulator's scenarios/lab.json). */
  labScenarioPath?: string;
}

export interface Core {
  readonly handlers: ChannelHandlers;
  readonly services: CoreServices;
  /** Loads the job store, starts the inventory of every host, recovers jobs (C12), prepares lab sandboxes. */
  start(): Promise<RecoveryReport>;
  /** Stops running jobs (they end interrupted), inventory reads and warm sessions; closes the stores. */
  stop(): Promise<void>;
}

function rootPaths(options: CreateCoreOptions): CorePaths {
  const { repoRoot, resourcesRoot } = options;
  if ((repoRoot === undefined) === (resourcesRoot === undefined)) {
    throw new Error('createCore needs exactly one of repoRoot and resourcesRoot.');
  }
  const base = repoRoot !== undefined ? corePaths({ repoRoot }) : corePaths({ resourcesRoot: resourcesRoot ?? '' });
  return { ...base, ...options.paths };
}

async function openKeyValueStore(options: CreateCoreOptions): Promise<KeyValueStore> {
  if (options.keyValueStore) return options.keyValueStore(options.dataDir);
  const store = new FileKeyValueStore({ path: join(options.dataDir, 'settings.json') });
  await store.load();
  return store;
}

export async function createCore(options: CreateCoreOptions): Promise<Core> {
  const paths = rootPaths(options);
  const { dataDir, events, identity, powershellPath } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  const baseEnv = options.baseEnv ?? process.env;
  const connectionEnv: ConnectionEnvironment = {
    powershellPath,
    remoteWrapperPath: paths.remoteWrapper,
    baseEnv,
    ...(options.ssh === undefined ? {} : { ssh: options.ssh }),
    ...(options.winrm === undefined ? {} : { winrm: options.winrm }),
  };
  /** start() has finished and stop() has not begun. */
  let ready = false;
  const keyValues = await openKeyValueStore(options);
  const settings = new SettingsService(keyValues);
  const currentSettings = () => (options.adjustSettings ?? ((value: Settings) => value))(settings.current());
  const runner = new PowerShellRunner();
  const warmSessions = new WarmSessionPool();
  const standbys = new StandbyJobProcesses({ runner });

  // Several services need each other (the host service asks the job engine about active jobs, the job engine
  // asks the hosts for names, a lab reset re-reads the inventory): those calls are closures over constants
  // declared further down, and none of them runs before createCore has returned.
  const hosts: HostService = new HostService({
    store: keyValues,
    secrets: options.secretBox,
    events,
    tester: routedTester(
      new PerHost(
        (hostId) => labs.providerFor(hostId),
        (lab) =>
          new HostConnectionTester({ runner, connectionEnv, lab, probeScriptPath: paths.connectionProbe, clock }),
      ),
    ),
    hasActiveJobs: (hostId) => jobService.hasActiveJobs(hostId),
    connectionEnv,
    clock,
  });
  const hostRecord = (hostId: string) => hosts.list().find((host) => host.id === hostId) ?? null;

  const labs: LabHosts = new LabHosts({
    dataDir,
    isLabHost: (hostId) => hostRecord(hostId)?.connection.transport === 'lab',
    create: ({ dataDir: labDataDir }) =>
      new LabHost({
        dataDir: labDataDir,
        simulatorRoot: paths.simulatorRoot,
        controlScriptPath: paths.labControl,
        powershellPath,
        runner,
        baseEnv,
        ...(options.labMaxFileSizeBytes === undefined ? {} : { maxFileSizeBytes: options.labMaxFileSizeBytes }),
        ...(options.labScenarioPath === undefined ? {} : { scenarioPath: options.labScenarioPath }),
      }),
    // The new host has no bundle and other VMs: forget what was known, re-read it.
    onReset: (hostId) => {
      deployer.invalidate(hostId);
      warmSessions.close(hostId);
      standbys.close(hostId);
      if (hostRecord(hostId) !== null) inventory.refresh([hostId]).catch(() => undefined);
    },
  });
  const labFor = (hostId: string) => labs.providerFor(hostId);

  const scriptRunners = new PerHost(labFor, (lab) =>
    createHostScriptRunner({ runner, connection: connectionEnv, lab, labShimPath: paths.labShim }),
  );
  const deployer = new DeployService({
    bundle: new LocalBundle(paths.agentBundle),
    runScript: routedScriptRunner(scriptRunners),
    scripts: { check: paths.bundleCheck, install: paths.bundleInstall },
    clock,
  });
  const executors = new PerHost(
    labFor,
    (lab) =>
      new AgentHostExecutor({
        hosts,
        deployer,
        lab,
        runner,
        connectionEnv,
        warm: { pool: warmSessions, loopScriptPath: paths.warmSessionLoop },
        standby: standbys,
      }),
  );
  // A bundle in question is checked (and maybe deployed) again: a standby started from the old one goes too.
  const executor = bundleAwareExecutor(routedExecutor(executors), {
    invalidate: (hostId) => {
      deployer.invalidate(hostId);
      standbys.close(hostId);
    },
  });

  const initial = currentSettings();
  const inventory: InventoryService = new InventoryService({
    executor,
    events,
    clock,
    persistence: new FileInventoryPersistence({ dir: join(dataDir, 'inventory') }),
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    refreshIntervalMs: initial.inventoryRefreshSeconds * 1000,
    readTimeoutMs: initial.jobTimeouts.inventorySeconds * 1000,
    requestedBy: identity.requestedBy,
    controlPlane: identity.controlPlane,
    // The sidebar's host status follows every read, not only "Test connection". A failed write of the host list
    // changes nothing shown; the next read tries again.
    onHostRead: (hostId, read) => void hosts.recordReadStatus(hostId, read).catch(() => undefined),
  });
  let appliedRetentionDays = initial.historyRetentionDays;
  settings.onChange(() => {
    const next = currentSettings();
    inventory.setRefreshInterval(next.inventoryRefreshSeconds * 1000);
    inventory.setReadTimeout(next.jobTimeouts.inventorySeconds * 1000);
    // A shorter history applies now rather than at the next start.
    if (next.historyRetentionDays !== appliedRetentionDays) {
      appliedRetentionDays = next.historyRetentionDays;
      if (ready) jobService.applyRetention().catch(() => undefined);
    }
  });

  const jobStore = new JobStore<StoredJob>({
    dir: join(dataDir, 'jobs'),
    schema: storedJobSchema,
    schemaVersion: STORED_JOB_SCHEMA_VERSION,
    clock: () => new Date(clock.now()),
  });
  const outputs = new OutputLogStore({ dir: join(dataDir, 'job-output') });
  const jobService = new JobService(
    {
      store: jobStore,
      outputs,
      executor,
      inventory,
      hosts: { displayNameOf: (hostId) => hostRecord(hostId)?.displayName ?? null },
      events,
      clock,
      settings: currentSettings,
      identity,
      ...(options.timers === undefined ? {} : { timers: options.timers }),
    },
    {
      ...(options.jobPoolSize === undefined ? {} : { poolSize: options.jobPoolSize }),
      ...(options.exportSaver === undefined ? {} : { exportSaver: options.exportSaver }),
      ...(options.app === undefined ? {} : { app: options.app }),
    },
  );

  const wiring: HostWiring = {
    added: (hostId) => inventory.addHost(hostId),
    // Another address is another machine: its session and what was read from the old one are of no use.
    changed: (hostId, reachChanged) => {
      if (!reachChanged) return;
      warmSessions.close(hostId);
      standbys.close(hostId);
      inventory.refresh([hostId]).catch(() => undefined);
    },
    removed: (hostId) => {
      inventory.removeHost(hostId);
      warmSessions.close(hostId);
      standbys.close(hostId);
      deployer.invalidate(hostId);
      executors.forget(hostId);
      scriptRunners.forget(hostId);
    },
  };
  const services: CoreServices = {
    hosts,
    inventory,
    jobs: jobService,
    settings,
    labs,
    deployer,
    warmSessions,
    standbys,
  };
  const handlers = gate(
    {
      ...hostHandlers(hosts, wiring),
      ...inventoryHandlers(inventory),
      ...jobHandlers(jobService),
      ...appHandlers({ settings, hosts, jobs: jobService, inventory, labs }),
    },
    () => ready,
  );

  return {
    handlers,
    services,
    async start() {
      await jobStore.load();
      const hostList = hosts.list();
      // The inventory first: recovery re-reads the VMs of interrupted jobs through it.
      await inventory.start(hostList.map((host) => host.id));
      const report = await jobService.start();
      // Lab sandboxes are seeded now rather than at the first job; a failure shows in the lab's inventory read.
      const labHosts = hostList.filter((host) => host.connection.transport === 'lab');
      for (const host of labHosts)
        labs
          .forHost(host.id)
          .ensureSandbox()
          .catch(() => undefined);
      ready = true;
      return report;
    },
    async stop() {
      ready = false;
      await jobService.shutdown();
      inventory.stop();
      warmSessions.closeAll();
      await standbys.closeAll();
      await inventory.idle();
      await outputs.closeAll();
      await jobStore.close();
    },
  };
}

/** Until start() has finished, every call but app.ready answers not_ready. */
function gate(handlers: ChannelHandlers, isReady: () => boolean): ChannelHandlers {
  const gated: Record<string, (args: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers) as [ChannelName, (args: never) => unknown][]) {
    gated[name] =
      name === 'app.ready'
        ? handler
        : (args: never) => {
            if (!isReady()) throw new AppException(appError('not_ready', 'The app is still starting.'));
            return handler(args);
          };
  }
  return gated as unknown as ChannelHandlers;
}
