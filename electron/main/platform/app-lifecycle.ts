// Application lifecycle: single-instance lock, readiness, window creation and quitting.

import { APP_ID } from '@shared/app-info';
import { app, type BrowserWindow } from 'electron';
import { createMainWindow, type RendererEntry } from './main-window';
import { applySecurityPolicies } from './security-policies';

export interface AppOptions {
  preloadPath: string;
  renderer: RendererEntry;
}

export async function runApp(options: AppOptions): Promise<void> {
  // A second copy would run a second job queue against the same hosts: hand over to the first and exit.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | undefined;
  // Synchronous, so a second-instance event during start-up focuses the window being created.
  const showMainWindow = (): void => {
    if (mainWindow && !mainWindow.isDestroyed()) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      return;
    }
    mainWindow = createMainWindow(options);
  };

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.setAppUserModelId(APP_ID);
  await app.whenReady();

  // Registered once ready: both may create a window, which Electron allows only after 'ready'.
  app.on('second-instance', showMainWindow);
  app.on('activate', showMainWindow);
  applySecurityPolicies(app);
  showMainWindow();
}
