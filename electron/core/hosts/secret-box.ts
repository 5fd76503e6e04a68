// Host secrets (a WinRM password) are stored only as ciphertext. Main implements SecretBox over Electron's
// safeStorage (the async API: the OS keychain / DPAPI key never leaves the OS); the core only sees this interface,
// so it never imports 'electron' and tests use the double below.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SecretBox {
  /** False when the OS cannot encrypt now (no keyring on Linux, a locked keychain): secrets are then refused. */
  isAvailable(): Promise<boolean>;
  /** Opaque base64 text; encrypting the same secret twice may give different text. */
  encrypt(plain: string): Promise<string>;
  /** Rejects when the text was not produced by this box (tampered, or another machine's key). */
  decrypt(cipher: string): Promise<string>;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * A test double that really encrypts: AES-256-GCM under a random key that lives only in this instance, so a test
 * can show that what is stored is not the secret in any encoding, and that another instance cannot read it.
 */
export class InMemorySecretBox implements SecretBox {
  private readonly key = randomBytes(32);
  available: boolean;

  constructor(options: { available?: boolean } = {}) {
    this.available = options.available ?? true;
  }

  async isAvailable(): Promise<boolean> {
    return this.available;
  }

  async encrypt(plain: string): Promise<string> {
    this.assertAvailable();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  async decrypt(text: string): Promise<string> {
    this.assertAvailable();
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('not a ciphertext of this secret box');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  }

  private assertAvailable(): void {
    if (!this.available) throw new Error('encryption is not available');
  }
}
