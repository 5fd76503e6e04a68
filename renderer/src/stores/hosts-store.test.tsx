// @vitest-environment happy-dom
import { AppException, appError } from '@shared/contract/errors';
import { sampleHost } from '@shared/contract/fixtures';
import { describe, expect, it } from 'vitest';
import { createFakeApi } from '../test-support/fake-api';
import { connectAppStores, createAppStores } from './app-stores';
import { connectHostsEvents, createHostsStore } from './hosts-store';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('hosts store', () => {
  it('loads hosts.list on connect, then follows hosts.changed', async () => {
    const fake = createFakeApi({ 'hosts.list': () => ({ hosts: [sampleHost({ id: 'a', displayName: 'A' })] }) });
    const store = createHostsStore(fake.api);
    const unsubscribe = connectHostsEvents(fake.api, store);
    await flush();
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().hosts.map((h) => h.id)).toEqual(['a']);

    fake.emit('hosts.changed', { hosts: [sampleHost({ id: 'b', displayName: 'B', status: null })] });
    expect(store.getState().hosts.map((h) => h.id)).toEqual(['b']);

    unsubscribe();
    fake.emit('hosts.changed', { hosts: [] });
    expect(store.getState().hosts).toHaveLength(1);
  });

  it('keeps an event that arrived while the list was in flight', async () => {
    let answer: (() => void) | undefined;
    const fake = createFakeApi({
      'hosts.list': () =>
        new Promise((resolve) => {
          answer = () => resolve({ hosts: [sampleHost({ id: 'old' })] });
        }),
    });
    const store = createHostsStore(fake.api);
    connectHostsEvents(fake.api, store);
    await flush();
    fake.emit('hosts.changed', { hosts: [sampleHost({ id: 'new' })] });
    answer?.();
    await flush();
    expect(store.getState().hosts.map((h) => h.id)).toEqual(['new']);
  });

  it('records why the list failed', async () => {
    const fake = createFakeApi({
      'hosts.list': () => {
        throw new AppException(appError('store_failed', 'hosts.json unreadable'));
      },
    });
    const store = createHostsStore(fake.api);
    connectHostsEvents(fake.api, store);
    await flush();
    expect(store.getState().loaded).toBe(true);
    expect(store.getState().loadError?.code).toBe('store_failed');
  });

  it('returns the typed result of add, update, remove and applies success at once', async () => {
    const fake = createFakeApi({
      'hosts.add': (draft) => sampleHost({ id: 'h-new', displayName: draft.displayName, status: null }),
      'hosts.remove': ({ hostId }) => ({ hostId }),
    });
    const store = createHostsStore(fake.api);
    const added = await store
      .getState()
      .add({ displayName: 'Prod', address: 'hv01', connection: { transport: 'winrm', useSsl: false } });
    expect(added.ok).toBe(true);
    expect(store.getState().hosts.map((h) => h.displayName)).toEqual(['Prod']);

    const removed = await store.getState().remove('h-new');
    expect(removed).toEqual({ ok: true, value: { hostId: 'h-new' } });
    expect(store.getState().hosts).toEqual([]);

    const invalid = await store
      .getState()
      .add({ displayName: '', address: 'hv01', connection: { transport: 'local' } });
    expect(invalid.ok).toBe(false);
    if (!invalid.ok) expect(invalid.error.code).toBe('validation_failed');
  });
});

describe('connectAppStores', () => {
  it('subscribes before app.ready, so an event sent on ready is not lost', async () => {
    const fake = createFakeApi({ 'hosts.list': () => ({ hosts: [] }) });
    fake.handle({
      'app.ready': () => {
        fake.emit('hosts.changed', { hosts: [sampleHost({ id: 'x' })] });
        fake.emit('notification', { kind: 'success', title: 'Job done', body: 'web01 deleted', jobId: 'j-1' });
        return {};
      },
    });
    const stores = createAppStores(fake.api);
    await connectAppStores(stores);
    expect(stores.hosts.getState().hosts.map((h) => h.id)).toEqual(['x']);
    expect(stores.ui.getState().toasts).toEqual([
      { id: 1, kind: 'success', title: 'Job done', body: 'web01 deleted', jobId: 'j-1' },
    ]);
    expect(fake.calls.map((c) => c.channel)).toContain('app.ready');
  });

  it('a failing host_in_use remove comes back as data', async () => {
    const fake = createFakeApi({
      'hosts.remove': ({ hostId }) => {
        throw new AppException(appError('host_in_use', 'busy', { hostId }));
      },
    });
    const store = createHostsStore(fake.api);
    const result = await store.getState().remove('h-1');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'host_in_use', details: { hostId: 'h-1' } });
  });
});
