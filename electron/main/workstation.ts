// Facts about this workstation the core needs: which PowerShell to run, and who asks from where (recorded on
// every job and sent to the host as the lock owner). Decided here, in plain Node, from injected lookups.
import { delimiter, join } from 'node:path';
import type { JobIdentity } from '../core/jobs/job-ports';

export interface PowerShellLookup {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly isFile: (path: string) => boolean;
}

/**
 * PowerShell 7 (`pwsh`) when it is on PATH, as a full path; otherwise Windows PowerShell 5.1, which every
 * supported Windows has; elsewhere the bare name `pwsh`, so the core reports `powershell_missing` by that name.
 */
export function choosePowerShell(lookup: PowerShellLookup): string {
  const windows = lookup.platform === 'win32';
  const pathVariable = windows
    ? (Object.entries(lookup.env).find(([name]) => name.toUpperCase() === 'PATH')?.[1] ?? '')
    : (lookup.env.PATH ?? '');
  const executable = windows ? 'pwsh.exe' : 'pwsh';
  for (const folder of pathVariable.split(windows ? ';' : delimiter)) {
    const trimmed = folder.trim().replace(/^"(.*)"$/, '$1');
    if (trimmed === '') continue;
    const candidate = windows ? `${trimmed.replace(/[\\/]+$/, '')}\\${executable}` : join(trimmed, executable);
    if (lookup.isFile(candidate)) return candidate;
  }
  return windows ? 'powershell.exe' : 'pwsh';
}

export interface IdentitySources {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** os.userInfo().username; may throw where the user has no passwd entry. */
  readonly username: () => string;
  readonly hostname: () => string;
}

const clip = (text: string, max: number) => text.slice(0, max);

export function workstationIdentity(sources: IdentitySources): JobIdentity {
  let user = '';
  try {
    user = sources.username();
  } catch {
    user = sources.env.USERNAME ?? sources.env.USER ?? '';
  }
  user = user.trim() || 'unknown';
  // Windows admins know accounts as DOMAIN\user; a domain equal to the machine name adds nothing.
  const domain = sources.platform === 'win32' ? sources.env.USERDOMAIN?.trim() : undefined;
  const host = sources.hostname().trim() || 'unknown-host';
  const requestedBy = domain && domain.toUpperCase() !== host.toUpperCase() ? `${domain}\\${user}` : user;
  return { requestedBy: clip(requestedBy, 256), controlPlane: clip(host, 255) };
}
