// The options of the one application window, as a plain object so a test can pin every security-relevant one
// without loading Electron. The renderer is treated as untrusted content: isolated world, OS sandbox, no Node,
// web security on, no <webview>, no plugins, nothing experimental. platform/main-window.ts passes this object
// to `new BrowserWindow`.
import type { InitialWindowBounds } from './window-state';

export const WINDOW_SIZE = { width: 1280, height: 800, minWidth: 900, minHeight: 560 } as const;

export interface MainWindowOptionsInput {
  readonly title: string;
  readonly preloadPath: string;
  readonly bounds: InitialWindowBounds;
  /** The window icon (Linux; Windows and macOS take the executable's). */
  readonly iconPath?: string;
  /** DevTools only in development: a packaged app gives the renderer no console to paste into. */
  readonly devTools: boolean;
}

/** Structurally a subset of Electron's BrowserWindowConstructorOptions (see platform/main-window.ts). */
export function mainWindowOptions(input: MainWindowOptionsInput) {
  const { bounds } = input;
  return {
    title: input.title,
    ...(bounds.x === undefined || bounds.y === undefined ? {} : { x: bounds.x, y: bounds.y }),
    width: bounds.width,
    height: bounds.height,
    minWidth: WINDOW_SIZE.minWidth,
    minHeight: WINDOW_SIZE.minHeight,
    ...(input.iconPath === undefined ? {} : { icon: input.iconPath }),
    // Shown on 'ready-to-show', so the admin never sees an empty frame.
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      plugins: false,
      experimentalFeatures: false,
      enableBlinkFeatures: '',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: input.devTools,
    },
  } as const;
}
