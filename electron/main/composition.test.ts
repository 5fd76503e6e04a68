// The composition root, run for real against a stand-in 'electron' (test-support/fake-electron.ts) and a real
// core on a temporary data folder: what the window, IPC, tray and quit wiring amount to once main has started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelNames, ipcChannel } from '../../shared/contract/api';
import { appListeners, state } from './test-support/fake-electron';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).fakeElectronModule);
vi.mock('electron-store', async () => ({ default: (await import('./test-support/fake-electron')).FakeElectronStore }));

beforeAll(async () => {
  state.userData = mkdtempSync(join(tmpdir(), 'hvd-main-'));
  state.appPath = resolve(import.meta.dirname, '..', '..');
  await import('./index');
});

afterAll(async () => {
  const event = { preventDefault: vi.fn() };
  for (const listener of appListeners('before-quit')) listener(event);
  await vi.waitFor(() => expect(state.quits).toBeGreaterThan(0), { timeout: 30_000 });
  rmSync(state.userData, { recursive: true, force: true });
});

const window = () => {
  const created = state.windows[0];
  if (!created) throw new Error('main created no window');
  return created;
};
const call = (channel: string, args: unknown = {}, sender = window().webContents) =>
  state.ipcHandlers.get(channel)?.({ sender, senderFrame: sender.mainFrame }, args);

describe('main, composed', () => {
  it('opens one sandboxed window on the built renderer', () => {
    expect(state.windows).toHaveLength(1);
    expect(window().options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false },
    });
    expect(window().loaded).toMatch(/renderer[\\/]index\.html$/);
  });

  it('registers every contract channel and answers a call from the window with the core', async () => {
    expect([...state.ipcHandlers.keys()].sort()).toEqual(channelNames.map((name) => ipcChannel(name)).sort());
    await expect(call(ipcChannel('hosts.list'))).resolves.toEqual({ ok: true, value: { hosts: [] } });
    await expect(call(ipcChannel('settings.get'))).resolves.toMatchObject({
      ok: true,
      value: { notifyOnJobEnd: true },
    });
  });

  it('refuses a call from a subframe of the window, and accepts app.ready from its main frame', async () => {
    const contents = window().webContents;
    const subframe = { ...contents.mainFrame, parent: contents.mainFrame, routingId: -1 };
    await expect(
      state.ipcHandlers.get(ipcChannel('hosts.list'))?.({ sender: contents, senderFrame: subframe }, {}),
    ).resolves.toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
    await expect(call(ipcChannel('app.ready'))).resolves.toEqual({ ok: true, value: {} });
  });

  it('shows a tray with the job count and the menu, and blocks remote requests', () => {
    expect(state.trays[0]?.tooltip).toBe('Hyper-V VM Deleter: no jobs running');
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      state.requestFilter?.({ url }, (answer) => {
        cancel = answer.cancel;
      });
      return cancel;
    };
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(decide('https://example.com/x.js')).toBe(true);
    expect(decide(window().webContents.mainFrame.url)).toBe(false);
    warn.mockRestore();
  });

  it('keeps a single instance: a second start focuses the window instead of opening another', () => {
    for (const listener of appListeners('second-instance')) listener();
    expect(state.windows).toHaveLength(1);
  });
});
