// Typed failures of the persistence layer. Callers branch on `code`, never on message text; the IPC layer maps
// these onto the contract's error codes.

export type StoreErrorCode =
  /** A method was called before load() finished or after close(). */
  | 'not-open'
  /** An earlier write failed; the store stops accepting writes until it is reopened (see ADR 0005). */
  | 'write-failed'
  /** A record or value did not pass its schema; nothing was changed. */
  | 'invalid-value'
  /** patch() named a record that does not exist. */
  | 'not-found'
  /** A file that is only ever replaced atomically failed its checksum or did not parse. */
  | 'corrupt-file'
  /** An id that would not make a safe file name, or a range that makes no sense. */
  | 'invalid-argument';

export class StoreError extends Error {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
    this.code = code;
  }
}
