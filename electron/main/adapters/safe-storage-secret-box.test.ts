import { describe, expect, it } from 'vitest';
import { type SafeStorageLike, SafeStorageSecretBox } from './safe-storage-secret-box';

/** A reversible stand-in for the OS key: enough to show the box stores only what safeStorage produced. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: string } = {},
): SafeStorageLike & { calls: string[] } {
  const calls: string[] = [];
  const mask = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ 0x5a));
  return {
    calls,
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptStringAsync: async (plain) => {
      calls.push('encrypt');
      return Buffer.concat([Buffer.from('v11'), mask(Buffer.from(plain, 'utf8'))]);
    },
    decryptStringAsync: async (encrypted) => {
      calls.push('decrypt');
      if (!encrypted.subarray(0, 3).equals(Buffer.from('v11'))) throw new Error('Error while decrypting');
      return { result: mask(encrypted.subarray(3)).toString('utf8'), shouldReEncrypt: false };
    },
  };
}

describe('the safeStorage secret box', () => {
  it('round-trips a secret through the async API and stores it in no readable form', async () => {
    const storage = fakeSafeStorage();
    const box = new SafeStorageSecretBox(storage, 'win32');
    const cipher = await box.encrypt('P@ss wörd');
    expect(cipher).not.toContain('P@ss');
    expect(Buffer.from(cipher, 'base64').toString('utf8')).not.toContain('P@ss');
    await expect(box.decrypt(cipher)).resolves.toBe('P@ss wörd');
    expect(storage.calls).toEqual(['encrypt', 'decrypt']);
  });

  it('is unavailable when the OS cannot encrypt, and then refuses to encrypt', async () => {
    const storage = fakeSafeStorage({ available: false });
    const box = new SafeStorageSecretBox(storage, 'win32');
    await expect(box.isAvailable()).resolves.toBe(false);
    await expect(box.encrypt('secret')).rejects.toThrow(/not available/);
    expect(storage.calls).toEqual([]);
  });

  it("treats Linux's hard-coded basic_text key as unavailable, but not on other systems", async () => {
    await expect(
      new SafeStorageSecretBox(fakeSafeStorage({ backend: 'basic_text' }), 'linux').isAvailable(),
    ).resolves.toBe(false);
    await expect(
      new SafeStorageSecretBox(fakeSafeStorage({ backend: 'kwallet5' }), 'linux').isAvailable(),
    ).resolves.toBe(true);
    await expect(
      new SafeStorageSecretBox(fakeSafeStorage({ backend: 'basic_text' }), 'darwin').isAvailable(),
    ).resolves.toBe(true);
  });

  it('rejects text that safeStorage did not produce, and an empty cipher', async () => {
    const box = new SafeStorageSecretBox(fakeSafeStorage(), 'win32');
    await expect(box.decrypt(Buffer.from('plain').toString('base64'))).rejects.toThrow();
    await expect(box.decrypt('')).rejects.toThrow();
  });
});
