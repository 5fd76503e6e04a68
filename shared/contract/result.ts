// The envelope every call returns: `{ok: true, value}` or `{ok: false, error}`. Calls never reject across IPC,
// so the renderer handles failures as data, with a code it can act on.
import { z } from 'zod';
import { type AppError, appErrorSchema } from './errors';

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Fail = { readonly ok: false; readonly error: AppError };
export type Result<T> = Ok<T> | Fail;

/** The zod schema of the envelope around a value schema. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.strictObject({ ok: z.literal(true), value }),
    z.strictObject({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function fail(error: AppError): Fail {
  return { ok: false, error };
}
