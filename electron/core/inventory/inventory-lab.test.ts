import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InventorySnapshot } from '../../../shared/contract/inventory';
import { POWERSHELL_FILE_ARGS, powershellEnvironment } from '../powershell/command-spec';
import { PowerShellRunner } from '../powershell/powershell-runner';
import { MemoryInventoryPersistence } from './inventory-persistence';
import { InventoryService } from './inventory-service';
import { LabHostExecutor } from './test-support/lab-host-executor';
import { RecordingSink } from './test-support/recording-sink';

// The inventory service against the real inventory script in real pwsh on the simulator's lab host
// (powershell/simulator/scenarios/lab.json): what the VM table and the details view will show.

const repoRoot = resolve(import.meta.dirname, '../../..');
const pwshPath = resolve(repoRoot, '.tools', process.platform === 'win32' ? 'pwsh.exe' : 'pwsh');
const simulatorModules = resolve(repoRoot, 'powershell', 'simulator', 'modules');
let sandbox = '';

async function pwsh(args: string[]): Promise<void> {
  await new PowerShellRunner().run({
    transport: 'local',
    executable: pwshPath,
    args: [...POWERSHELL_FILE_ARGS, ...args],
    env: powershellEnvironment(process.env, { PSModulePath: simulatorModules }),
    stdinPayload: '',
  });
}

beforeAll(async () => {
  sandbox = join(mkdtempSync(join(tmpdir(), 'hv-inventory-lab-')), 'lab');
  const newLabHost = resolve(repoRoot, 'powershell', 'simulator', 'New-LabHost.ps1');
  await pwsh([newLabHost, '-SandboxPath', sandbox, '-MaxFileSizeBytes', '4096']);
});

afterAll(() => {
  if (sandbox === '') return;
  // The simulator holds file locks with the immutable attribute (chattr +i): lift them before removing.
  try {
    execFileSync('chattr', ['-R', '-f', '-i', '--', resolve(sandbox, '..')], { stdio: 'ignore' });
  } catch {
    // chattr missing or nothing locked.
  }
  rmSync(resolve(sandbox, '..'), { recursive: true, force: true });
});

/** Changes the lab host behind the service's back, as another admin (or the job's own script) would. */
async function onHost(command: string): Promise<void> {
  await new PowerShellRunner().run({
    transport: 'local',
    executable: pwshPath,
    args: ['-NoProfile', '-NonInteractive', '-Command', command],
    env: powershellEnvironment(process.env, { PSModulePath: simulatorModules, HVSIM_ROOT: sandbox }),
    stdinPayload: '',
  });
}

function newService(sink: RecordingSink): InventoryService {
  return new InventoryService({
    executor: new LabHostExecutor({ repoRoot, pwshPath, sandboxes: { lab: sandbox } }),
    events: sink,
    clock: { now: Date.now },
    persistence: new MemoryInventoryPersistence(),
    refreshIntervalMs: 3_600_000,
    readTimeoutMs: 60_000,
    requestedBy: 'tester',
    controlPlane: 'WS01',
  });
}

const ID = {
  web01: '2c3e0f7a-1d5b-4a51-9f0e-7c1d2b3a4e01',
  api01: '8a1c3e5f-2d64-4e9a-b385-4c7e9d0f1a89',
};

