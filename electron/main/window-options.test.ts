import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from './window-options';

const input = {
  title: 'Hyper-V VM Deleter',
  preloadPath: '/app/out/preload/index.cjs',
  bounds: { width: 1280, height: 800, maximized: false },
  devTools: false,
};

describe('the main window options', () => {
  it('isolate and sandbox the renderer, without Node, webviews or insecure content', () => {
    const { webPreferences } = mainWindowOptions(input);
    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(webPreferences.enableBlinkFeatures).toBe('');
  });

  it('start hidden (shown once painted), with a stored position only when there is one', () => {
    expect(mainWindowOptions(input)).toMatchObject({ show: false, width: 1280, height: 800 });
    expect(mainWindowOptions(input)).not.toHaveProperty('x');
    expect(mainWindowOptions({ ...input, bounds: { ...input.bounds, x: 40, y: 30 } })).toMatchObject({ x: 40, y: 30 });
  });
});
