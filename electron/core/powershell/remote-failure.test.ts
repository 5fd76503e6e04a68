import { describe, expect, it } from 'vitest';
import { classifyRemoteFailure } from './remote-failure';

// Messages as PowerShell and OpenSSH print them (WinRM ones as quoted in public issue threads; SSH ones as
// printed here by `New-PSSession -HostName` against a closed port and an unknown name).

describe('classifyRemoteFailure', () => {
  it.each([
    [
      'WinRM access denied',
      '[hv01] Connecting to remote server hv01 failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.',
    ],
    ['WinRM access denied id', '    + FullyQualifiedErrorId : AccessDenied,PSSessionStateBroken'],
    [
      'Negotiate logon session',
      'WinRM cannot process the request. The following error with errorcode 0x8009030e occurred while using Negotiate authentication: A specified logon session does not exist.',
    ],
    [
      'TrustedHosts',
      'The WinRM client cannot process the request. Default authentication may be used with an IP address under the following conditions: the transport is HTTPS or the destination is in the TrustedHosts list, and explicit credentials are provided.',
    ],
    ['bad password', 'The user name or password is incorrect.'],
    ['ssh public key', 'bob@hv01: Permission denied (publickey,password).'],
    ['ssh host key', 'Host key verification failed.'],
  ])('recognises an authentication failure: %s', (_name, line) => {
    expect(classifyRemoteFailure(['hvagent-remote: could not open a session to hv01:', line])).toBe(
      'authentication_failed',
    );
  });

  it.each([
    [
      'WinRM name not resolved',
      'Connecting to remote server hv01 failed with the following error message : The WinRM client cannot process the request because the server name cannot be resolved.',
    ],
    ['WinRM computer not found id', '    + FullyQualifiedErrorId : ComputerNotFound,PSSessionStateBroken'],
    [
      'WinRM unreachable',
      'WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled',
    ],
    [
      'WinRM no listener',
      'The client cannot connect to the destination specified in the request. Verify that the service on the destination is running and is accepting requests.',
    ],
    ['ssh refused', 'ssh: connect to host 127.0.0.1 port 1: Connection refused'],
    ['ssh timed out', 'ssh: connect to host 10.0.0.9 port 22: Connection timed out'],
    ['ssh no name', 'ssh: Could not resolve hostname no-such-host.invalid: Name or service not known'],
    ['ssh no subsystem', 'subsystem request failed on channel 0'],
  ])('recognises an unreachable host: %s', (_name, line) => {
    expect(classifyRemoteFailure([line])).toBe('host_unreachable');
  });

  it('leaves anything else unclassified', () => {
    expect(classifyRemoteFailure([])).toBeNull();
    expect(classifyRemoteFailure(['Remove-Item: Cannot remove item C:\\VMs\\x.vhdx: it is in use'])).toBeNull();
    expect(
      classifyRemoteFailure([
        'The SSH client session has ended with error message: The SSH transport process has abruptly terminated causing this remote session to break.',
      ]),
    ).toBeNull();
  });
});
