// The real core (createCore) for the fault matrix: like the integration tests' startTestCore (lab hosts seeded as
// host records, fast simulator delays, real pwsh and the repository's bundle) plus what the matrix needs on top:
// the ssh environment of a loopback ssh test host, and a delete timeout the campaign can lower for one row and
// restore (the core reads its settings at the moment of use, through adjustSettings).

import type { CorePaths } from '../../electron/core/app/core-paths';
import { createCore } from '../../electron/core/create-core';
import type { ConnectionEnvironment } from '../../electron/core/hosts/host-connection';
import { InMemorySecretBox } from '../../electron/core/hosts/secret-box';
import { contractCalls } from '../../electron/core/integration/support/contract-calls';
import { RecordingSink } from '../../electron/core/integration/support/recording-sink';
import {
  fastLabScenario,
  IDENTITY,
  type LabHostSeed,
  labRecord,
  newDataDir,
  pwshPath,
  removeDataDir,
  repoRoot,
  seedHostRecords,
  type TestCore,
} from '../../electron/core/integration/support/test-core';
import type { Clock } from '../../electron/core/ports';
import type { Settings } from '../../shared/contract/settings';

export interface FaultCore extends TestCore {
  /** The delete timeout every job started from now on gets; null: the settings' own (15 minutes). */
  setDeleteTimeoutSeconds(seconds: number | null): void;
  dispose(): Promise<void>;
}

export interface FaultCoreOptions {
  labHosts: readonly LabHostSeed[];
  ssh?: ConnectionEnvironment['ssh'];
  /** The core's clock (the bundle campaign moves it past the deploy service's re-verification interval). */
  clock?: Clock;
  /** Single resource paths instead of the repository's (the bundle campaign: a copy of the agent bundle). */
  paths?: Partial<CorePaths>;
}

export async function startFaultCore(options: FaultCoreOptions): Promise<FaultCore> {
  const dataDir = newDataDir('campaign-faults-');
  await seedHostRecords(dataDir, options.labHosts.map(labRecord));
  let deleteTimeoutSeconds: number | null = null;
  const events = new RecordingSink();
  const core = await createCore({
    dataDir,
    repoRoot,
    powershellPath: pwshPath,
    secretBox: new InMemorySecretBox(),
    events,
    identity: IDENTITY,
    labMaxFileSizeBytes: 4096,
    labScenarioPath: fastLabScenario(dataDir),
    ...(options.ssh === undefined ? {} : { ssh: options.ssh }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.paths === undefined ? {} : { paths: options.paths }),
    adjustSettings: (settings: Settings): Settings =>
      deleteTimeoutSeconds === null
        ? settings
        : { ...settings, jobTimeouts: { ...settings.jobTimeouts, deleteVmSeconds: deleteTimeoutSeconds } },
  });
  await core.start();
  const lab = (hostId = options.labHosts[0]?.id ?? 'lab') => core.services.labs.forHost(hostId);
  const call = contractCalls(core.handlers);
  await Promise.all(options.labHosts.map((seed) => lab(seed.id).ensureSandbox()));
  const first = await call['inventory.refresh']({});
  for (const snapshot of first.snapshots) {
    if (snapshot.error !== null)
      throw new Error(`The first read of ${snapshot.hostId} failed: ${snapshot.error.message}`);
  }
  let stopped: Promise<void> | null = null;
  const stop = () => {
    stopped ??= core.stop();
    return stopped;
  };
  return {
    core,
    call,
    events,
    dataDir,
    lab,
    sandbox: (hostId) => lab(hostId).sandboxPath,
    stop,
    setDeleteTimeoutSeconds: (seconds) => {
      deleteTimeoutSeconds = seconds;
    },
    dispose: async () => {
      await stop();
      removeDataDir(dataDir);
    },
  };
}
