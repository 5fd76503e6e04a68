// The Add/Edit host form as plain strings and flags, and its conversion to the contract's draft or update. The
// contract's own schemas validate it (hostDraftSchema, hostUpdateSchema), so the form rejects exactly what main
// would; each issue is keyed by the contract path (`connection.port`, `secret`) that the inputs declare too, so
// field errors from a `validation_failed` answer land beside the same inputs.
import {
  type HostConnection,
  type HostDraft,
  type HostInfo,
  type HostUpdate,
  hostDraftSchema,
  hostUpdateSchema,
  type Transport,
  type WINRM_AUTHENTICATIONS,
} from '@shared/contract/hosts';
import { issuePath } from '@shared/contract/validation';
import type { z } from 'zod';

export type WinrmAuthentication = (typeof WINRM_AUTHENTICATIONS)[number];

export interface HostForm {
  displayName: string;
  address: string;
  transport: Transport;
  /** WinRM and SSH; empty = the transport's default port. */
  port: string;
  useSsl: boolean;
  /** '' = Negotiate with the workstation user. */
  authentication: WinrmAuthentication | '';
  username: string;
  /** WinRM password; write-only, never prefilled. */
  password: string;
  /** Edit only: forget the stored password. */
  clearSecret: boolean;
  keyPath: string;
}

/** The lab host's fixed address and default name, as the core's addLab uses them. */
export const LAB_ADDRESS = 'lab.local';
export const LAB_DISPLAY_NAME = 'Lab host (simulated)';

export const FIELD_PATHS = {
  displayName: 'displayName',
  address: 'address',
  transport: 'connection.transport',
  port: 'connection.port',
  useSsl: 'connection.useSsl',
  authentication: 'connection.authentication',
  username: 'connection.username',
  keyPath: 'connection.keyPath',
  password: 'secret',
  clearSecret: 'clearSecret',
} as const satisfies Partial<Record<keyof HostForm, string>>;

export type FieldErrors = Record<string, string>;

export function emptyHostForm(): HostForm {
  return {
    displayName: '',
    address: '',
    transport: 'winrm',
    port: '',
    useSsl: false,
    authentication: '',
    username: '',
    password: '',
    clearSecret: false,
    keyPath: '',
  };
}

export function formOfHost(host: HostInfo): HostForm {
  const form: HostForm = { ...emptyHostForm(), displayName: host.displayName, address: host.address };
  const c = host.connection;
  form.transport = c.transport;
  if (c.transport === 'winrm') {
    form.port = c.port === undefined ? '' : String(c.port);
    form.useSsl = c.useSsl;
    form.authentication = c.authentication ?? '';
    form.username = c.username ?? '';
  }
  if (c.transport === 'ssh') {
    form.port = c.port === undefined ? '' : String(c.port);
    form.username = c.username;
    form.keyPath = c.keyPath ?? '';
  }
  return form;
}

/** A port as typed: a number when it is one, else the text itself, so the schema names the field. */
function portValue(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function connectionOf(form: HostForm): Record<string, unknown> {
  const username = form.username.trim();
  switch (form.transport) {
    case 'winrm':
      return {
        transport: 'winrm',
        useSsl: form.useSsl,
        ...optional('port', portValue(form.port)),
        ...optional('authentication', form.authentication || undefined),
        ...optional('username', username || undefined),
      };
    case 'ssh':
      return {
        transport: 'ssh',
        username,
        ...optional('port', portValue(form.port)),
        ...optional('keyPath', form.keyPath.trim() || undefined),
      };
    case 'local':
      return { transport: 'local' };
    case 'lab':
      return { transport: 'lab' };
  }
}

function optional(key: string, value: unknown): Record<string, unknown> {
  return value === undefined ? {} : { [key]: value };
}

/** Only WinRM stores a secret (a password); other transports never send one. */
function secretOf(form: HostForm): string | undefined {
  return form.transport === 'winrm' && form.password !== '' ? form.password : undefined;
}

function rawDraft(form: HostForm): Record<string, unknown> {
  return {
    displayName: form.displayName.trim(),
    address: form.transport === 'lab' ? LAB_ADDRESS : form.address.trim(),
    connection: connectionOf(form),
    ...optional('secret', secretOf(form)),
  };
}

/** zod's generic wording ("Too small: expected string to have >=1 characters") in a form's words. */
function friendlyMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_small' && issue.origin === 'string' && Number(issue.minimum) <= 1) return 'Required.';
  if (issue.code === 'too_big' && issue.origin === 'string') return `At most ${issue.maximum} characters.`;
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    return 'Must be a port number from 1 to 65535.';
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number') return 'Must be a number.';
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'Required.';
  return issue.message;
}

function issuesToFields(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) out[issuePath(issue.path)] ??= friendlyMessage(issue);
  return out;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** The draft for hosts.add or a draft test, checked with the contract's schema. */
export function draftOf(form: HostForm): Checked<HostDraft> {
  const parsed = hostDraftSchema.safeParse(rawDraft(form));
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesToFields(parsed.error) };
}

/** The update for hosts.update, checked with the contract's schema. */
export function updateOf(hostId: string, form: HostForm): Checked<HostUpdate> {
  const draft = rawDraft(form);
  const clearSecret = form.transport === 'winrm' && form.clearSecret && form.password === '';
  const parsed = hostUpdateSchema.safeParse({ id: hostId, ...draft, ...(clearSecret ? { clearSecret: true } : {}) });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: issuesToFields(parsed.error) };
}

export function connectionSummary(connection: HostConnection): string {
  switch (connection.transport) {
    case 'winrm':
      return `WinRM${connection.useSsl ? ' (HTTPS)' : ''}${connection.username ? ` as ${connection.username}` : ''}`;
    case 'ssh':
      return `SSH as ${connection.username}`;
    case 'local':
      return 'This workstation';
    case 'lab':
      return 'Simulated lab';
  }
}
