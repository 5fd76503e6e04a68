// The stand-in 'electron' of electron/main/test-support/fake-electron.ts, with a BrowserWindow whose page keeps
// what main's security policies install on it (the window-open handler; navigation listeners are on the emitter),
// and which can be closed, so the campaign can have main create more than one window and check every one.
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { appListeners, fakeElectronModule, state } from '../../electron/main/test-support/fake-electron';

let nextId = 10_000;

type OpenHandler = (details: { url: string }) => { action: string };

export class GuardedWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = { parent: null, processId: 1, routingId: nextId++, url: '' };
  readonly sent: { channel: string; args: unknown[] }[] = [];
  windowOpenHandler: OpenHandler | null = null;
  destroyed = false;
  isDestroyed = () => this.destroyed;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler(handler: OpenHandler) {
    this.windowOpenHandler = handler;
  }
}

/** Every window main created, in order (also in fake-electron's `state.windows`). */
export const createdWindows: GuardedBrowserWindow[] = [];

export class GuardedBrowserWindow extends EventEmitter {
  readonly webContents = new GuardedWebContents();
  loaded = '';
  private destroyed = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    createdWindows.push(this);
    (state.windows as unknown[]).push(this);
    for (const listener of appListeners('web-contents-created')) listener({}, this.webContents);
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  isVisible = () => true;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 700 });
  restore() {}
  show() {}
  focus() {}
  maximize() {}
  async loadFile(file: string) {
    this.loaded = file;
    this.webContents.mainFrame.url = pathToFileURL(file).href;
  }
  async loadURL(url: string) {
    this.loaded = url;
    this.webContents.mainFrame.url = url;
  }
  /** What closing the window does: 'close' (bounds saved), then destroyed and 'closed'. */
  close() {
    this.emit('close');
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
  }
}

export const hardeningElectronModule = { ...fakeElectronModule, BrowserWindow: GuardedBrowserWindow };
