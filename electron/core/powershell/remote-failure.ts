// Tells "the host could not be reached" and "the host refused us" apart from an ordinary script failure, by the
// messages PowerShell remoting (WinRM, SSH) and the ssh client print. Only the text decides, and only when it is
// unambiguous; anything else stays a script failure with the host's own message.
//
// Sources of the patterns: the messages PowerShell prints for WinRM failures (WinRM error codes 0x80338012 and
// 0x8009030e, the FullyQualifiedErrorIds ComputerNotFound/CannotConnect/AccessDenied,PSSessionStateBroken) as
// reported in PowerShell and tooling issue threads, and OpenSSH's client messages as printed here by
// `New-PSSession -HostName` against a closed port and an unknown name.

export type RemoteFailureCode = 'host_unreachable' | 'authentication_failed';

const AUTHENTICATION_FAILED: readonly RegExp[] = [
  // WinRM
  /Access is denied/i,
  /AccessDenied,PSSessionStateBroken/i,
  /user name or password is incorrect/i,
  /unknown user name or bad password/i,
  /logon failure/i,
  /error with errorcode 0x8009030[cde] occurred while using \w+ authentication/i,
  /errorcode 0x80090311/i, // no authority could be contacted for authentication
  /errorcode 0x80090322/i, // Kerberos: unknown security error (a wrong SPN)
  /TrustedHosts/i, // "... must be added to the TrustedHosts configuration setting": the client may not authenticate
  /Authorization failed/i,
  /acquiring creds with username only failed/i,
  // ssh
  /Permission denied \((?:publickey|password|keyboard-interactive|gssapi)/i,
  /Too many authentication failures/i,
  /Host key verification failed/i,
  /REMOTE HOST IDENTIFICATION HAS CHANGED/i,
  /UNPROTECTED PRIVATE KEY FILE/i,
  /Load key .*: (?:invalid format|incorrect passphrase|bad permissions)/i,
];

const HOST_UNREACHABLE: readonly RegExp[] = [
  // WinRM
  /server name cannot be resolved/i,
  /ComputerNotFound,PSSessionStateBroken/i,
  /CannotConnect,PSSessionStateBroken/i,
  /WinRM cannot complete the operation\. Verify that the specified computer name is valid/i,
  /client cannot connect to the destination specified in the request/i,
  /cannot complete the operation within the time specified/i,
  /connection to the remote host was refused/i,
  /network path was not found/i,
  /WinRMOperationTimeout/i,
  // ssh
  /ssh: Could not resolve hostname/i,
  /ssh: connect to host .* port \d+: /i,
  /kex_exchange_identification/i,
  /Connection timed out during banner exchange/i,
  /Connection (?:closed|reset) by .* port \d+/i,
  /subsystem request failed/i, // reached, but no PowerShell remoting endpoint is listening there
];

/** Classifies the error text of a failed remote run; null when it does not clearly say either. */
export function classifyRemoteFailure(lines: readonly string[]): RemoteFailureCode | null {
  const text = lines.join('\n');
  if (AUTHENTICATION_FAILED.some((pattern) => pattern.test(text))) return 'authentication_failed';
  if (HOST_UNREACHABLE.some((pattern) => pattern.test(text))) return 'host_unreachable';
  return null;
}
