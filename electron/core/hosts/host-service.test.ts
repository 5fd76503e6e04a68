import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract/api';
import { type AppError, AppException } from '../../../shared/contract/errors';
import type { HostDraft, HostStatus, HostTestResult } from '../../../shared/contract/hosts';
import type { EventSink } from '../ports';
import { FileKeyValueStore, MemoryKeyValueStore } from '../store/settings-store';
import { connectionEnv } from './__fixtures__/support';
import type { ResolvedHost } from './bundle-port';
import { HOSTS_KEY, hostRecordsSchema, LAB_HOST_ID } from './host-record';
import { type ConnectionTester, HostService } from './host-service';
import { InMemorySecretBox } from './secret-box';

const SECRET = 'Tr0ub4dor&3;$(rm -rf /)`"';

class RecordingSink implements EventSink {
  readonly events: { name: string; payload: unknown }[] = [];
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    this.events.push({ name, payload });
  }
}

function okStatus(): HostStatus {
  return {
    reachable: true,
    lastChecked: '2024-05-01T10:00:00.000Z',
    psEdition: 'Desktop',
    psVersion: '5.1',
    hyperVModule: true,
    clusterName: null,
    error: null,
  };
}

class FakeTester implements ConnectionTester {
  readonly seen: ResolvedHost[] = [];
  async test(host: ResolvedHost): Promise<HostTestResult> {
    this.seen.push(host);
    return { status: okStatus(), computerName: 'HV01', hyperVModuleVersion: '2.0.0', durationMs: 5 };
  }
}

const winrmDraft = (overrides: Partial<HostDraft> = {}): HostDraft => ({
  displayName: 'HV01',
  address: 'hv01.contoso.local',
  connection: { transport: 'winrm', useSsl: true, username: 'CONTOSO\\admin' },
  secret: SECRET,
  ...overrides,
});

async function caught(promise: Promise<unknown> | (() => unknown)): Promise<AppError> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    expect(error).toBeInstanceOf(AppException);
    return (error as AppException).error;
  }
  throw new Error('expected a rejection');
}

/** The secret in every form a careless write could leave it in. */
function secretForms(secret: string): string[] {
  return [
    secret,
    Buffer.from(secret, 'utf8').toString('base64'),
    Buffer.from(secret, 'utf16le').toString('base64'),
    JSON.stringify(secret).slice(1, -1),
  ];
}

function expectNoSecret(text: string): void {
  for (const form of secretForms(SECRET)) expect(text).not.toContain(form);
  expect(Buffer.from(text, 'utf8').includes(Buffer.from(SECRET, 'utf16le'))).toBe(false);
}

let dir = '';
let store: FileKeyValueStore;
let sink: RecordingSink;
let tester: FakeTester;
let secrets: InMemorySecretBox;
let activeJobs: Set<string>;
let failWrites = false;

