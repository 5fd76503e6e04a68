// The few pieces of Electron's IPC the wrapper uses, as narrow structural types: Electron's ipcMain,
// IpcMainInvokeEvent, WebFrameMain and WebContents satisfy them, and the tests pass small fakes. Only
// electron/main/platform/ hands the real objects in.

/** A frame as WebFrameMain describes it. */
export interface FrameLike {
  readonly url: string;
  /** null for a main (top-level) frame. */
  readonly parent: FrameLike | null;
  readonly processId: number;
  readonly routingId: number;
}

/** The window's page as far as calls and events care. */
export interface WebContentsLike {
  readonly id: number;
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
  // biome-ignore lint/suspicious/noExplicitAny: Electron's listener signatures differ per event
  on(event: string, listener: (...args: any[]) => void): unknown;
}

/** What an `ipcMain.handle` listener receives. */
export interface InvokeEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

export type InvokeListener = (event: InvokeEventLike, ...args: unknown[]) => unknown;

export interface IpcMainLike {
  handle(channel: string, listener: InvokeListener): void;
  removeHandler(channel: string): void;
}
