import { describe, expect, it, type Mock, vi } from 'vitest';
import {
  type ChannelHandlers,
  type ChannelName,
  channelNames,
  EVENT_CHANNEL,
  ipcChannel,
} from '../../../shared/contract/api';
import { AppException, appError } from '../../../shared/contract/errors';
import { SAMPLE_JOB_ID, sampleDeleteJob } from '../../../shared/contract/fixtures';
import type { RendererEntry } from '../renderer-entry';
import { registerContractIpc } from './handle';
import { checkSender } from './sender-check';
import { APP_FILE, callFrom, FakeFrame, FakeIpcMain, FakeWebContents } from './test-fakes';
import { WindowEvents } from './window-events';

function fakeHandlers(): Record<ChannelName, Mock<(args: unknown) => Promise<unknown>>> {
  return Object.fromEntries(
    channelNames.map((name) => [name, vi.fn(async (_args: unknown) => ({}) as unknown)]),
  ) as never;
}

function setup(options: { entry?: RendererEntry; whenStarted?: Promise<unknown> } = {}) {
  const entry = options.entry ?? { file: APP_FILE };
  const ipcMain = new FakeIpcMain();
  const handlers = fakeHandlers();
  const windowEvents = new WindowEvents({ flushDelayMs: 60_000 });
  const contents = new FakeWebContents();
  windowEvents.attach(contents);
  const forbidden: string[] = [];
  const unregister = registerContractIpc({
    ipcMain,
    handlers: handlers as unknown as ChannelHandlers,
    checkSender: (event) => checkSender(event, windowEvents.current(), entry),
    onRendererReady: (event) => windowEvents.rendererReady(event.sender),
    onForbidden: (channel) => forbidden.push(channel),
    ...(options.whenStarted !== undefined ? { whenStarted: options.whenStarted } : {}),
  });
  return { ipcMain, handlers, windowEvents, contents, forbidden, unregister };
}

