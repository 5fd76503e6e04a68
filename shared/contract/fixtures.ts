// Valid sample DTOs for tests anywhere in the app (contract, core, renderer). Each function returns a fresh
// object that satisfies its schema; pass overrides for the fields a test cares about. Not exported from
// index.ts, so it never reaches a bundle that does not import it explicitly.
import type { DeletePlan } from './delete-plan';
import type { HostInfo } from './hosts';
import type { InventorySnapshot, VmInfo } from './inventory';
import type { DeleteJobInfo, JobOutputLine, LifecycleJobInfo } from './jobs';

export const SAMPLE_HOST_ID = 'h-lab';
export const SAMPLE_VM_ID = '2c3e9a41-5b6d-4e8f-9a0b-1c2d3e4f5a6b';
export const SAMPLE_JOB_ID = 'j-17';
export const SAMPLE_TIME = '2025-01-02T10:42:01.000Z';

export function sampleHost(overrides: Partial<HostInfo> = {}): HostInfo {
  return {
    id: SAMPLE_HOST_ID,
    displayName: 'Lab host',
    address: 'localhost',
    connection: { transport: 'lab' },
    hasSecret: false,
    status: {
      reachable: true,
      lastChecked: SAMPLE_TIME,
      psEdition: 'Core',
      psVersion: '7.6.9',
      hyperVModule: true,
      clusterName: null,
      error: null,
    },
    ...overrides,
  };
}

export function sampleVm(overrides: Partial<VmInfo> = {}): VmInfo {
  return {
    hostId: SAMPLE_HOST_ID,
    id: SAMPLE_VM_ID,
    name: 'web01',
    state: 'Off',
    status: 'Operating normally',
    isClustered: false,
    clusterName: null,
    cpuCount: 2,
    cpuUsage: 0,
    memoryStartupBytes: 2_147_483_648,
    memoryAssignedBytes: 0,
    uptimeSeconds: 0,
    generation: 2,
    path: 'C:\\VMs\\web01',
    disks: [
      {
        path: 'C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx',
        diskNumber: null,
        controller: 'SCSI 0:0',
        vhdType: 'Differencing',
        sizeBytes: 42_949_672_960,
        fileSizeBytes: 4_194_304,
        chain: ['C:\\Templates\\ws2022.vhdx'],
      },
    ],
    dvdDrives: [{ path: 'C:\\ISO\\WS2022.iso', controller: 'SCSI 0:1' }],
    checkpointCount: 1,
    checkpoints: [
      { id: '8d1f0c2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f', name: 'before patch', parentId: null, createdAt: SAMPLE_TIME },
    ],
    stale: false,
    activeJobId: null,
    deleteFailed: null,
    ...overrides,
  };
}

export function sampleSnapshot(overrides: Partial<InventorySnapshot> = {}): InventorySnapshot {
  return {
    hostId: SAMPLE_HOST_ID,
    collectedAt: SAMPLE_TIME,
    stale: false,
    refreshing: false,
    error: null,
    host: {
      computerName: 'HV01',
      osCaption: 'Microsoft Windows Server 2022 Datacenter (simulated)',
      osVersion: '10.0.20348',
      psEdition: 'Core',
      psVersion: '7.6.9',
      hyperVModulePresent: true,
      hyperVModuleVersion: '2.0.0.0',
      logicalProcessorCount: 16,
      memoryCapacityBytes: 137_438_953_472,
      clusterName: null,
      virtualMachinePath: 'C:\\ProgramData\\Microsoft\\Windows\\Hyper-V',
      virtualHardDiskPath: 'C:\\Users\\Public\\Documents\\Hyper-V\\Virtual Hard Disks',
      csvRoots: [],
    },
    vms: [sampleVm()],
    ...overrides,
  };
}

export function samplePlan(overrides: Partial<DeletePlan> = {}): DeletePlan {
  return {
    vm: {
      id: SAMPLE_VM_ID,
      name: 'web01',
      state: 'Off',
      status: 'Operating normally',
      path: 'C:\\VMs\\web01',
      present: true,
    },
    clusterRole: null,
    powerAction: 'none',
    requiresForce: false,
    checkpoints: [],
    filesToDelete: [{ path: 'C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx', kind: 'disk', sizeBytes: 4_194_304 }],
    filesToKeep: [{ path: 'C:\\ISO\\WS2022.iso', kind: 'iso', reason: 'outside_vm_folders', detail: 'a library ISO' }],
    drivesToDetach: [
      {
        kind: 'disk',
        controller: 'SCSI 0:0',
        path: 'C:\\VMs\\web01\\Virtual Hard Disks\\web01.vhdx',
        diskNumber: null,
      },
    ],
    foldersToPrune: ['C:\\VMs\\web01\\Virtual Hard Disks', 'C:\\VMs\\web01'],
    foldersToKeep: [],
    protectedRoots: ['C:\\ProgramData\\Microsoft\\Windows\\Hyper-V'],
    ownFolders: ['C:\\VMs\\web01'],
    mergeFiles: [],
    ...overrides,
  };
}

export function sampleDeleteJob(overrides: Partial<DeleteJobInfo> = {}): DeleteJobInfo {
  return {
    id: SAMPLE_JOB_ID,
    type: 'delete_vm',
    hostId: SAMPLE_HOST_ID,
    vmId: SAMPLE_VM_ID,
    vmName: 'web01',
    params: { force: false, mode: 'execute' },
    status: 'running',
    requestedBy: 'CONTOSO\\admin',
    createdAt: SAMPLE_TIME,
    startedAt: SAMPLE_TIME,
    finishedAt: null,
    retryOf: null,
    plan: samplePlan(),
    steps: [{ id: 'validate', name: 'Validate the request', status: 'succeeded', detail: null, at: SAMPLE_TIME }],
    result: null,
    error: null,
    outputLineCount: 12,
    ...overrides,
  };
}

export function sampleLifecycleJob(overrides: Partial<LifecycleJobInfo> = {}): LifecycleJobInfo {
  return {
    id: 'j-18',
    type: 'vm_lifecycle',
    hostId: SAMPLE_HOST_ID,
    vmId: SAMPLE_VM_ID,
    vmName: 'web01',
    params: { action: 'shutdown' },
    status: 'queued',
    requestedBy: 'CONTOSO\\admin',
    createdAt: SAMPLE_TIME,
    startedAt: null,
    finishedAt: null,
    retryOf: null,
    steps: [],
    result: null,
    error: null,
    outputLineCount: 0,
    ...overrides,
  };
}

export function sampleOutputLine(seq: number, text = `line ${seq}`): JobOutputLine {
  return { seq, ts: SAMPLE_TIME, stream: 'out', text };
}
