// Hosts (C1): add, edit, remove and test host records kept in the KeyValueStore. A secret arrives in plain text
// only in add/update/test arguments, is encrypted at once with the SecretBox, and is stored as ciphertext only;
// what leaves this service (HostInfo, events, errors) says `hasSecret` and nothing more. Writes are queued, so two
// edits never overwrite each other, and each one is validated before the store is touched: a refused or failed
// write leaves the stored hosts exactly as they were.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { ChannelArgs } from '../../../shared/contract/api';
import { AppException, appError, isAppException } from '../../../shared/contract/errors';
import {
  type HostDraft,
  type HostInfo,
  type HostStatus,
  type HostTestResult,
  type HostUpdate,
  hostDraftSchema,
  hostUpdateSchema,
} from '../../../shared/contract/hosts';
import { zodErrorToAppError } from '../../../shared/contract/validation';
import type { Clock, EventSink } from '../ports';
import { SerialQueue } from '../store/serial-queue';
import type { KeyValueStore } from '../store/settings-store';
import type { ResolvedHost } from './bundle-port';
import { assertConnectable, type ConnectionEnvironment } from './host-connection';
import { HOSTS_KEY, type HostRecord, hostRecordsSchema, LAB_HOST_ID, toHostInfo } from './host-record';
import { assertNameFree, assertSecretFits, validationError } from './host-rules';
import type { SecretBox } from './secret-box';
import { type InventoryReadOutcome, sameStatus, statusFromRead } from './status-from-read';

/** Runs "Test connection" against a resolved host (test-connection.ts). */
export interface ConnectionTester {
  test(host: ResolvedHost, signal?: AbortSignal): Promise<HostTestResult>;
}

export interface HostServiceOptions {
  store: KeyValueStore;
  secrets: SecretBox;
  events: EventSink;
  tester: ConnectionTester;
  /** True while the host has queued or running jobs: it cannot be removed then. */
  hasActiveJobs: (hostId: string) => boolean;
  /** Only the SSH/WinRM settings are used here, to check that an address suits its transport. */
  connectionEnv: ConnectionEnvironment;
  clock?: Clock;
  newId?: () => string;
}

export const LAB_DISPLAY_NAME = 'Lab host (simulated)';
const LAB_ADDRESS = 'lab.local';

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppException(zodErrorToAppError(parsed.error, 'validation_failed', what));
  return parsed.data;
}

function notFound(hostId: string): AppException {
  return new AppException(appError('host_not_found', `No host with id '${hostId}'.`, { hostId }));
}

export class HostService {
  private readonly writes = new SerialQueue();
  private readonly clock: Clock;
  private readonly newId: () => string;

  constructor(private readonly options: HostServiceOptions) {
    this.clock = options.clock ?? { now: () => Date.now() };
    this.newId = options.newId ?? (() => `h-${randomUUID()}`);
  }

  list(): HostInfo[] {
    return this.records().map(toHostInfo);
  }

  get(hostId: string): HostInfo {
    return toHostInfo(this.record(hostId));
  }

  /** With no host configured the app offers the lab host (C11); the UI asks, addLab() adds it. */
  offerLab(): boolean {
    return this.records().length === 0;
  }

  /** Adds the lab host; when there is one already, returns it (there is never more than one). */
  addLab(displayName: string = LAB_DISPLAY_NAME): Promise<HostInfo> {
    return this.mutate(async (records) => {
      const existing = records.find((record) => record.connection.transport === 'lab');
      if (existing) return { records, info: toHostInfo(existing) };
      assertNameFree(records, displayName, null);
      const record = this.newRecord(
        LAB_HOST_ID,
        { displayName, address: LAB_ADDRESS, connection: { transport: 'lab' } },
        null,
      );
      return { records: [...records, record], info: toHostInfo(record) };
    });
  }

  async add(input: HostDraft): Promise<HostInfo> {
    const draft = parse(hostDraftSchema, input, 'host');
    return this.mutate(async (records) => {
      this.checkDraft(draft.address, draft.connection, draft.secret !== undefined);
      assertNameFree(records, draft.displayName, null);
      if (draft.connection.transport === 'lab' && records.some((record) => record.connection.transport === 'lab')) {
        throw validationError('connection.transport', 'there is already a lab host');
      }
      const id = draft.connection.transport === 'lab' ? LAB_HOST_ID : this.newId();
      const cipher = draft.secret === undefined ? null : await this.encrypt(draft.secret);
      const record = this.newRecord(id, draft, cipher);
      return { records: [...records, record], info: toHostInfo(record) };
    });
  }

  async update(input: HostUpdate): Promise<HostInfo> {
    const update = parse(hostUpdateSchema, input, 'host update');
    return this.mutate(async (records) => {
      const current = records.find((record) => record.id === update.id);
      if (!current) throw notFound(update.id);
      const connection = update.connection ?? current.connection;
      const address = update.address ?? current.address;
      if ((connection.transport === 'lab') !== (current.connection.transport === 'lab')) {
        throw validationError(
          'connection.transport',
          'the lab host cannot become another transport, nor another host the lab',
        );
      }
      // A secret belongs to its transport: a host that moves to one without secrets forgets it.
      const keptCipher = connection.transport === 'winrm' && update.clearSecret !== true ? current.secretCipher : null;
      this.checkDraft(address, connection, update.secret !== undefined || keptCipher !== null);
      const displayName = update.displayName ?? current.displayName;
      assertNameFree(records, displayName, current.id);
      const secretCipher = update.secret === undefined ? keptCipher : await this.encrypt(update.secret);
      const reachChanged =
        address !== current.address || JSON.stringify(connection) !== JSON.stringify(current.connection);
      const next: HostRecord = {
        ...current,
        displayName,
        address,
        connection,
        secretCipher,
        // What a test learned about the old address or transport says nothing about the new one.
        status: reachChanged ? null : current.status,
      };
      return { records: records.map((record) => (record.id === next.id ? next : record)), info: toHostInfo(next) };
    });
  }

