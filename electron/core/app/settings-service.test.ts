import { describe, expect, it } from 'vitest';
import { AppException } from '../../../shared/contract/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/contract/settings';
import { MemoryKeyValueStore } from '../store/settings-store';
import { SETTINGS_KEY, SettingsService } from './settings-service';

describe('SettingsService', () => {
  it('reads the defaults until a change, merges a patch (one timeout at a time) and tells its listeners', async () => {
    const store = new MemoryKeyValueStore();
    const service = new SettingsService(store);
    const heard: Settings[] = [];
    service.onChange((settings) => heard.push(settings));
    expect(service.current()).toEqual(DEFAULT_SETTINGS);

    const updated = await service.update({ inventoryRefreshSeconds: 60, jobTimeouts: { planSeconds: 30 } });
    expect(updated).toEqual({
      ...DEFAULT_SETTINGS,
      inventoryRefreshSeconds: 60,
      jobTimeouts: { ...DEFAULT_SETTINGS.jobTimeouts, planSeconds: 30 },
    });
    expect(service.current()).toEqual(updated);
    expect(heard).toEqual([updated]);
    // Stored, so a new service over the same store reads it.
    expect(new SettingsService(store).current()).toEqual(updated);
  });

  it('refuses a result outside the schema and changes nothing', async () => {
    const service = new SettingsService(new MemoryKeyValueStore());
    const heard: Settings[] = [];
    service.onChange((settings) => heard.push(settings));
    const error = await service.update({ jobTimeouts: { deleteVmSeconds: 5 } }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppException);
    expect((error as AppException).error.code).toBe('validation_failed');
    expect(service.current()).toEqual(DEFAULT_SETTINGS);
    expect(heard).toEqual([]);
  });

  it('reads a stored value that no longer fits the schema as the defaults', () => {
    const service = new SettingsService(new MemoryKeyValueStore({ [SETTINGS_KEY]: { historyRetentionDays: 'x' } }));
    expect(service.current()).toEqual(DEFAULT_SETTINGS);
  });
});
