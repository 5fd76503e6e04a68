// The real core in this Node process, as the Electron main process would build it, with plain-Node adapters:
// an in-memory secret box (host secrets live for this run only), settings in <dataDir>/settings.json, and a save
// "dialog" that writes exports to <dataDir>/exports/ (so an e2e test can read the file it asked for).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createCore } from '../electron/core/create-core';
import { HOSTS_KEY, hostRecordsSchema, LAB_HOST_ID } from '../electron/core/hosts/host-record';
import { InMemorySecretBox } from '../electron/core/hosts/secret-box';
import type { ExportSaver } from '../electron/core/jobs/job-ports';
import type { EventSink } from '../electron/core/ports';
import { FileKeyValueStore } from '../electron/core/store/settings-store';
import type { HarnessBackend } from './backend';
import { labControl } from './lab-control';

export interface CoreBackendOptions {
  repoRoot: string;
  dataDir: string;
  powershellPath: string;
  /** Write a lab host record before the core starts (as if the admin had added it); default: a first run. */
  seedLab?: boolean;
  /** Seed lab hosts from the simulator's scenario with short delays, so a delete takes seconds (e2e). */
  fastLab?: boolean;
}

/** Short enough that a delete takes a few seconds (same figures as the core's integration tests). */
const FAST_BEHAVIOUR = { releaseDelayMs: 100, mergeDelayMs: 300, transitionDelayMs: 200 };

async function seedLabHost(dataDir: string): Promise<void> {
  const store = new FileKeyValueStore({ path: join(dataDir, 'settings.json'), sync: false });
  await store.load();
  const hosts = store.get(HOSTS_KEY, hostRecordsSchema) ?? [];
  if (hosts.some((host) => host.id === LAB_HOST_ID)) return;
  await store.set(HOSTS_KEY, hostRecordsSchema, [
    ...hosts,
    {
      id: LAB_HOST_ID,
      displayName: 'Lab host',
      address: 'lab.local',
      connection: { transport: 'lab' },
      secretCipher: null,
      status: null,
      createdAt: new Date().toISOString(),
    },
  ]);
}

async function writeFastScenario(repoRoot: string, dataDir: string): Promise<string> {
  const source = join(repoRoot, 'powershell', 'simulator', 'scenarios', 'lab.json');
  const scenario = z.looseObject({}).parse(JSON.parse(await readFile(source, 'utf8')));
  const path = join(dataDir, 'harness-lab-scenario.json');
  // `--data-dir` may name a folder that does not exist yet; the core creates the rest of it.
  await mkdir(dataDir, { recursive: true });
  await writeFile(path, JSON.stringify({ ...scenario, behaviour: FAST_BEHAVIOUR }));
  return path;
}

function exportsFolderSaver(dataDir: string): ExportSaver {
  return {
    async save(suggestedFileName, content) {
      const folder = join(dataDir, 'exports');
      await mkdir(folder, { recursive: true });
      // The core suggests a bare name in a safe alphabet (exportFileNameSchema), so it cannot leave the folder.
      await writeFile(join(folder, suggestedFileName), content);
      return { kind: 'saved', fileName: suggestedFileName };
    },
  };
}

export async function createCoreBackend(options: CoreBackendOptions, events: EventSink): Promise<HarnessBackend> {
  if (options.seedLab) await seedLabHost(options.dataDir);
  const labScenarioPath = options.fastLab ? await writeFastScenario(options.repoRoot, options.dataDir) : undefined;
  const core = await createCore({
    dataDir: options.dataDir,
    repoRoot: options.repoRoot,
    powershellPath: options.powershellPath,
    secretBox: new InMemorySecretBox(),
    events,
    identity: { requestedBy: userInfo().username, controlPlane: hostname() },
    exportSaver: exportsFolderSaver(options.dataDir),
    ...(labScenarioPath === undefined ? {} : { labScenarioPath }),
  });
  await core.start();
  return {
    handlers: core.handlers,
    control: (operation, body) => labControl(core.services.labs, operation, body),
    stop: () => core.stop(),
  };
}
