// Inventory (C2): the VMs of a host with the facts the table, the details view and the delete dialog show.
// VM `state` is a string, not an enum: hosts report more states than the app acts on (`*Critical` variants),
// and the app adds `Deleting` while a delete job runs (vm-state.ts holds the rules).
import { z } from 'zod';
import { appErrorSchema } from './errors';
import {
  byteCountSchema,
  checkpointIdSchema,
  countSchema,
  hostIdSchema,
  hostNameTextSchema,
  jobIdSchema,
  messageSchema,
  pathSchema,
  shortTextSchema,
  timestampSchema,
  vmIdSchema,
  vmNameSchema,
} from './primitives';

export const VHD_TYPES = ['Fixed', 'Dynamic', 'Differencing'] as const;

export const vmDiskSchema = z.strictObject({
  /** Null for a pass-through (physical) disk, which has a disk number instead. */
  path: pathSchema.nullable(),
  diskNumber: z.int().min(0).nullable(),
  /** `SCSI 0:1`, `IDE 0:0` */
  controller: shortTextSchema,
  vhdType: z.enum(VHD_TYPES).nullable(),
  sizeBytes: byteCountSchema.nullable(),
  fileSizeBytes: byteCountSchema.nullable(),
  /** Parent disks, nearest first (the disk itself excluded). */
  chain: z.array(pathSchema),
});

export const vmDvdDriveSchema = z.strictObject({
  path: pathSchema.nullable(),
  controller: shortTextSchema,
});

export const vmCheckpointSchema = z.strictObject({
  id: checkpointIdSchema,
  name: hostNameTextSchema,
  parentId: checkpointIdSchema.nullable(),
  createdAt: timestampSchema.nullable(),
});

/** Set after a delete failed or was interrupted and the VM is still there (C8): the UI offers Retry. */
export const deleteFailedSchema = z.strictObject({
  jobId: jobIdSchema,
  message: messageSchema,
});

export const vmInfoSchema = z.strictObject({
  hostId: hostIdSchema,
  id: vmIdSchema,
  name: vmNameSchema,
  state: shortTextSchema.min(1),
  /** Hyper-V's status text ("Operating normally", "Merging disks"). */
  status: z.string().max(1024),
  isClustered: z.boolean(),
  clusterName: hostNameTextSchema.nullable(),
  cpuCount: countSchema,
  /** Percent, 0-100. */
  cpuUsage: z.number().min(0).max(100),
  memoryStartupBytes: byteCountSchema,
  memoryAssignedBytes: byteCountSchema,
  uptimeSeconds: countSchema,
  generation: z.union([z.literal(1), z.literal(2)]),
  /** The configuration folder. */
  path: pathSchema.nullable(),
  disks: z.array(vmDiskSchema),
  dvdDrives: z.array(vmDvdDriveSchema),
  checkpointCount: countSchema,
  checkpoints: z.array(vmCheckpointSchema),
  /** From the persisted cache, not yet confirmed by a refresh. */
  stale: z.boolean(),
  /** The delete or lifecycle job in flight for this VM, if any. */
  activeJobId: jobIdSchema.nullable(),
  deleteFailed: deleteFailedSchema.nullable(),
});
export type VmInfo = z.output<typeof vmInfoSchema>;
export type VmDisk = z.output<typeof vmDiskSchema>;
export type VmDvdDrive = z.output<typeof vmDvdDriveSchema>;
export type VmCheckpoint = z.output<typeof vmCheckpointSchema>;

/** Facts about the host itself, from the inventory script. */
export const hostFactsSchema = z.strictObject({
  computerName: hostNameTextSchema,
  osCaption: z.string().max(1024).nullable(),
  osVersion: shortTextSchema.nullable(),
  psEdition: shortTextSchema,
  psVersion: shortTextSchema,
  hyperVModulePresent: z.boolean(),
  hyperVModuleVersion: shortTextSchema.nullable(),
  logicalProcessorCount: countSchema.nullable(),
  memoryCapacityBytes: byteCountSchema.nullable(),
  clusterName: hostNameTextSchema.nullable(),
  virtualMachinePath: pathSchema.nullable(),
  virtualHardDiskPath: pathSchema.nullable(),
  csvRoots: z.array(pathSchema),
});
export type HostFacts = z.output<typeof hostFactsSchema>;

/** Everything known about one host's VMs at one moment. */
export const inventorySnapshotSchema = z.strictObject({
  hostId: hostIdSchema,
  /** When the host produced this data (null: never read yet). */
  collectedAt: timestampSchema.nullable(),
  /** Shown from the persisted cache, not yet refreshed in this session (C2). */
  stale: z.boolean(),
  /** A refresh is running now. */
  refreshing: z.boolean(),
  /** Why the last refresh failed; the VMs shown are the previous ones. */
  error: appErrorSchema.nullable(),
  host: hostFactsSchema.nullable(),
  vms: z.array(vmInfoSchema),
});
export type InventorySnapshot = z.output<typeof inventorySnapshotSchema>;