describe('the IPC wrapper', () => {
  it('registers every contract channel under its prefixed name, and removes them all again', () => {
    const { ipcMain, unregister } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(channelNames.map((name) => ipcChannel(name)).sort());
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it("passes a trusted call's parsed arguments to the handler and answers with the ok envelope", async () => {
    const { ipcMain, handlers, contents } = setup();
    handlers['jobs.get'].mockResolvedValue({ job: sampleDeleteJob(), output: null });
    const answer = await ipcMain.invoke(callFrom(contents), ipcChannel('jobs.get'), { jobId: SAMPLE_JOB_ID });
    expect(handlers['jobs.get']).toHaveBeenCalledWith({ jobId: SAMPLE_JOB_ID });
    expect(answer).toEqual({ ok: true, value: { job: sampleDeleteJob(), output: null } });
  });

  it('answers validation_failed for bad arguments without calling the handler', async () => {
    const { ipcMain, handlers, contents } = setup();
    const answer = await ipcMain.invoke(callFrom(contents), ipcChannel('jobs.get'), { jobId: 42, extra: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(handlers['jobs.get']).not.toHaveBeenCalled();
  });

  it('turns a thrown AppException into its typed error and anything else into internal; never rejects', async () => {
    const { ipcMain, handlers, contents } = setup();
    handlers['jobs.cancel'].mockRejectedValue(new AppException(appError('job_not_found', 'No job j-17.')));
    handlers['jobs.retry'].mockRejectedValue(new Error('boom'));
    await expect(
      ipcMain.invoke(callFrom(contents), ipcChannel('jobs.cancel'), { jobId: SAMPLE_JOB_ID }),
    ).resolves.toEqual({ ok: false, error: { code: 'job_not_found', message: 'No job j-17.' } });
    await expect(
      ipcMain.invoke(callFrom(contents), ipcChannel('jobs.retry'), { jobId: SAMPLE_JOB_ID }),
    ).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  describe('refuses with forbidden_sender, before parsing, a call from', () => {
    const cases: [string, (contents: FakeWebContents) => ReturnType<typeof callFrom>][] = [
      ['a subframe of the app page', (c) => callFrom(c, new FakeFrame(c.mainFrame.url, c.mainFrame))],
      ['another web contents', () => callFrom(new FakeWebContents())],
      ['a frame that is gone', (c) => callFrom(c, null)],
      [
        'a main frame showing a remote page',
        (c) => {
          c.mainFrame.url = 'https://evil.example/index.html';
          return callFrom(c);
        },
      ],
      [
        'another file next to the app page',
        (c) => {
          c.mainFrame.url = 'file:///opt/app/resources/app.asar/out/renderer/other.html';
          return callFrom(c);
        },
      ],
      [
        'a frame that is not the main frame though it claims no parent',
        (c) => callFrom(c, new FakeFrame(c.mainFrame.url, null, c.mainFrame.processId, c.mainFrame.routingId + 1)),
      ],
    ];
    it.each(cases)('%s', async (_name, makeEvent) => {
      const { ipcMain, handlers, contents, forbidden } = setup();
      const answer = await ipcMain.invoke(makeEvent(contents), ipcChannel('jobs.get'), { jobId: 'not valid!' });
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
      expect(handlers['jobs.get']).not.toHaveBeenCalled();
      expect(forbidden).toEqual(['jobs.get']);
    });
  });

  it('accepts the app page with a fragment, and any page of the dev server but not another origin', async () => {
    const file = setup();
    file.contents.mainFrame.url = `${file.contents.mainFrame.url}#/jobs/j-17`;
    expect(await file.ipcMain.invoke(callFrom(file.contents), ipcChannel('settings.get'))).toMatchObject({ ok: true });

    const dev = setup({ entry: { url: 'http://localhost:5173' } });
    dev.contents.mainFrame.url = 'http://localhost:5173/';
    expect(await dev.ipcMain.invoke(callFrom(dev.contents), ipcChannel('settings.get'))).toMatchObject({ ok: true });
    dev.contents.mainFrame.url = 'http://localhost:5174/';
    expect(await dev.ipcMain.invoke(callFrom(dev.contents), ipcChannel('settings.get'))).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });

  it('refuses every call once the window is gone', async () => {
    const { ipcMain, contents } = setup();
    contents.destroy();
    expect(await ipcMain.invoke(callFrom(contents), ipcChannel('app.ready'))).toMatchObject({
      error: { code: 'forbidden_sender' },
    });
  });

  it('holds calls until the core has started, but not app.ready', async () => {
    let started: () => void = () => undefined;
    const whenStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const { ipcMain, handlers, contents } = setup({ whenStarted });
    const pending = ipcMain.invoke(callFrom(contents), ipcChannel('settings.get'));
    await expect(ipcMain.invoke(callFrom(contents), ipcChannel('app.ready'))).resolves.toEqual({ ok: true, value: {} });
    expect(handlers['settings.get']).not.toHaveBeenCalled();
    started();
    await expect(pending).resolves.toMatchObject({ ok: true });
    expect(handlers['settings.get']).toHaveBeenCalledTimes(1);
  });
});

describe('events to the window', () => {
  const created = (id: string) => ({ job: sampleDeleteJob({ id }) });

  it('are held until a trusted app.ready, then sent in order in one batch on the event channel', async () => {
    const { ipcMain, windowEvents, contents } = setup();
    windowEvents.gate.emit('job.created', created('j-1'));
    windowEvents.gate.emit('job.created', created('j-2'));
    windowEvents.gate.flush();
    expect(contents.sent).toEqual([]);

    await ipcMain.invoke(callFrom(contents), ipcChannel('app.ready'));
    expect(contents.sent).toEqual([
      {
        channel: EVENT_CHANNEL,
        args: [
          [
            { event: 'job.created', payload: created('j-1') },
            { event: 'job.created', payload: created('j-2') },
          ],
        ],
      },
    ]);
  });

  it('stay held when app.ready comes from an untrusted frame', async () => {
    const { ipcMain, windowEvents, contents } = setup();
    windowEvents.gate.emit('job.created', created('j-1'));
    await ipcMain.invoke(
      callFrom(contents, new FakeFrame(contents.mainFrame.url, contents.mainFrame)),
      'hvapi:app.ready',
    );
    windowEvents.gate.flush();
    expect(contents.sent).toEqual([]);
  });

  it('are held again after a reload or a renderer crash until the next app.ready', async () => {
    const { ipcMain, windowEvents, contents } = setup();
    await ipcMain.invoke(callFrom(contents), ipcChannel('app.ready'));

    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    windowEvents.gate.emit('job.created', created('j-1'));
    windowEvents.gate.flush();
    expect(contents.sent).toHaveLength(1); // an in-page (fragment) navigation keeps the page

    contents.emit('did-start-navigation', { isMainFrame: true, isSameDocument: false });
    windowEvents.gate.emit('job.created', created('j-2'));
    windowEvents.gate.flush();
    expect(contents.sent).toHaveLength(1);
    await ipcMain.invoke(callFrom(contents), ipcChannel('app.ready'));
    expect(contents.sent[1]?.args[0]).toEqual([{ event: 'job.created', payload: created('j-2') }]);

    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    windowEvents.gate.emit('job.created', created('j-3'));
    windowEvents.gate.flush();
    expect(contents.sent).toHaveLength(2);
  });

  it('go to the new window after the old one closed, never to the destroyed one', async () => {
    const { ipcMain, windowEvents, contents } = setup();
    await ipcMain.invoke(callFrom(contents), ipcChannel('app.ready'));
    contents.destroy();
    windowEvents.gate.emit('job.created', created('j-1'));
    windowEvents.gate.flush();

    const next = new FakeWebContents();
    windowEvents.attach(next);
    expect(await ipcMain.invoke(callFrom(contents), ipcChannel('app.ready'))).toMatchObject({ ok: false });
    await ipcMain.invoke(callFrom(next), ipcChannel('app.ready'));
    expect(next.sent).toEqual([
      { channel: EVENT_CHANNEL, args: [[{ event: 'job.created', payload: created('j-1') }]] },
    ]);
    expect(contents.sent).toEqual([]);
  });
});
