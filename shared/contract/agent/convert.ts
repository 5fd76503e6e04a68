// snake_case agent documents -> camelCase DTOs. Each function maps field by field, then parses the result with
// the DTO's strict schema, so whatever reaches the UI has the contract's enums, GUIDs and bounds; a host that
// breaks them makes the parse throw (the caller reports a protocol error).
import { z } from 'zod';
import {
  type DeletePlan,
  type DeleteResult,
  deletePlanSchema,
  deleteResultSchema,
  type HostError,
  hostErrorSchema,
  type LifecycleResult,
  lifecycleResultSchema,
} from '../delete-plan';
import { type HostFacts, hostFactsSchema, type VmInfo, vmInfoSchema } from '../inventory';
import { clip, type HostId } from '../primitives';
import { zodErrorToAppError } from '../validation';
import type {
  RawDeleteResult,
  RawInventory,
  RawInventoryVm,
  RawLifecycleResult,
  RawPlan,
  rawHostErrorSchema,
  rawKeptFileSchema,
  rawKeptFolderSchema,
} from './raw';

/** '' and null both mean "none" in agent output. */
function textOrNull(value: string | null | undefined): string | null {
  return value === undefined || value === null || value === '' ? null : value;
}

function keptFile(raw: z.output<typeof rawKeptFileSchema>) {
  return { path: raw.path, kind: raw.kind, reason: raw.reason, detail: detailOrNull(raw.detail) };
}

function keptFolder(raw: z.output<typeof rawKeptFolderSchema>) {
  return { path: raw.path, reason: raw.reason, holds: raw.holds, detail: detailOrNull(raw.detail) };
}

function detailOrNull(value: string | null | undefined): string | null {
  const text = textOrNull(value);
  return text === null ? null : clip(text);
}

function hostError(raw: z.output<typeof rawHostErrorSchema> | null) {
  if (raw === null) return null;
  return {
    code: clip(raw.code, 128),
    message: clip(raw.message),
    step: textOrNull(raw.step),
    object: textOrNull(raw.object),
  };
}

/** The `error` of any result event: the host's code, message, step and object. */
export function toHostError(raw: z.output<typeof rawHostErrorSchema> | null): HostError | null {
  return hostErrorSchema.nullable().parse(hostError(raw));
}

export function toDeletePlan(raw: RawPlan): DeletePlan {
  return deletePlanSchema.parse({
    vm: {
      id: raw.vm.id,
      name: raw.vm.name,
      state: raw.vm.state,
      status: textOrNull(raw.vm.status),
      path: textOrNull(raw.vm.path),
      present: raw.vm.present ?? true,
    },
    clusterRole: raw.cluster_role,
    powerAction: raw.power_action,
    requiresForce: raw.requires_force ?? raw.power_action === 'turn_off',
    checkpoints: raw.checkpoints,
    filesToDelete: raw.files_to_delete.map((file) => ({
      path: file.path,
      kind: file.kind,
      sizeBytes: file.size_bytes ?? null,
    })),
    filesToKeep: raw.files_to_keep.map(keptFile),
    drivesToDetach: raw.drives_to_detach.map((drive) => ({
      kind: drive.kind,
      controller: drive.controller,
      path: textOrNull(drive.path),
      diskNumber: drive.disk_number ?? null,
    })),
    foldersToPrune: raw.folders_to_prune,
    foldersToKeep: raw.folders_to_keep.map(keptFolder),
    protectedRoots: raw.protected_roots,
    ownFolders: raw.own_folders,
    mergeFiles: raw.merge_files,
  });
}

export function toDeleteResult(raw: RawDeleteResult): DeleteResult {
  return deleteResultSchema.parse({
    status: raw.status,
    mode: textOrNull(raw.mode),
    error: hostError(raw.error),
    filesDeleted: raw.files_deleted,
    filesKept: raw.files_kept.map(keptFile),
    foldersRemoved: raw.folders_removed,
    foldersKept: raw.folders_kept.map(keptFolder),
  });
}

