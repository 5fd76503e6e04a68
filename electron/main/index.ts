// Composition root of the main process: builds the core (electron/core) with Electron's adapters, registers the
// IPC wrapper, and creates the window, the tray and the notifications. Every decision (which sender is trusted,
// what the tray says, where files are, when to quit) lives in a plain-Node module beside this file; only
// ./platform/ touches Electron.
import { statSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { APP_NAME, APP_VERSION } from '@shared/app-info';
import { JOB_PAGE_MAX } from '@shared/contract/primitives';
import { type Core, createCore } from '../core/create-core';
import type { KeyValueStore } from '../core/store/settings-store';
import { appImagesOf, coreRootOf } from './app-paths';
import { JobActivity, observedSink } from './desktop/job-activity';
import { JobEndNotifier } from './desktop/job-end-notifier';
import { quitsWhenAllWindowsClosed, stopBeforeQuit } from './desktop/quit-policy';
import { trayModel } from './desktop/tray-model';
import { registerContractIpc } from './ipc/handle';
import { checkSender } from './ipc/sender-check';
import { WindowEvents } from './ipc/window-events';
import {
  appLocation,
  claimSingleInstance,
  displayWorkAreas,
  electronIpcMain,
  onLifecycle,
  quitApp,
  setBadgeCount,
  showFatalError,
  userDataDir,
  whenAppReady,
} from './platform/electron-app';
import { openElectronKeyValueStore } from './platform/electron-store';
import { MainWindowController } from './platform/main-window';
import { createNativeNotifier } from './platform/notifications';
import { createSafeStorageSecretBox } from './platform/safe-storage';
import { createSaveDialogExportSaver } from './platform/save-dialog';
import { JobTray } from './platform/tray';
import type { RendererEntry } from './renderer-entry';
import { WINDOW_SIZE } from './window-options';
import { initialWindowBounds, WINDOW_STATE_KEY, windowStateSchema } from './window-state';
import { choosePowerShell, workstationIdentity } from './workstation';

const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
// electron-vite sets ELECTRON_RENDERER_URL in `npm run dev`; a built app loads the bundled files.
const renderer: RendererEntry = process.env.ELECTRON_RENDERER_URL
  ? { url: process.env.ELECTRON_RENDERER_URL }
  : { file: fileURLToPath(new URL('../renderer/index.html', import.meta.url)) };

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

async function main(): Promise<void> {
  await whenAppReady(renderer);
  const location = appLocation();
  const dataDir = userDataDir();
  const images = appImagesOf(location);
  const windowEvents = new WindowEvents();
  const activity = new JobActivity();
  let keyValues: KeyValueStore;
  try {
    keyValues = openElectronKeyValueStore(dataDir);
  } catch (error) {
    fatal('could not read its settings', error, dataDir);
    return;
  }

  let core: Core | null = null;
  const hostName = (hostId: string) => core?.services.hosts.list().find((host) => host.id === hostId)?.displayName;
  const windows: MainWindowController = new MainWindowController({
    title: APP_NAME,
    preloadPath,
    renderer,
    iconPath: images.window,
    devTools: !location.isPackaged,
    bounds: () => {
      let stored: ReturnType<typeof windowStateSchema.parse> | undefined;
      try {
        stored = keyValues.get(WINDOW_STATE_KEY, windowStateSchema);
      } catch {
        stored = undefined; // a damaged value only costs the window its last position
      }
      return initialWindowBounds(stored, displayWorkAreas(), WINDOW_SIZE);
    },
    saveState: (state) => {
      keyValues.set(WINDOW_STATE_KEY, windowStateSchema, state).catch((error: unknown) => {
        console.error('Could not save the window position:', error);
      });
    },
    onCreated: (window) => windowEvents.attach(window.webContents),
  });
  const openJob = (jobId: string) => {
    windows.show();
    windowEvents.gate.emit('app.openJob', { jobId });
  };
  const notifier = createNativeNotifier({
    iconPath: images.window,
    onOpenJob: openJob,
    onShowWindow: () => windows.show(),
  });
  const jobEnds = new JobEndNotifier({
    enabled: () => core?.services.settings.current().notifyOnJobEnd ?? true,
    show: (notice) => notifier.jobEnded(notice),
  });

  try {
    core = await createCore({
      dataDir,
      ...coreRootOf(location),
      powershellPath: choosePowerShell({ platform: process.platform, env: process.env, isFile }),
      secretBox: createSafeStorageSecretBox(),
      keyValueStore: () => keyValues,
      events: observedSink(windowEvents.gate, [
        (envelope) => activity.observe(envelope),
        (envelope) => jobEnds.observe(envelope),
      ]),
      identity: workstationIdentity({
        platform: process.platform,
        env: process.env,
        username: () => userInfo().username,
        hostname,
      }),
      exportSaver: createSaveDialogExportSaver(() => windows.current()),
      app: { name: APP_NAME, version: APP_VERSION },
    });
  } catch (error) {
    fatal('could not open its data', error, dataDir);
    return;
  }
  const started = core.start();
  const startedCore = core;

  registerContractIpc({
    ipcMain: electronIpcMain(),
    handlers: core.handlers,
    checkSender: (event) => checkSender(event, windowEvents.current(), renderer),
    whenStarted: started,
    onRendererReady: (event) => windowEvents.rendererReady(event.sender),
    onForbidden: (channel, reason) => console.warn(`IPC ${channel} refused: ${reason}`),
  });

  const tray = new JobTray(images.tray, { showWindow: () => windows.show(), openJob, quit: quitApp });
  const refreshTray = () => {
    const jobs = activity.list();
    tray.update(trayModel({ appName: APP_NAME, jobs, hostName: (id) => hostName(id) ?? id }));
    setBadgeCount(activity.counts().running);
  };
  activity.onChange(refreshTray);
  refreshTray();

  let toldAboutTray = false;
  onLifecycle({
    secondInstance: () => windows.show(),
    activate: () => windows.show(),
    allWindowsClosed: () => {
      const active = activity.list().length;
      if (quitsWhenAllWindowsClosed(process.platform, active)) {
        quitApp();
      } else if (active > 0 && !toldAboutTray) {
        toldAboutTray = true;
        notifier.message(
          `${APP_NAME} is still running`,
          `${active} job${active === 1 ? ' is' : 's are'} queued or running. Open the app or quit it from the tray icon.`,
        );
      }
    },
    beforeQuit: stopBeforeQuit(async () => {
      tray.destroy();
      await startedCore.stop();
    }, quitApp),
  });

  windows.show();

  try {
    await started;
    activity.seed(
      startedCore.services.jobs.list({ status: ['queued', 'running'], offset: 0, limit: JOB_PAGE_MAX }).jobs,
    );
  } catch (error) {
    fatal('could not start', error, dataDir);
  }
}

function fatal(what: string, error: unknown, dataDir: string): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`${APP_NAME} ${what}:`, error);
  showFatalError(
    `${APP_NAME} ${what}`,
    `${reason}\n\nThe app's data is in ${dataDir}. If a file there is damaged, move it aside and start the app again.`,
  );
  quitApp();
}

// A second copy would run a second job queue against the same hosts: the first instance is told (it shows its
// window) and this one exits.
if (claimSingleInstance()) await main();
else quitApp();
