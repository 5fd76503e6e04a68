// A stand-in for the 'electron' module (which cannot load under plain Node), with just what main's platform
// layer touches, recording what was done to it. Used by composition.test.ts through vi.mock('electron').
import { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';

type Listener = (...args: unknown[]) => unknown;

export interface FakeElectronState {
  userData: string;
  appPath: string;
  appEvents: Map<string, Listener[]>;
  quits: number;
  windows: FakeBrowserWindow[];
  ipcHandlers: Map<string, Listener>;
  trays: FakeTray[];
  notifications: FakeNotification[];
  requestFilter: ((details: { url: string }, callback: (answer: { cancel: boolean }) => void) => void) | null;
  errorBoxes: string[];
}

export const state: FakeElectronState = {
  userData: '',
  appPath: '',
  appEvents: new Map(),
  quits: 0,
  windows: [],
  ipcHandlers: new Map(),
  trays: [],
  notifications: [],
  requestFilter: null,
  errorBoxes: [],
};

let nextId = 1;

class FakeFrame {
  readonly parent = null;
  readonly processId = 1;
  readonly routingId = nextId++;
  url = '';
}

class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  readonly mainFrame = new FakeFrame();
  readonly sent: { channel: string; args: unknown[] }[] = [];
  isDestroyed = () => false;
  send(channel: string, ...args: unknown[]) {
    this.sent.push({ channel, args });
  }
  setWindowOpenHandler() {}
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loaded = '';
  constructor(readonly options: Record<string, unknown>) {
    super();
    state.windows.push(this);
    emitApp('web-contents-created', {}, this.webContents);
  }
  isDestroyed = () => false;
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
}

export class FakeTray {
  tooltip = '';
  menu: unknown[] = [];
  constructor() {
    state.trays.push(this);
  }
  on() {}
  setToolTip(text: string) {
    this.tooltip = text;
  }
  setTitle() {}
  setImage() {}
  setContextMenu(menu: unknown[]) {
    this.menu = menu;
  }
  destroy() {}
}

export class FakeNotification extends EventEmitter {
  static isSupported = () => true;
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  show() {
    state.notifications.push(this);
  }
}

function emitApp(event: string, ...args: unknown[]) {
  for (const listener of state.appEvents.get(event) ?? []) listener(...args);
}

const image = {
  getSize: () => ({ width: 16, height: 16 }),
  toBitmap: () => Buffer.alloc(16 * 16 * 4),
  isEmpty: () => false,
  addRepresentation() {},
};

export const fakeElectronModule = {
  app: {
    requestSingleInstanceLock: () => true,
    setAppUserModelId() {},
    whenReady: async () => undefined,
    on(event: string, listener: Listener) {
      state.appEvents.set(event, [...(state.appEvents.get(event) ?? []), listener]);
    },
    get isPackaged() {
      return false;
    },
    getAppPath: () => state.appPath,
    getPath: () => state.userData,
    quit() {
      state.quits++;
    },
    setBadgeCount() {},
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler() {},
      setPermissionCheckHandler() {},
      setDevicePermissionHandler() {},
      webRequest: {
        onBeforeRequest(filter: FakeElectronState['requestFilter']) {
          state.requestFilter = filter;
        },
      },
    },
  },
  ipcMain: {
    handle(channel: string, listener: Listener) {
      state.ipcHandlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      state.ipcHandlers.delete(channel);
    },
    removeAllListeners() {},
  },
  BrowserWindow: FakeBrowserWindow,
  Tray: FakeTray,
  Menu: { buildFromTemplate: (template: unknown[]) => template },
  nativeImage: { createFromPath: () => image, createEmpty: () => ({ ...image }) },
  Notification: FakeNotification,
  safeStorage: {
    isAsyncEncryptionAvailable: async () => true,
    getSelectedStorageBackend: () => 'gnome_libsecret',
    encryptStringAsync: async (text: string) => Buffer.from(`enc:${text}`),
    decryptStringAsync: async (bytes: Buffer) => ({ result: bytes.toString().slice(4), shouldReEncrypt: false }),
  },
  dialog: {
    showSaveDialog: async () => ({ canceled: true }),
    showErrorBox(title: string, message: string) {
      state.errorBoxes.push(`${title}: ${message}`);
    },
  },
  screen: {
    getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
    getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
  },
};

/** electron-store over a plain object (its file writing is conf's, tested upstream). */
export class FakeElectronStore {
  private data: Record<string, unknown> = {};
  has = (key: string) => Object.hasOwn(this.data, key);
  get = (key: string) => this.data[key];
  set = (key: string, value: unknown) => {
    this.data[key] = value;
  };
  delete = (key: string) => {
    delete this.data[key];
  };
}

export function appListeners(event: string): Listener[] {
  return state.appEvents.get(event) ?? [];
}
