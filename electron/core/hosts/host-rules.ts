// The rules a host record must meet beyond its zod schema: which transports take a secret, display names unique.
// Each broken rule is a validation_failed AppException naming the field, so the Add/Edit dialog can point at it.
import { AppException, appError } from '../../../shared/contract/errors';
import type { HostConnection } from '../../../shared/contract/hosts';

export function validationError(path: string, message: string): AppException {
  return new AppException(
    appError('validation_failed', `Invalid host: ${path}: ${message}`, { issues: [{ path, message }] }),
  );
}

/** Whether a stored secret fits the connection; throws validation_failed when it does not. */
export function assertSecretFits(connection: HostConnection, hasSecret: boolean): void {
  switch (connection.transport) {
    case 'lab':
    case 'local':
      if (hasSecret)
        throw validationError(
          'secret',
          `a ${connection.transport} host runs this workstation's own PowerShell and takes no secret`,
        );
      return;
    case 'ssh':
      // New-PSSession -HostName cannot hand ssh a passphrase (it would prompt, and runs never prompt): a key with
      // one must be loaded into ssh-agent instead.
      if (hasSecret)
        throw validationError(
          'secret',
          'SSH hosts sign in with a key file (load a key with a passphrase into ssh-agent); no secret is stored',
        );
      return;
    case 'winrm':
      if (connection.username !== undefined && !hasSecret) {
        throw validationError(
          'secret',
          'a WinRM user name needs its password (leave the user name empty to use your own Windows sign-in)',
        );
      }
      if (connection.username === undefined && hasSecret)
        throw validationError('connection.username', 'a WinRM password needs a user name');
      return;
  }
}

function nameKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** Display names are unique (case-insensitive, ignoring surrounding blanks); `exceptId` is the host being edited. */
export function assertNameFree(
  names: readonly { id: string; displayName: string }[],
  displayName: string,
  exceptId: string | null,
): void {
  const key = nameKey(displayName);
  if (names.some((host) => host.id !== exceptId && nameKey(host.displayName) === key)) {
    throw validationError('displayName', 'another host already has this name');
  }
}
