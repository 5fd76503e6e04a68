// Settings and hosts in electron-store (C12), through the core's KeyValueStore (../adapters/conf-key-value-store.ts
// adds the schema checks). Same file as the plain-Node store: <dataDir>/settings.json.
import { ipcMain } from 'electron';
import ElectronStore from 'electron-store';
import type { KeyValueStore } from '../../core/store/settings-store';
import { ConfKeyValueStore } from '../adapters/conf-key-value-store';

/** Throws when the file exists but is not valid JSON: the admin is told, nothing is silently reset. */
export function openElectronKeyValueStore(dataDir: string): KeyValueStore {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd: dataDir,
    name: 'settings',
    // Keys are names ('window.state'), not paths into nested objects.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
  });
  // electron-store answers a synchronous IPC message for stores created in a renderer; this app has none, and
  // the window's page gets no channel but the contract's.
  ipcMain.removeAllListeners('electron-store-get-data');
  return new ConfKeyValueStore(store);
}
