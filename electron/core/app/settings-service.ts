// The administrator's settings (retention, refresh interval, job timeouts, notifications) in the KeyValueStore
// under `settings`: defaults until the first change, a patch merged and validated before anything is written,
// listeners told after the write (the inventory takes its new interval and read timeout from there).
import { AppException, appError } from '../../../shared/contract/errors';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, settingsSchema } from '../../../shared/contract/settings';
import { zodErrorToAppError } from '../../../shared/contract/validation';
import { SerialQueue } from '../store/serial-queue';
import type { KeyValueStore } from '../store/settings-store';

export const SETTINGS_KEY = 'settings';

export class SettingsService {
  private readonly writes = new SerialQueue();
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(private readonly store: KeyValueStore) {}

  /** What is in force now. A stored value that no longer fits the schema reads as the defaults. */
  current(): Settings {
    try {
      return this.store.get(SETTINGS_KEY, settingsSchema) ?? DEFAULT_SETTINGS;
    } catch {
      return DEFAULT_SETTINGS;
    }
  }

  /** Applies the fields given; a result outside the schema changes nothing (validation_failed). */
  update(patch: SettingsPatch): Promise<Settings> {
    return this.writes.run(async () => {
      const current = this.current();
      const merged = {
        ...current,
        ...withoutUndefined(patch),
        jobTimeouts: { ...current.jobTimeouts, ...withoutUndefined(patch.jobTimeouts ?? {}) },
      };
      const parsed = settingsSchema.safeParse(merged);
      if (!parsed.success) throw new AppException(zodErrorToAppError(parsed.error, 'validation_failed', 'settings'));
      try {
        await this.store.set(SETTINGS_KEY, settingsSchema, parsed.data);
      } catch (error) {
        throw new AppException(
          appError('store_failed', `The settings could not be saved: ${(error as Error).message}`),
        );
      }
      for (const listener of this.listeners) listener(parsed.data);
      return parsed.data;
    });
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as Partial<T>;
}
