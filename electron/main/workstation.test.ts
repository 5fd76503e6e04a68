import { describe, expect, it } from 'vitest';
import { choosePowerShell, workstationIdentity } from './workstation';

describe('choosing PowerShell', () => {
  it('takes pwsh from PATH as a full path', () => {
    const files = new Set(['/usr/local/bin/pwsh']);
    expect(
      choosePowerShell({
        platform: 'linux',
        env: { PATH: '/usr/bin:/usr/local/bin' },
        isFile: (path) => files.has(path),
      }),
    ).toBe('/usr/local/bin/pwsh');
  });

  it('on Windows finds pwsh.exe through Path (any case, quoted folders), else Windows PowerShell', () => {
    const files = new Set(['C:\\Program Files\\PowerShell\\7\\pwsh.exe']);
    const env = { Path: 'C:\\Windows\\system32;"C:\\Program Files\\PowerShell\\7\\"' };
    expect(choosePowerShell({ platform: 'win32', env, isFile: (path) => files.has(path) })).toBe(
      'C:\\Program Files\\PowerShell\\7\\pwsh.exe',
    );
    expect(choosePowerShell({ platform: 'win32', env, isFile: () => false })).toBe('powershell.exe');
  });

  it('elsewhere falls back to the bare name, so the core reports powershell_missing by it', () => {
    expect(choosePowerShell({ platform: 'darwin', env: {}, isFile: () => false })).toBe('pwsh');
  });
});

describe('the workstation identity', () => {
  const base = { env: {}, username: () => 'alice', hostname: () => 'ADMIN-PC' };

  it('is the user and this machine', () => {
    expect(workstationIdentity({ ...base, platform: 'linux' })).toEqual({
      requestedBy: 'alice',
      controlPlane: 'ADMIN-PC',
    });
  });

  it('on Windows names the domain account, unless the domain is just this machine', () => {
    expect(workstationIdentity({ ...base, platform: 'win32', env: { USERDOMAIN: 'CORP' } }).requestedBy).toBe(
      'CORP\\alice',
    );
    expect(workstationIdentity({ ...base, platform: 'win32', env: { USERDOMAIN: 'admin-pc' } }).requestedBy).toBe(
      'alice',
    );
  });

  it('falls back to the environment when the OS has no user entry, and never answers empty', () => {
    const noUser = () => {
      throw new Error('ENOENT: no such user');
    };
    expect(
      workstationIdentity({ ...base, platform: 'linux', username: noUser, env: { USER: 'svc' } }).requestedBy,
    ).toBe('svc');
    expect(workstationIdentity({ platform: 'linux', env: {}, username: noUser, hostname: () => ' ' })).toEqual({
      requestedBy: 'unknown',
      controlPlane: 'unknown-host',
    });
  });
});
