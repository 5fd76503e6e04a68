// The thin layer over Electron's `app` the composition root needs: facts about the running app, lifecycle
// events, quitting. Decisions (when to quit, where files are) are made in plain-Node files.
import { APP_ID } from '@shared/app-info';
import { app, dialog, ipcMain, screen } from 'electron';
import type { AppLocation } from '../app-paths';
import type { IpcMainLike } from '../ipc/ipc-ports';
import type { RendererEntry } from '../renderer-entry';
import type { Rect } from '../window-state';
import { applySecurityPolicies } from './security-policies';

/** False when another instance already runs: it has been told (second-instance) and this one must exit. */
export function claimSingleInstance(): boolean {
  return app.requestSingleInstanceLock();
}

export async function whenAppReady(entry: RendererEntry): Promise<void> {
  // Windows groups notifications and taskbar entries by this id; it must match electron-builder.yml's appId.
  app.setAppUserModelId(APP_ID);
  await app.whenReady();
  applySecurityPolicies(app, entry);
}

export function appLocation(): AppLocation {
  return { isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath };
}

export function userDataDir(): string {
  return app.getPath('userData');
}

export function electronIpcMain(): IpcMainLike {
  return ipcMain;
}

export interface LifecycleHandlers {
  readonly secondInstance: () => void;
  readonly activate: () => void;
  readonly allWindowsClosed: () => void;
  readonly beforeQuit: (event: { preventDefault(): void }) => void;
}

export function onLifecycle(handlers: LifecycleHandlers): void {
  app.on('second-instance', handlers.secondInstance);
  app.on('activate', handlers.activate);
  app.on('window-all-closed', handlers.allWindowsClosed);
  app.on('before-quit', handlers.beforeQuit);
}

export function quitApp(): void {
  app.quit();
}

/** macOS dock and Unity launchers show it; elsewhere a no-op. */
export function setBadgeCount(count: number): void {
  app.setBadgeCount(count);
}

/** The app cannot run (its settings file is unreadable, the core failed to start): say why, then exit. */
export function showFatalError(title: string, message: string): void {
  dialog.showErrorBox(title, message);
}

/** The work area of every display now attached, the primary first (window-state.ts validates against them). */
export function displayWorkAreas(): Rect[] {
  const primary = screen.getPrimaryDisplay();
  return [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map(
    (display) => display.workArea,
  );
}