export function toLifecycleResult(raw: RawLifecycleResult): LifecycleResult {
  return lifecycleResultSchema.parse({
    status: raw.status,
    error: hostError(raw.error),
    vm: raw.vm ?? null,
  });
}

function count(value: number | null | undefined): number {
  return value === undefined || value === null || value < 0 ? 0 : Math.round(value);
}

function toVm(raw: RawInventoryVm, hostId: HostId, clusterName: string | null): VmInfo {
  const clustered = raw.is_clustered === true;
  return vmInfoSchema.parse({
    hostId,
    id: raw.id,
    name: raw.name,
    state: raw.state,
    status: clip(raw.status ?? '', 1024),
    isClustered: clustered,
    clusterName: clustered ? clusterName : null,
    cpuCount: count(raw.cpu_count),
    cpuUsage: Math.min(100, count(raw.cpu_usage_percent)),
    memoryStartupBytes: count(raw.memory_startup_bytes),
    memoryAssignedBytes: count(raw.memory_assigned_bytes),
    uptimeSeconds: count(raw.uptime_seconds),
    generation: raw.generation,
    path: textOrNull(raw.path),
    disks: raw.disks.map((disk) => ({
      path: textOrNull(disk.path),
      diskNumber: disk.disk_number ?? null,
      controller: disk.controller,
      vhdType: textOrNull(disk.vhd_type),
      sizeBytes: disk.size_bytes ?? null,
      fileSizeBytes: disk.file_size_bytes ?? null,
      chain: disk.parent_chain,
    })),
    dvdDrives: raw.dvd_drives.map((drive) => ({ path: textOrNull(drive.path), controller: drive.controller })),
    checkpointCount: raw.checkpoints.length,
    checkpoints: raw.checkpoints.map((checkpoint) => ({
      id: checkpoint.id,
      name: checkpoint.name,
      parentId: textOrNull(checkpoint.parent_id),
      createdAt: textOrNull(checkpoint.created),
    })),
    stale: false,
    activeJobId: null,
    deleteFailed: null,
  });
}

export interface ConvertedInventory {
  host: HostFacts;
  vms: VmInfo[];
  /** VMs whose data broke the contract; the rest of the host's inventory still counts. */
  skipped: { id: string; name: string; message: string }[];
}

/** The inventory document of one host. App-side fields (stale, activeJobId, deleteFailed) start empty; the
 *  inventory service overlays them. */
export function toInventory(raw: RawInventory, hostId: HostId): ConvertedInventory {
  const clusterName = textOrNull(raw.cluster_name);
  const host = hostFactsSchema.parse({
    computerName: raw.host.computer_name,
    osCaption: textOrNull(raw.host.os_caption),
    osVersion: textOrNull(raw.host.os_version),
    psEdition: raw.host.powershell_edition,
    psVersion: raw.host.powershell_version,
    hyperVModulePresent: raw.host.hyperv_module_present,
    hyperVModuleVersion: textOrNull(raw.host.hyperv_module_version),
    logicalProcessorCount: raw.host.logical_processor_count ?? null,
    memoryCapacityBytes: raw.host.memory_capacity_bytes ?? null,
    clusterName,
    virtualMachinePath: textOrNull(raw.virtual_machine_path),
    virtualHardDiskPath: textOrNull(raw.virtual_hard_disk_path),
    csvRoots: raw.csv_roots,
  });
  const vms: VmInfo[] = [];
  const skipped: ConvertedInventory['skipped'] = [];
  for (const vm of raw.vms) {
    try {
      vms.push(toVm(vm, hostId, clusterName));
    } catch (error) {
      const message =
        error instanceof z.ZodError ? zodErrorToAppError(error, 'protocol_error', 'VM data').message : String(error);
      skipped.push({ id: vm.id, name: vm.name, message: clip(message) });
    }
  }
  return { host, vms, skipped };
}
