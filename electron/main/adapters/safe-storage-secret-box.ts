// The core's SecretBox over Electron's safeStorage, async API only (the sync one is deprecated in Electron 45):
// the key stays with the OS (DPAPI on Windows, the Keychain on macOS, libsecret/KWallet on Linux). On Linux
// without a keyring safeStorage falls back to `basic_text`, a key hard-coded in Chromium: that protects
// nothing, so the box reports itself unavailable and the core refuses the secret (`secret_unavailable`) rather
// than store a password in what only looks like ciphertext.

import type { SecretBox } from '../../core/hosts/secret-box';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }>;
  /** Linux only: which password store backs the key. */
  getSelectedStorageBackend(): string;
}

export class SafeStorageSecretBox implements SecretBox {
  constructor(
    private readonly storage: SafeStorageLike,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  async isAvailable(): Promise<boolean> {
    if (!(await this.storage.isAsyncEncryptionAvailable())) return false;
    return this.platform !== 'linux' || this.storage.getSelectedStorageBackend() !== 'basic_text';
  }

  async encrypt(plain: string): Promise<string> {
    if (!(await this.isAvailable())) throw new Error('The system secret store is not available.');
    return (await this.storage.encryptStringAsync(plain)).toString('base64');
  }

  async decrypt(cipher: string): Promise<string> {
    const bytes = Buffer.from(cipher, 'base64');
    if (bytes.length === 0) throw new Error('There is no stored secret to decrypt.');
    // `shouldReEncrypt` (a rotated key) is not acted on: the secret stays readable, and the next edit of the
    // host stores it under the new key.
    const { result } = await this.storage.decryptStringAsync(bytes);
    return result;
  }
}
