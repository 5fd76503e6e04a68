import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { PowerShellError } from './powershell-error';

// Remote targets as the host records describe them, validated before anything runs. None of these values is ever
// put into command text (they travel in a JSON envelope on stdin), but PowerShell hands some of them to ssh as
// argument vector entries, where a value starting with '-' would be read as an ssh option: host names are held to
// DNS-name or bracketed-address syntax, and no value may start with '-' or hold control characters.

function hasControlCharacter(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
const DNS_LABEL = '[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?';
const DNS_NAME = new RegExp(`^(?=.{1,253}$)${DNS_LABEL}(?:\\.${DNS_LABEL})*\\.?$`);
const BRACKETED_IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;

const hostName = z.string().refine((value) => DNS_NAME.test(value) || BRACKETED_IPV6.test(value), {
  message: 'must be a DNS name, an IPv4 address or a bracketed IPv6 address',
});

const userName = z
  .string()
  .min(1)
  .max(256)
  .refine((value) => !hasControlCharacter(value), { message: 'must not contain control characters' })
  .refine((value) => !value.startsWith('-'), { message: "must not start with '-'" })
  .refine((value) => value.trim() === value, { message: 'must not start or end with white space' });

const localPath = z
  .string()
  .min(1)
  .refine((value) => isAbsolute(value) && !hasControlCharacter(value), { message: 'must be an absolute path' });

const port = z.number().int().min(1).max(65535);

export const sshTargetSchema = z.strictObject({
  host: hostName,
  port: port.optional(),
  user: userName,
  keyFilePath: localPath.optional(),
  knownHostsPath: localPath.optional(),
  strictHostKeyChecking: z.enum(['yes', 'accept-new', 'no']).optional(),
  connectTimeoutSeconds: z.number().int().min(1).max(600).optional(),
});

export const winrmTargetSchema = z.strictObject({
  host: hostName,
  port: port.optional(),
  useSsl: z.boolean().optional(),
  authentication: z.enum(['Negotiate', 'Kerberos', 'Default', 'Basic', 'CredSSP']).optional(),
  /** Explicit credentials; without them the signed-in user's (Negotiate/Kerberos single sign-on). */
  credential: z.strictObject({ user: userName, password: z.string() }).optional(),
  configurationName: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/)
    .optional(),
  skipCaCheck: z.boolean().optional(),
  skipCnCheck: z.boolean().optional(),
  skipRevocationCheck: z.boolean().optional(),
  openTimeoutMs: z.number().int().min(1).max(86_400_000).optional(),
  operationTimeoutMs: z.number().int().min(1).max(86_400_000).optional(),
});

/**
 * Which script runs on the host. `host_path`: a script already on the host (the deployed agent bundle; its
 * entry scripts import their module from their own folder). `local_file`: a self-contained script on this
 * machine, sent with Invoke-Command -FilePath (its $PSScriptRoot is empty on the host).
 */
export const remoteScriptSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('host_path'),
    path: z.string().refine((value) => /^([A-Za-z]:[\\/]|\/)/.test(value) && !hasControlCharacter(value), {
      message: 'must be an absolute path on the host',
    }),
  }),
  z.strictObject({ kind: z.literal('local_file'), path: localPath }),
]);

export type SshTarget = z.infer<typeof sshTargetSchema>;
export type WinrmTarget = z.infer<typeof winrmTargetSchema>;
export type RemoteScript = z.infer<typeof remoteScriptSchema>;

/** Parses with a schema, turning a validation failure into an `invalid_target` error that names the field. */
export function validateTarget<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || what;
  // Never echo the rejected value: it may be a password.
  throw new PowerShellError('invalid_target', `Invalid ${what}: ${field} ${issue?.message ?? 'is invalid'}`);
}
