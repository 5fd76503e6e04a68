// Small stand-ins for Electron's IPC objects, shaped like ipc-ports.ts, for the wrapper's tests.
import { EventEmitter } from 'node:events';
import type { FrameLike, InvokeEventLike, InvokeListener, IpcMainLike, WebContentsLike } from './ipc-ports';

export const APP_FILE = '/opt/app/resources/app.asar/out/renderer/index.html';
export const APP_FILE_URL = 'file:///opt/app/resources/app.asar/out/renderer/index.html';

let nextId = 1;

export class FakeFrame implements FrameLike {
  constructor(
    public url: string,
    readonly parent: FrameLike | null = null,
    readonly processId = 7,
    readonly routingId = nextId++,
  ) {}
}

export class FakeWebContents extends EventEmitter implements WebContentsLike {
  readonly id = nextId++;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  destroyed = false;
  readonly mainFrame: FakeFrame;

  constructor(url = APP_FILE_URL) {
    super();
    this.mainFrame = new FakeFrame(url);
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, args });
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

export class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** What ipcRenderer.invoke(channel, args) would resolve with; like buildApi, no arguments means `{}`. */
  async invoke(event: InvokeEventLike, channel: string, args: unknown = {}): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return listener(event, args);
  }
}

/** A call from the main frame of `contents` (or from `frame` when given). */
export function callFrom(contents: FakeWebContents, frame: FrameLike | null = contents.mainFrame): InvokeEventLike {
  return { sender: contents, senderFrame: frame };
}
