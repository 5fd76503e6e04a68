// The real core (createCore) for the injection and secrets campaigns: a fresh data folder with the lab host seeded
// from a given scenario, the ssh settings of the ssh-lab server (its known_hosts), exports written by a "save
// dialog" into <dataDir>/exports, and real pwsh. Calls go through contractCalls (arguments parsed as main's IPC
// wrapper parses them).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Core, createCore } from '../../electron/core/create-core';
import type { SecretBox } from '../../electron/core/hosts/secret-box';
import { InMemorySecretBox } from '../../electron/core/hosts/secret-box';
import { type ContractCalls, contractCalls } from '../../electron/core/integration/support/contract-calls';
import { RecordingSink } from '../../electron/core/integration/support/recording-sink';
import {
  IDENTITY,
  labRecord,
  newDataDir,
  pwshPath,
  removeDataDir,
  repoRoot,
  seedHostRecords,
} from '../../electron/core/integration/support/test-core';
import type { ExportSaver } from '../../electron/core/jobs/job-ports';
import type { SshTestHost } from '../../electron/core/ssh-lab/ssh-test-host';

export interface CampaignCore {
  readonly core: Core;
  readonly call: ContractCalls;
  readonly events: RecordingSink;
  readonly dataDir: string;
  readonly exportsDir: string;
  sandbox(): string;
  dispose(): Promise<void>;
}

export interface CampaignCoreOptions {
  labScenarioPath: string;
  /** Its known_hosts is the app's (strict host key checking, as a real workstation after the first connect). */
  sshHost?: SshTestHost;
  secretBox?: SecretBox;
  dataDir?: string;
}

function folderSaver(folder: string): ExportSaver {
  return {
    async save(suggestedFileName, content) {
      await mkdir(folder, { recursive: true });
      await writeFile(join(folder, suggestedFileName), content);
      return { kind: 'saved', fileName: suggestedFileName };
    },
  };
}

export async function startCampaignCore(options: CampaignCoreOptions): Promise<CampaignCore> {
  const dataDir = options.dataDir ?? newDataDir('hv-campaign-');
  await seedHostRecords(dataDir, [labRecord({ id: 'lab', displayName: 'Lab host' })]);
  const events = new RecordingSink();
  const exportsDir = join(dataDir, 'exports');
  const core = await createCore({
    dataDir,
    repoRoot,
    powershellPath: pwshPath,
    secretBox: options.secretBox ?? new InMemorySecretBox(),
    events,
    identity: IDENTITY,
    exportSaver: folderSaver(exportsDir),
    labMaxFileSizeBytes: 4096,
    labScenarioPath: options.labScenarioPath,
    ...(options.sshHost === undefined
      ? {}
      : {
          ssh: {
            knownHostsPath: options.sshHost.knownHostsPath,
            strictHostKeyChecking: 'yes',
            connectTimeoutSeconds: 10,
          },
        }),
  });
  await core.start();
  const lab = core.services.labs.forHost('lab');
  await lab.ensureSandbox();
  let disposed: Promise<void> | null = null;
  return {
    core,
    call: contractCalls(core.handlers),
    events,
    dataDir,
    exportsDir,
    sandbox: () => lab.sandboxPath,
    dispose: () => {
      disposed ??= core.stop().then(() => removeDataDir(dataDir));
      return disposed;
    },
  };
}
