// How a host is stored (KeyValueStore key `hosts`): the HostInfo fields plus the secret's ciphertext. The secret
// itself is never stored, and HostInfo (what leaves main) carries only `hasSecret`.
import { z } from 'zod';
import {
  type HostInfo,
  hostAddressSchema,
  hostConnectionSchema,
  hostStatusSchema,
} from '../../../shared/contract/hosts';
import { displayNameSchema, hostIdSchema, timestampSchema } from '../../../shared/contract/primitives';

export const HOSTS_KEY = 'hosts';

/** The lab host's fixed id: there is at most one, and other parts (lab reset, tests) address it by this id. */
export const LAB_HOST_ID = 'lab';

export const hostRecordSchema = z.strictObject({
  id: hostIdSchema,
  displayName: displayNameSchema,
  address: hostAddressSchema,
  connection: hostConnectionSchema,
  /** SecretBox ciphertext (opaque base64); null when no secret is stored. */
  secretCipher: z.string().min(1).nullable(),
  status: hostStatusSchema.nullable(),
  createdAt: timestampSchema,
});
export type HostRecord = z.output<typeof hostRecordSchema>;

export const hostRecordsSchema = z.array(hostRecordSchema);

/** The renderer's view of a record: every field spelled out, so nothing new can leak by accident. */
export function toHostInfo(record: HostRecord): HostInfo {
  return {
    id: record.id,
    displayName: record.displayName,
    address: record.address,
    connection: record.connection,
    hasSecret: record.secretCipher !== null,
    status: record.status,
  };
}
