import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfKeyValueStore, type ConfLike } from './conf-key-value-store';

/** conf's behaviour that matters here: a JSON file's object, keys taken literally. */
class FakeConf implements ConfLike {
  data: Record<string, unknown> = {};
  failWrites = false;
  has(key: string) {
    return Object.hasOwn(this.data, key);
  }
  get(key: string) {
    return this.data[key];
  }
  set(key: string, value: unknown) {
    if (this.failWrites) throw new Error('EACCES: permission denied');
    this.data = { ...this.data, [key]: value };
  }
  delete(key: string) {
    if (this.failWrites) throw new Error('EACCES: permission denied');
    const { [key]: _gone, ...rest } = this.data;
    this.data = rest;
  }
}

const hostSchema = z.strictObject({ id: z.string().min(1), port: z.int().default(5985) });

describe('the electron-store key-value store', () => {
  it('stores what the schema produced, as plain JSON, under the literal key', async () => {
    const conf = new FakeConf();
    const store = new ConfKeyValueStore(conf);
    await store.set('hosts.v1', z.array(hostSchema), [{ id: 'lab' } as never]);
    expect(conf.data).toEqual({ 'hosts.v1': [{ id: 'lab', port: 5985 }] });
    expect(store.get('hosts.v1', z.array(hostSchema))).toEqual([{ id: 'lab', port: 5985 }]);
    expect(store.get('missing', hostSchema)).toBeUndefined();
  });

  it('refuses an invalid value and changes nothing', async () => {
    const conf = new FakeConf();
    const store = new ConfKeyValueStore(conf);
    await store.set('host', hostSchema, { id: 'a', port: 1 });
    await expect(store.set('host', hostSchema, { id: '', port: 1 })).rejects.toMatchObject({ code: 'invalid-value' });
    expect(conf.data).toEqual({ host: { id: 'a', port: 1 } });
  });

  it('throws for a stored value that no longer fits its schema rather than reading it as unset', () => {
    const conf = new FakeConf();
    conf.data = { host: { id: 42 } };
    expect(() => new ConfKeyValueStore(conf).get('host', hostSchema)).toThrow(
      expect.objectContaining({ code: 'invalid-value' }),
    );
  });

  it('hands out copies, so changing a read value changes nothing stored', () => {
    const conf = new FakeConf();
    conf.data = { host: { id: 'a', port: 1 } };
    const value = new ConfKeyValueStore(conf).get('host', hostSchema);
    if (value) value.port = 2;
    expect(conf.data).toEqual({ host: { id: 'a', port: 1 } });
  });

  it('reports a failed write as write-failed, and deletes keys', async () => {
    const conf = new FakeConf();
    const store = new ConfKeyValueStore(conf);
    await store.set('host', hostSchema, { id: 'a', port: 1 });
    conf.failWrites = true;
    await expect(store.set('host', hostSchema, { id: 'b', port: 1 })).rejects.toMatchObject({ code: 'write-failed' });
    await expect(store.delete('host')).rejects.toMatchObject({ code: 'write-failed' });
    conf.failWrites = false;
    await store.delete('host');
    expect(conf.data).toEqual({});
  });
});
