// The one application window: created from window-options.ts (the security-relevant options live and are
// tested there), shown once painted, its bounds saved when it closes. Re-created by "show" after it was closed
// while the app kept running in the tray.
import { BrowserWindow } from 'electron';
import type { RendererEntry } from '../renderer-entry';
import { mainWindowOptions } from '../window-options';
import { type InitialWindowBounds, type WindowState, windowStateOf } from '../window-state';

export interface MainWindowControllerOptions {
  readonly title: string;
  readonly preloadPath: string;
  readonly renderer: RendererEntry;
  readonly iconPath: string;
  readonly devTools: boolean;
  /** Read each time a window is created, so a re-created window opens where the last one closed. */
  readonly bounds: () => InitialWindowBounds;
  readonly saveState: (state: WindowState) => void;
  /** A new window exists: its page is where events go from now on. */
  readonly onCreated: (window: BrowserWindow) => void;
}

export class MainWindowController {
  private window: BrowserWindow | null = null;

  constructor(private readonly options: MainWindowControllerOptions) {}

  /** The window if it exists and is not destroyed. */
  current(): BrowserWindow | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /** Brings the window to the front, creating it if needed. Synchronous, so a second-instance event during
   *  start-up focuses the window being created instead of creating another. */
  show(): BrowserWindow {
    const existing = this.current();
    if (existing) {
      if (existing.isMinimized()) existing.restore();
      if (!existing.isVisible()) existing.show();
      existing.focus();
      return existing;
    }
    return this.create();
  }

  private create(): BrowserWindow {
    const bounds = this.options.bounds();
    const window = new BrowserWindow(
      mainWindowOptions({
        title: this.options.title,
        preloadPath: this.options.preloadPath,
        bounds,
        iconPath: this.options.iconPath,
        devTools: this.options.devTools,
      }),
    );
    this.window = window;
    window.once('ready-to-show', () => {
      if (bounds.maximized) window.maximize();
      window.show();
    });
    window.on('close', () => {
      const state = windowStateOf(window);
      if (state) this.options.saveState(state);
    });
    window.on('closed', () => {
      if (this.window === window) this.window = null;
    });
    this.options.onCreated(window);
    const { renderer } = this.options;
    const loading = 'url' in renderer ? window.loadURL(renderer.url) : window.loadFile(renderer.file);
    loading.catch((error: unknown) => console.error('Could not load the renderer:', error));
    return window;
  }
}