describe('the inventory of the lab host, read by real pwsh', () => {
  const sink = new RecordingSink();
  let service: InventoryService;
  let snapshot: InventorySnapshot;

  beforeAll(async () => {
    service = newService(sink);
    // No schedule in this test: every read is asked for explicitly.
    await service.start([]);
    service.addHost('lab');
    [snapshot] = (await service.refresh(['lab'])) as [InventorySnapshot];
  });
  afterAll(() => service.stop());

  it('lists every VM this node runs, with its state, and the host facts', () => {
    expect(snapshot).toMatchObject({ hostId: 'lab', stale: false, refreshing: false, error: null });
    expect(snapshot.host).toMatchObject({
      computerName: 'HV01',
      psEdition: 'Core',
      hyperVModulePresent: true,
      clusterName: 'HVCLU01',
      csvRoots: ['C:\\ClusterStorage\\Volume1'],
    });
    // The scenario holds 14 VMs; sql02 is a clustered role owned by node HV02, and an inventory lists only the
    // VMs of the node it runs on (powershell/README.md, Get-HostInventory.ps1): 13 here.
    expect(snapshot.vms.map((vm) => [vm.name, vm.state])).toEqual([
      ['web01', 'Running'],
      ['db01', 'Off'],
      ['app01', 'Paused'],
      ['build01', 'Saved'],
      ['file01', 'RunningCritical'],
      ['dev01', 'Off'],
      ['vdi01', 'Off'],
      ['vdi02', 'Running'],
      ['api01', 'Off'],
      ['sql01', 'Running'],
      ['legacy01', 'Off'],
      ['lab-test', 'Off'],
      ['lab-test', 'Off'],
    ]);
    expect(new Set(snapshot.vms.map((vm) => vm.id)).size).toBe(13);
    expect(snapshot.vms.every((vm) => vm.hostId === 'lab' && !vm.stale && vm.activeJobId === null)).toBe(true);
    const sql01 = byName('sql01');
    expect([sql01.isClustered, sql01.clusterName]).toEqual([true, 'HVCLU01']);
    expect(byName('legacy01').generation).toBe(1);
  });

  it('reports disks with their parent chains, pass-through disks and fixed disks', () => {
    const disks = (name: string) => byName(name).disks.map((disk) => [disk.path, disk.vhdType, disk.chain]);
    const dev01 = 'C:\\VMs\\dev01\\Virtual Hard Disks\\';
    expect(disks('dev01')).toEqual([
      [
        `${dev01}dev01_B2D7E6A0-4F19-4C83-9D52-0E6A1F8B7C58.avhdx`,
        'Differencing',
        [
          `${dev01}dev01_8C4F2D19-6A7E-4B30-8E15-2F9D0A6C3B47.avhdx`,
          `${dev01}dev01_5E1B9A47-0C3D-4F28-9A61-7D2E8B4C1F03.avhdx`,
          `${dev01}dev01.vhdx`,
        ],
      ],
    ]);
    const gold = ['C:\\VMs\\Parents\\win11-23h2-gold.vhdx'];
    expect(disks('vdi01')[0]?.[2]).toEqual(gold);
    expect(disks('vdi02')[0]?.[2]).toEqual(gold);
    expect(disks('api01')[0]?.[2]).toEqual(['C:\\Templates\\ws2022-template.vhdx']);
    expect(disks('db01').map((disk) => disk[1])).toEqual(['Dynamic', 'Fixed']);
    expect(byName('file01').disks[1]).toMatchObject({
      path: null,
      diskNumber: 3,
      vhdType: null,
      controller: 'SCSI 0:1',
    });
    expect(byName('legacy01').disks[0]?.controller).toBe('IDE 0:0');
  });

  it('reports DVD drives with their ISOs, and an empty drive as such', () => {
    const dvds = (name: string) => byName(name).dvdDrives;
    expect(dvds('web01')).toEqual([{ path: 'C:\\VMs\\web01-cidata.iso', controller: 'SCSI 0:1' }]);
    expect(dvds('app01')[0]?.path).toBe('C:\\ISO\\WS2022.iso');
    expect(dvds('build01')[0]?.path).toBe('C:\\ISO\\WS2022.iso');
    expect(dvds('legacy01')).toEqual([{ path: null, controller: 'IDE 1:0' }]);
    expect(dvds('vdi01')).toEqual([]);
  });

  it('reports checkpoints as a tree', () => {
    const dev01 = byName('dev01');
    expect(dev01.checkpointCount).toBe(3);
    expect(dev01.checkpoints.map((checkpoint) => checkpoint.name)).toEqual([
      'Before SQL install',
      'After SQL install',
      'Before patch KB5034439',
    ]);
    const [first, second, third] = dev01.checkpoints;
    expect([first?.parentId, second?.parentId, third?.parentId]).toEqual([null, first?.id, second?.id]);
    expect(Date.parse(first?.createdAt ?? '')).toBe(Date.parse('2025-09-02T08:15:00Z'));
    expect(byName('web01').checkpointCount).toBe(0);
  });

  it('sent the read as contract-valid events: refreshing, then the snapshot', () => {
    expect(sink.inventory.map((event) => [event.change.kind, event.refreshing])).toEqual([
      ['patch', true],
      ['snapshot', false],
    ]);
  });

  it('after a failed delete, re-reads the host: the real state plus the marker, or pruned when gone', async () => {
    service.markDeleting('lab', ID.web01, 'j-web01');
    service.markDeleting('lab', ID.api01, 'j-api01');
    expect(service.findVm('lab', ID.web01)?.state).toBe('Deleting');
    // What the failed jobs left on the host: web01 turned off, api01 removed.
    await onHost('Hyper-V\\Stop-VM -Name web01 -TurnOff -Force; Hyper-V\\Remove-VM -Name api01 -Force');
    await Promise.all([
      service.deleteFailed('lab', ID.web01, 'j-web01', 'file locked: web01.vhdx'),
      service.deleteFailed('lab', ID.api01, 'j-api01', 'interrupted'),
    ]);
    expect(service.getVm('lab', ID.web01)).toMatchObject({
      state: 'Off',
      stale: false,
      activeJobId: null,
      deleteFailed: { jobId: 'j-web01', message: 'file locked: web01.vhdx' },
    });
    // Gone on the host means pruned, with no marker left behind.
    expect(service.findVm('lab', ID.api01)).toBeNull();
    expect(service.list('lab')[0]?.vms).toHaveLength(12);
    expect(service.list('lab')[0]?.error).toBeNull();
  });

  function byName(name: string) {
    const vm = snapshot.vms.find((item) => item.name === name);
    if (!vm) throw new Error(`${name} is not in the inventory`);
    return vm;
  }
});