function service(overrides: { secrets?: InMemorySecretBox } = {}): HostService {
  return new HostService({
    store,
    secrets: overrides.secrets ?? secrets,
    events: sink,
    tester,
    hasActiveJobs: (hostId) => activeJobs.has(hostId),
    connectionEnv: connectionEnv(),
    clock: { now: () => Date.parse('2024-05-01T09:00:00.000Z') },
  });
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hosts-service-'));
  failWrites = false;
  store = new FileKeyValueStore({
    path: join(dir, 'settings.json'),
    sync: false,
    writeFile: async (path, data, options) => {
      if (failWrites) throw new Error('disk full');
      const { writeFileAtomic } = await import('../store/atomic-file');
      await writeFileAtomic(path, data, options);
    },
  });
  await store.load();
  sink = new RecordingSink();
  tester = new FakeTester();
  secrets = new InMemorySecretBox();
  activeJobs = new Set();
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('HostService: secrets', () => {
  it('stores only ciphertext: not in HostInfo, the raw store file, events or errors, in any encoding', async () => {
    const hosts = service();
    const info = await hosts.add(winrmDraft());
    expect(info.hasSecret).toBe(true);
    expectNoSecret(JSON.stringify(info));
    expectNoSecret(JSON.stringify(hosts.list()));
    expectNoSecret(readFileSync(join(dir, 'settings.json'), 'utf8'));
    expectNoSecret(JSON.stringify(sink.events));
    expect(sink.events.map((event) => event.name)).toEqual(['hosts.changed']);
    // Errors about a call that carried the secret do not quote it.
    expectNoSecret(JSON.stringify(await caught(hosts.add(winrmDraft()))));
    expectNoSecret(
      JSON.stringify(await caught(hosts.add(winrmDraft({ displayName: 'L', connection: { transport: 'local' } })))),
    );
    expectNoSecret(
      JSON.stringify(await caught(hosts.add(winrmDraft({ displayName: 'X', secret: `${SECRET}${'x'.repeat(5000)}` })))),
    );
    // ...and main can still read it back for a run.
    expect((await hosts.resolve(info.id)).secret).toBe(SECRET);
  });

  it('keeps the stored secret when an update does not touch it, replaces or clears it on request', async () => {
    const hosts = service();
    const { id } = await hosts.add(winrmDraft());
    await hosts.update({ id, displayName: 'HV01 renamed' });
    expect((await hosts.resolve(id)).secret).toBe(SECRET);
    await hosts.update({ id, secret: 'new-password' });
    expect((await hosts.resolve(id)).secret).toBe('new-password');
    const cleared = await hosts.update({
      id,
      connection: { transport: 'winrm', useSsl: true },
      clearSecret: true,
    });
    expect(cleared.hasSecret).toBe(false);
    expect((await hosts.resolve(id)).secret).toBeNull();
  });

  it('forgets the secret when the host moves to a transport without one', async () => {
    const hosts = service();
    const { id } = await hosts.add(winrmDraft());
    const moved = await hosts.update({ id, connection: { transport: 'ssh', username: 'admin' } });
    expect(moved.hasSecret).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8')).hosts[0].secretCipher).toBeNull();
  });

  it('refuses a secret when the secret store is unavailable, and cannot read one stored under another key', async () => {
    const unavailable = service({ secrets: new InMemorySecretBox({ available: false }) });
    expect((await caught(unavailable.add(winrmDraft()))).code).toBe('secret_unavailable');
    expect(unavailable.list()).toEqual([]);
    const { id } = await service().add(winrmDraft());
    const otherMachine = service({ secrets: new InMemorySecretBox() });
    const error = await caught(otherMachine.resolve(id));
    expect(error).toMatchObject({ code: 'secret_unavailable', details: { hostId: id } });
  });
});

describe('HostService: validation', () => {
  it('refuses bad drafts with typed errors naming the field, and stores nothing', async () => {
    const hosts = service();
    const cases: [HostDraft, string][] = [
      [winrmDraft({ address: 'hv01; rm -rf /' }), 'address'],
      [winrmDraft({ address: '-oProxyCommand=calc' }), 'address'],
      [winrmDraft({ displayName: '   ' }), 'displayName'],
      [winrmDraft({ secret: undefined }), 'secret'], // a WinRM user name needs its password
      [winrmDraft({ connection: { transport: 'winrm', useSsl: false } }), 'connection.username'],
      [winrmDraft({ connection: { transport: 'ssh', username: 'admin' } }), 'secret'],
      [winrmDraft({ connection: { transport: 'local' } }), 'secret'],
    ];
    for (const [draft, path] of cases) {
      const error = await caught(hosts.add(draft));
      expect(error.code).toBe('validation_failed');
      expect(error.details?.issues?.[0]?.path).toBe(path);
    }
    // The SSH target schema is narrower than the contract: a user that reads as an ssh option is refused.
    const sshUser = await caught(
      hosts.add({ displayName: 'S', address: 'hv02', connection: { transport: 'ssh', username: '-oProxyCommand=x' } }),
    );
    expect(sshUser.code).toBe('validation_failed');
    expect(hosts.list()).toEqual([]);
    expect(sink.events).toEqual([]);
  });

  it('refuses duplicate display names (case and surrounding blanks ignored), on add and on rename', async () => {
    const hosts = service();
    const first = await hosts.add(winrmDraft());
    const second = await hosts.add({ displayName: 'HV02', address: 'hv02', connection: { transport: 'local' } });
    expect((await caught(hosts.add({ ...winrmDraft(), displayName: ' hv01 ' }))).details?.issues?.[0]?.path).toBe(
      'displayName',
    );
    expect((await caught(hosts.update({ id: second.id, displayName: 'Hv01' }))).code).toBe('validation_failed');
    await expect(hosts.update({ id: first.id, displayName: 'HV01' })).resolves.toMatchObject({ displayName: 'HV01' });
  });

  it('answers host_not_found for an unknown id', async () => {
    const hosts = service();
    expect((await caught(() => hosts.get('nope'))).code).toBe('host_not_found');
    expect((await caught(hosts.update({ id: 'nope', displayName: 'x' }))).code).toBe('host_not_found');
    expect((await caught(hosts.remove('nope'))).code).toBe('host_not_found');
    expect((await caught(hosts.resolve('nope'))).code).toBe('host_not_found');
  });

  it('a failed store write changes nothing: not the file, not the list, no event', async () => {
    const hosts = service();
    const kept = await hosts.add(winrmDraft());
    const fileBefore = readFileSync(join(dir, 'settings.json'), 'utf8');
    const eventsBefore = sink.events.length;
    failWrites = true;
    expect((await caught(hosts.add({ displayName: 'B', address: 'b', connection: { transport: 'local' } }))).code).toBe(
      'store_failed',
    );
    expect((await caught(hosts.update({ id: kept.id, displayName: 'renamed' }))).code).toBe('store_failed');
    expect((await caught(hosts.remove(kept.id))).code).toBe('store_failed');
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe(fileBefore);
    expect(hosts.list()).toEqual([kept]);
    expect(sink.events.length).toBe(eventsBefore);
    failWrites = false;
    await expect(hosts.update({ id: kept.id, displayName: 'renamed' })).resolves.toMatchObject({
      displayName: 'renamed',
    });
  });

  it('keeps every host when adds race (writes are queued)', async () => {
    const hosts = service();
    await Promise.all(
      ['a', 'b', 'c', 'd'].map((name) =>
        hosts.add({ displayName: name, address: name, connection: { transport: 'local' } }),
      ),
    );
    expect(
      hosts
        .list()
        .map((host) => host.displayName)
        .sort(),
    ).toEqual(['a', 'b', 'c', 'd']);
    expect(store.get(HOSTS_KEY, hostRecordsSchema)).toHaveLength(4);
  });

  it('resets the status when the address or connection changes, keeps it on a rename', async () => {
    const hosts = service();
    const { id } = await hosts.add({ displayName: 'A', address: 'a', connection: { transport: 'local' } });
    await hosts.test({ kind: 'saved', hostId: id });
    expect(hosts.get(id).status).toEqual(okStatus());
    await hosts.update({ id, displayName: 'A2' });
    expect(hosts.get(id).status).toEqual(okStatus());
    await hosts.update({ id, address: 'b' });
    expect(hosts.get(id).status).toBeNull();
  });
});

describe('HostService: remove', () => {
  it('refuses to remove a host with active jobs, then removes it once they are done', async () => {
    const hosts = service();
    const { id } = await hosts.add(winrmDraft());
    activeJobs.add(id);
    expect(await caught(hosts.remove(id))).toMatchObject({ code: 'host_in_use', details: { hostId: id } });
    expect(hosts.list()).toHaveLength(1);
    activeJobs.clear();
    await expect(hosts.remove(id)).resolves.toEqual({ hostId: id });
    expect(hosts.list()).toEqual([]);
    expect(sink.events.at(-1)).toEqual({ name: 'hosts.changed', payload: { hosts: [] } });
  });
});

describe('HostService: the lab host', () => {
  it('is offered when no host is configured, added once under its fixed id, and never twice', async () => {
    const hosts = service();
    expect(hosts.list()).toEqual([]);
    expect(hosts.offerLab()).toBe(true);
    const lab = await hosts.addLab();
    expect(lab).toMatchObject({ id: LAB_HOST_ID, connection: { transport: 'lab' }, hasSecret: false });
    expect(hosts.offerLab()).toBe(false);
    expect(await hosts.addLab()).toEqual(lab);
    expect(hosts.list()).toHaveLength(1);
    const second = await caught(hosts.add({ displayName: 'Lab 2', address: 'lab2', connection: { transport: 'lab' } }));
    expect(second.code).toBe('validation_failed');
    const retransport = await caught(hosts.update({ id: LAB_HOST_ID, connection: { transport: 'local' } }));
    expect(retransport.code).toBe('validation_failed');
  });

  it('is not offered once any host exists', async () => {
    const hosts = service();
    await hosts.add({ displayName: 'A', address: 'a', connection: { transport: 'local' } });
    expect(hosts.offerLab()).toBe(false);
  });
});

describe('HostService: test connection', () => {
  it('tests a saved host with its decrypted secret, stores and announces the status', async () => {
    const hosts = service();
    const { id } = await hosts.add(winrmDraft());
    const result = await hosts.test({ kind: 'saved', hostId: id });
    expect(result.computerName).toBe('HV01');
    expect(tester.seen[0]?.secret).toBe(SECRET);
    expect(hosts.get(id).status).toEqual(okStatus());
    expect(sink.events.at(-1)?.name).toBe('hosts.changed');
    expectNoSecret(JSON.stringify(sink.events));
  });

  it("tests a draft with its own secret, or with a saved host's secret (useSecretOf), storing nothing", async () => {
    const hosts = service();
    const { id } = await hosts.add(winrmDraft());
    const events = sink.events.length;
    await hosts.test({ kind: 'draft', host: winrmDraft({ secret: 'typed-now' }) });
    await hosts.test({ kind: 'draft', host: winrmDraft({ secret: undefined, address: 'hv01b' }), useSecretOf: id });
    expect(tester.seen.map((host) => host.secret)).toEqual(['typed-now', SECRET]);
    expect(tester.seen[1]?.address).toBe('hv01b');
    expect(sink.events.length).toBe(events);
    expect((await caught(hosts.test({ kind: 'draft', host: winrmDraft({ secret: undefined }) }))).code).toBe(
      'validation_failed',
    );
  });

  it('works over the in-memory store too', async () => {
    const hosts = new HostService({
      store: new MemoryKeyValueStore(),
      secrets,
      events: sink,
      tester,
      hasActiveJobs: () => false,
      connectionEnv: connectionEnv(),
    });
    const info = await hosts.add(winrmDraft());
    expect(hosts.get(info.id).hasSecret).toBe(true);
  });
});

describe('host status from inventory reads', () => {
  it('records what a read learned and announces it only when it changed', async () => {
    const hosts = service();
    const added = await hosts.add(winrmDraft());
    const facts = {
      computerName: 'HV01',
      osCaption: null,
      osVersion: null,
      psEdition: 'Desktop',
      psVersion: '5.1',
      hyperVModulePresent: true,
      hyperVModuleVersion: null,
      logicalProcessorCount: null,
      memoryCapacityBytes: null,
      clusterName: null,
      virtualMachinePath: null,
      virtualHardDiskPath: null,
      csvRoots: [],
    };
    const announced = () => sink.events.filter((event) => event.name === 'hosts.changed').length;
    const before = announced();
    await hosts.recordReadStatus(added.id, { ok: true, facts });
    expect(hosts.get(added.id).status).toMatchObject({ reachable: true, psVersion: '5.1', hyperVModule: true });
    expect(announced()).toBe(before + 1);
    await hosts.recordReadStatus(added.id, { ok: true, facts });
    expect(announced()).toBe(before + 1);
    await hosts.recordReadStatus(added.id, {
      ok: false,
      error: { code: 'host_unreachable', message: 'no answer', details: { hostId: added.id } },
    });
    expect(hosts.get(added.id).status).toMatchObject({ reachable: false, psVersion: '5.1' });
    expect(announced()).toBe(before + 2);
  });
});
