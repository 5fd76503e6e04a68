import { describe, expect, it } from 'vitest';
import { InMemorySecretBox } from './secret-box';

describe('InMemorySecretBox (the test double of safeStorage)', () => {
  it('round-trips, and the ciphertext is neither the secret nor any plain encoding of it', async () => {
    const box = new InMemorySecretBox();
    const secret = 'P@ss wörd;$(calc)';
    const cipher = await box.encrypt(secret);
    expect(await box.decrypt(cipher)).toBe(secret);
    const decoded = Buffer.from(cipher, 'base64');
    expect(cipher).not.toContain(secret);
    expect(decoded.includes(Buffer.from(secret, 'utf8'))).toBe(false);
    expect(decoded.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
  });

  it('encrypts the same secret differently each time', async () => {
    const box = new InMemorySecretBox();
    expect(await box.encrypt('same')).not.toBe(await box.encrypt('same'));
  });

  it('refuses a tampered ciphertext and one from another instance (another key)', async () => {
    const box = new InMemorySecretBox();
    const cipher = Buffer.from(await box.encrypt('secret'), 'base64');
    cipher[cipher.length - 1] = (cipher[cipher.length - 1] ?? 0) ^ 1;
    await expect(box.decrypt(cipher.toString('base64'))).rejects.toThrow();
    await expect(new InMemorySecretBox().decrypt(await box.encrypt('secret'))).rejects.toThrow();
  });

  it('refuses to work when unavailable', async () => {
    const box = new InMemorySecretBox({ available: false });
    expect(await box.isAvailable()).toBe(false);
    await expect(box.encrypt('x')).rejects.toThrow(/not available/);
  });
});
