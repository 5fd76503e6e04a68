// The core's KeyValueStore (settings and hosts) over electron-store. electron-store (conf) writes its JSON file
// atomically and synchronously; this adapter adds what the core's contract asks for and conf does not do:
// every value is checked against its zod schema on the way in (an invalid value changes nothing) and on the
// way out (a stored value that no longer fits throws rather than reading as "unset", which a later write
// would turn into data loss). Same rules as FileKeyValueStore in electron/core/store/settings-store.ts.
import type { z } from 'zod';
import type { KeyValueStore } from '../../core/store/settings-store';
import { StoreError } from '../../core/store/store-error';

/** The part of electron-store (conf) used here; keys are plain names (dot notation off). */
export interface ConfLike {
  has(key: string): boolean;
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}

export class ConfKeyValueStore implements KeyValueStore {
  constructor(private readonly conf: ConfLike) {}

  get<T>(key: string, schema: z.ZodType<T>): T | undefined {
    if (!this.conf.has(key)) return undefined;
    const parsed = schema.safeParse(structuredClone(this.conf.get(key)));
    if (!parsed.success) {
      throw new StoreError('invalid-value', `Stored setting ${key} no longer matches its schema.`, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  async set<T>(key: string, schema: z.ZodType<T>, value: T): Promise<void> {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      throw new StoreError('invalid-value', `Setting ${key} rejected: ${parsed.error.message}`, {
        cause: parsed.error,
      });
    }
    // Stored as plain JSON (what the file will hold), so a later get parses exactly what a restart would read.
    const json = JSON.stringify(parsed.data);
    if (json === undefined) throw new StoreError('invalid-value', `Setting ${key} is not a JSON value.`);
    this.write(key, () => this.conf.set(key, JSON.parse(json)));
  }

  async delete(key: string): Promise<void> {
    this.write(key, () => this.conf.delete(key));
  }

  private write(key: string, change: () => void): void {
    try {
      change();
    } catch (error) {
      throw new StoreError('write-failed', `Setting ${key} could not be written: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
