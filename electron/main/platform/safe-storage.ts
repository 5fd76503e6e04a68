// Host secrets encrypted with the OS's key through safeStorage's async API (../adapters/safe-storage-secret-box.ts).
import { safeStorage } from 'electron';
import type { SecretBox } from '../../core/hosts/secret-box';
import { SafeStorageSecretBox } from '../adapters/safe-storage-secret-box';

export function createSafeStorageSecretBox(): SecretBox {
  return new SafeStorageSecretBox(safeStorage);
}
