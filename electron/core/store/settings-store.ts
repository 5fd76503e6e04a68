// Settings and hosts live behind KeyValueStore: JSON values under string keys, each read and written through a
// zod schema. Main implements it over electron-store; this file has the file-backed implementation used under
// plain Node (tests, the e2e harness) and the in-memory one for unit tests.
//
// A write never loses what is already stored: a value that fails its schema is refused before anything
// changes, and the file is replaced atomically, so a failed write leaves the old file and the old memory.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { type AtomicFileWriter, removeStaleTemps, writeFileAtomic } from './atomic-file';
import { readIfExists } from './file-io';
import { SerialQueue } from './serial-queue';
import { StoreError } from './store-error';

export interface KeyValueStore {
  /**
   * The value under `key`, or undefined when there is none. A stored value that fails `schema` throws
   * `invalid-value` rather than passing for "unset" (which a later write would turn into data loss).
   */
  get<T>(key: string, schema: z.ZodType<T>): T | undefined;
  /** Validates, then stores durably. An invalid value throws `invalid-value` and changes nothing. */
  set<T>(key: string, schema: z.ZodType<T>, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

type JsonObject = Record<string, unknown>;

/** Checks `value` against `schema` and returns the JSON form that will be stored. */
function toStoredJson<T>(key: string, schema: z.ZodType<T>, value: T): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new StoreError('invalid-value', `Setting ${key} rejected: ${parsed.error.message}`, { cause: parsed.error });
  }
  const json = JSON.stringify(parsed.data);
  if (json === undefined) throw new StoreError('invalid-value', `Setting ${key} is not a JSON value.`);
  return JSON.parse(json);
}

function readStored<T>(data: JsonObject, key: string, schema: z.ZodType<T>): T | undefined {
  if (!Object.hasOwn(data, key)) return undefined;
  const parsed = schema.safeParse(structuredClone(data[key]));
  if (!parsed.success) {
    throw new StoreError('invalid-value', `Stored setting ${key} no longer matches its schema.`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

export class MemoryKeyValueStore implements KeyValueStore {
  private data: JsonObject;

  constructor(initial: JsonObject = {}) {
    this.data = structuredClone(initial);
  }

  get<T>(key: string, schema: z.ZodType<T>): T | undefined {
    return readStored(this.data, key, schema);
  }

  async set<T>(key: string, schema: z.ZodType<T>, value: T): Promise<void> {
    this.data = { ...this.data, [key]: toStoredJson(key, schema, value) };
  }

  async delete(key: string): Promise<void> {
    const { [key]: _removed, ...rest } = this.data;
    this.data = rest;
  }
}

export interface FileKeyValueStoreOptions {
  /** The JSON file holding every key. */
  readonly path: string;
  /** fsync on every write (default true). */
  readonly sync?: boolean;
  /** Replaces the file; injectable so tests can make a write fail. */
  readonly writeFile?: AtomicFileWriter;
}

export class FileKeyValueStore implements KeyValueStore {
  private data: JsonObject | undefined;
  private readonly writes = new SerialQueue();

  constructor(private readonly options: FileKeyValueStoreOptions) {}

  /** Reads the file (a missing file is an empty store; an unreadable one throws `corrupt-file`). */
  async load(): Promise<void> {
    await mkdir(dirname(this.options.path), { recursive: true });
    await removeStaleTemps(this.options.path);
    const content = await readIfExists(this.options.path);
    if (content === undefined) {
      this.data = {};
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(content.toString('utf8'));
    } catch (error) {
      throw new StoreError('corrupt-file', `Settings file ${this.options.path} is not valid JSON.`, { cause: error });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new StoreError('corrupt-file', `Settings file ${this.options.path} does not hold a JSON object.`);
    }
    this.data = parsed as JsonObject;
  }

  get<T>(key: string, schema: z.ZodType<T>): T | undefined {
    return readStored(this.loaded(), key, schema);
  }

  async set<T>(key: string, schema: z.ZodType<T>, value: T): Promise<void> {
    this.loaded();
    const stored = toStoredJson(key, schema, value);
    await this.replace((data) => ({ ...data, [key]: stored }));
  }

  async delete(key: string): Promise<void> {
    this.loaded();
    await this.replace((data) => {
      const { [key]: _removed, ...rest } = data;
      return rest;
    });
  }

  /** Writes are queued so each builds on the last committed state; memory changes only after the file did. */
  private replace(change: (data: JsonObject) => JsonObject): Promise<void> {
    return this.writes.run(async () => {
      const next = change(this.loaded());
      const writeFile = this.options.writeFile ?? writeFileAtomic;
      await writeFile(this.options.path, `${JSON.stringify(next, null, 2)}\n`, { sync: this.options.sync ?? true });
      this.data = next;
    });
  }

  private loaded(): JsonObject {
    if (!this.data) throw new StoreError('not-open', 'The settings store is not loaded (call load()).');
    return this.data;
  }
}
