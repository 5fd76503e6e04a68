import { describe, expect, it } from 'vitest';
import { appError } from '../../../shared/contract/errors';
import type { HostStatus } from '../../../shared/contract/hosts';
import type { HostFacts } from '../../../shared/contract/inventory';
import { sameStatus, statusFromRead } from './status-from-read';

const facts: HostFacts = {
  computerName: 'HV01',
  osCaption: 'Windows Server 2022',
  osVersion: '10.0.20348',
  psEdition: 'Desktop',
  psVersion: '5.1.20348.2400',
  hyperVModulePresent: true,
  hyperVModuleVersion: '2.0.0.0',
  logicalProcessorCount: 16,
  memoryCapacityBytes: 68_719_476_736,
  clusterName: 'HVCLU01',
  virtualMachinePath: 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V',
  virtualHardDiskPath: 'C:\\VMs',
  csvRoots: [],
};
const T1 = '2026-11-26T10:00:00.000Z';
const T2 = '2026-11-26T10:01:00.000Z';

describe('statusFromRead', () => {
  it('a read that answered: reachable, with the PowerShell, Hyper-V module and cluster it reported', () => {
    expect(statusFromRead(null, { ok: true, facts }, T1)).toEqual({
      reachable: true,
      lastChecked: T1,
      psEdition: 'Desktop',
      psVersion: '5.1.20348.2400',
      hyperVModule: true,
      clusterName: 'HVCLU01',
      error: null,
    });
  });

  it('an unreachable host: not reachable, the error kept, what was known before kept', () => {
    const before = statusFromRead(null, { ok: true, facts }, T1);
    const error = appError('host_unreachable', 'HV01 did not answer on port 5986.', { hostId: 'h1' });
    const after = statusFromRead(before, { ok: false, error }, T2);
    expect(after).toMatchObject({ reachable: false, lastChecked: T2, psVersion: '5.1.20348.2400', error });
  });

  it('a script that failed on the host: the host was reached', () => {
    const error = appError('script_failed', 'Get-VM failed.', { hostId: 'h1' });
    expect(statusFromRead(null, { ok: false, error }, T1).reachable).toBe(true);
  });
});

describe('sameStatus', () => {
  it('ignores only the time of the check', () => {
    const a: HostStatus = statusFromRead(null, { ok: true, facts }, T1);
    expect(sameStatus(a, { ...a, lastChecked: T2 })).toBe(true);
    expect(sameStatus(a, { ...a, hyperVModule: false })).toBe(false);
    expect(sameStatus(null, a)).toBe(false);
  });
});