  remove(hostId: string): Promise<{ hostId: string }> {
    return this.mutate(async (records) => {
      if (!records.some((record) => record.id === hostId)) throw notFound(hostId);
      if (this.options.hasActiveJobs(hostId)) {
        throw new AppException(
          appError('host_in_use', 'The host has queued or running jobs; wait for them or cancel them first.', {
            hostId,
          }),
        );
      }
      return { records: records.filter((record) => record.id !== hostId), info: { hostId } };
    });
  }

  /** The host with its secret decrypted, for one run. Never let the result reach a log, an event or an error. */
  async resolve(hostId: string): Promise<ResolvedHost> {
    const record = this.record(hostId);
    const secret = record.secretCipher === null ? null : await this.decrypt(record);
    return {
      id: record.id,
      displayName: record.displayName,
      address: record.address,
      connection: record.connection,
      secret,
    };
  }

  /** "Test connection" of a saved host (its status is stored and announced) or of the Add/Edit dialog's draft. */
  async test(args: ChannelArgs<'hosts.test'>): Promise<HostTestResult> {
    if (args.kind === 'saved') {
      const result = await this.options.tester.test(await this.resolve(args.hostId));
      await this.recordStatus(args.hostId, result.status);
      return result;
    }
    const draft = parse(hostDraftSchema, args.host, 'host');
    const secret =
      draft.secret ?? (args.useSecretOf === undefined ? null : (await this.resolve(args.useSecretOf)).secret);
    this.checkDraft(draft.address, draft.connection, secret !== null);
    const host: ResolvedHost = {
      id: args.useSecretOf ?? 'draft',
      displayName: draft.displayName,
      address: draft.address,
      connection: draft.connection,
      secret,
    };
    return this.options.tester.test(host);
  }

  /** Stores what a connection test or an inventory read learned; a host removed meanwhile is ignored. */
  async recordStatus(hostId: string, status: HostStatus): Promise<void> {
    await this.mutate(async (records) => {
      if (!records.some((record) => record.id === hostId)) return { records, info: undefined };
      return {
        records: records.map((record) => (record.id === hostId ? { ...record, status } : record)),
        info: undefined,
      };
    });
  }

  /** What an inventory read learned about the host; written and announced only when it changed. */
  async recordReadStatus(hostId: string, read: InventoryReadOutcome): Promise<void> {
    await this.mutate(async (records) => {
      const current = records.find((record) => record.id === hostId);
      if (!current) return { records, info: undefined };
      const status = statusFromRead(current.status, read, new Date(this.clock.now()).toISOString());
      if (sameStatus(current.status, status)) return { records, info: undefined };
      return {
        records: records.map((record) => (record.id === hostId ? { ...record, status } : record)),
        info: undefined,
      };
    });
  }

  private checkDraft(address: string, connection: HostRecord['connection'], hasSecret: boolean): void {
    assertSecretFits(connection, hasSecret);
    assertConnectable(address, connection, this.options.connectionEnv);
  }

  private newRecord(
    id: string,
    draft: Pick<HostRecord, 'displayName' | 'address' | 'connection'>,
    secretCipher: string | null,
  ): HostRecord {
    return {
      id,
      displayName: draft.displayName,
      address: draft.address,
      connection: draft.connection,
      secretCipher,
      status: null,
      createdAt: new Date(this.clock.now()).toISOString(),
    };
  }

  /** One read-change-write of the host list, queued behind the others; events only after the write succeeded. */
  private mutate<T>(change: (records: HostRecord[]) => Promise<{ records: HostRecord[]; info: T }>): Promise<T> {
    return this.writes.run(async () => {
      const before = this.records();
      const { records, info } = await change(before);
      if (records !== before) {
        try {
          await this.options.store.set(HOSTS_KEY, hostRecordsSchema, records);
        } catch (error) {
          throw new AppException(
            appError('store_failed', `The host list could not be saved: ${(error as Error).message}`),
          );
        }
        this.options.events.emit('hosts.changed', { hosts: records.map(toHostInfo) });
      }
      return info;
    });
  }

  private records(): HostRecord[] {
    try {
      return this.options.store.get(HOSTS_KEY, hostRecordsSchema) ?? [];
    } catch (error) {
      throw new AppException(appError('store_failed', `The host list could not be read: ${(error as Error).message}`));
    }
  }

  private record(hostId: string): HostRecord {
    const record = this.records().find((candidate) => candidate.id === hostId);
    if (!record) throw notFound(hostId);
    return record;
  }

  private async encrypt(secret: string): Promise<string> {
    const unavailable = appError('secret_unavailable', "The system's secret store cannot encrypt the secret now.");
    if (!(await this.options.secrets.isAvailable().catch(() => false))) throw new AppException(unavailable);
    try {
      return await this.options.secrets.encrypt(secret);
    } catch {
      throw new AppException(unavailable);
    }
  }

  private async decrypt(record: HostRecord): Promise<string> {
    try {
      return await this.options.secrets.decrypt(record.secretCipher ?? '');
    } catch (error) {
      if (isAppException(error)) throw error;
      // The underlying message is not passed on: it could quote what it failed to read.
      throw new AppException(
        appError(
          'secret_unavailable',
          `The stored secret of host '${record.displayName}' cannot be decrypted on this workstation now; enter it again.`,
          { hostId: record.id },
        ),
      );
    }
  }
}
