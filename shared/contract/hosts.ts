// Hosts (C1): how to reach a Hyper-V host, and what a connection test found. A host's secret (password or key
// passphrase) travels only renderer -> main, in the write-only `secret` field of add/update/test; results
// carry `hasSecret`, a flag, and nothing else about it.
import { z } from 'zod';
import { appErrorSchema } from './errors';
import {
  displayNameSchema,
  hostIdSchema,
  hostNameTextSchema,
  pathSchema,
  shortTextSchema,
  timestampSchema,
} from './primitives';

export const TRANSPORTS = ['winrm', 'ssh', 'local', 'lab'] as const;
export const transportSchema = z.enum(TRANSPORTS);
export type Transport = z.output<typeof transportSchema>;

export const WINRM_AUTHENTICATIONS = ['negotiate', 'kerberos', 'credssp', 'basic'] as const;

/** A DNS name, IPv4 or IPv6 address (brackets and zone ids allowed); it goes to -ComputerName/-HostName as a
 *  parameter value, and the narrow alphabet keeps it from ever reading as an option or command. */
export const hostAddressSchema = z
  .string()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9[\]][A-Za-z0-9_.:%[\]-]*$/, 'must be a host name or an IP address');

const portSchema = z.int().min(1).max(65_535);
/** `DOMAIN\user`, `user@domain` or a plain user name. */
const usernameSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^[^\r\n]+$/, 'must be one line');

export const winrmConnectionSchema = z.strictObject({
  transport: z.literal('winrm'),
  port: portSchema.optional(),
  useSsl: z.boolean(),
  /** Omitted: Negotiate with the workstation user (C1). */
  authentication: z.enum(WINRM_AUTHENTICATIONS).optional(),
  /** Omitted: the workstation user, no stored secret needed. */
  username: usernameSchema.optional(),
});

export const sshConnectionSchema = z.strictObject({
  transport: z.literal('ssh'),
  username: usernameSchema,
  /** A private key file on this workstation, chosen by the user. */
  keyPath: pathSchema.optional(),
  port: portSchema.optional(),
});

export const localConnectionSchema = z.strictObject({ transport: z.literal('local') });
export const labConnectionSchema = z.strictObject({ transport: z.literal('lab') });

export const hostConnectionSchema = z.discriminatedUnion('transport', [
  winrmConnectionSchema,
  sshConnectionSchema,
  localConnectionSchema,
  labConnectionSchema,
]);
export type HostConnection = z.output<typeof hostConnectionSchema>;

/** What the last connection test or inventory read learned about the host. */
export const hostStatusSchema = z.strictObject({
  reachable: z.boolean(),
  lastChecked: timestampSchema,
  psEdition: z.enum(['Desktop', 'Core']).nullable(),
  psVersion: shortTextSchema.nullable(),
  hyperVModule: z.boolean(),
  clusterName: hostNameTextSchema.nullable(),
  error: appErrorSchema.nullable(),
});
export type HostStatus = z.output<typeof hostStatusSchema>;

export const hostInfoSchema = z.strictObject({
  id: hostIdSchema,
  displayName: displayNameSchema,
  address: hostAddressSchema,
  connection: hostConnectionSchema,
  /** A password or key passphrase is stored (encrypted, in main). The secret itself never leaves main. */
  hasSecret: z.boolean(),
  status: hostStatusSchema.nullable(),
});
export type HostInfo = z.output<typeof hostInfoSchema>;

/** "Test connection" (C1): reachability, PowerShell edition and version, Hyper-V module, cluster membership. */
export const hostTestResultSchema = z.strictObject({
  status: hostStatusSchema,
  computerName: hostNameTextSchema.nullable(),
  hyperVModuleVersion: shortTextSchema.nullable(),
  durationMs: z.int().min(0),
});
export type HostTestResult = z.output<typeof hostTestResultSchema>;

/** Write-only: a password or key passphrase, sent to main and never returned. */
export const hostSecretSchema = z.string().min(1).max(4096);

export const hostDraftSchema = z.strictObject({
  displayName: displayNameSchema,
  address: hostAddressSchema,
  connection: hostConnectionSchema,
  secret: hostSecretSchema.optional(),
});
export type HostDraft = z.input<typeof hostDraftSchema>;

export const hostUpdateSchema = z
  .strictObject({
    id: hostIdSchema,
    displayName: displayNameSchema.optional(),
    address: hostAddressSchema.optional(),
    connection: hostConnectionSchema.optional(),
    /** A new secret replaces the stored one. */
    secret: hostSecretSchema.optional(),
    /** Forget the stored secret (back to the workstation user's own credentials). */
    clearSecret: z.boolean().optional(),
  })
  .refine((update) => !(update.secret !== undefined && update.clearSecret === true), {
    message: 'give a new secret or clear it, not both',
    path: ['clearSecret'],
  });
export type HostUpdate = z.input<typeof hostUpdateSchema>;
