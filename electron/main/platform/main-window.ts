// The one application window. Its renderer is untrusted content: isolated, sandboxed, no Node.

import { APP_NAME } from '@shared/app-info';
import { BrowserWindow } from 'electron';

export type RendererEntry = { url: string } | { file: string };

export interface MainWindowOptions {
  preloadPath: string;
  renderer: RendererEntry;
}

/** Creates the window and starts loading the renderer; it shows itself once painted. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 560,
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  // Show only once painted, so the user never sees an empty white frame.
  window.once('ready-to-show', () => window.show());

  const loading =
    'url' in options.renderer ? window.loadURL(options.renderer.url) : window.loadFile(options.renderer.file);
  loading.catch((error: unknown) => console.error('Could not load the renderer:', error));
  return window;
}
