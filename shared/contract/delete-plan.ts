// The delete plan (S2) and the delete result, as the UI uses them: the agent's `plan` and `result` events
// (snake_case, powershell/README.md) converted to camelCase by agent/convert.ts. The confirmation dialog shows
// the plan; the job view shows the result.
import { z } from 'zod';
import {
  byteCountSchema,
  checkpointIdSchema,
  hostNameTextSchema,
  messageSchema,
  PATH_MAX,
  pathSchema,
  shortTextSchema,
  vmIdSchema,
  vmNameSchema,
} from './primitives';

export const PLAN_FILE_KINDS = ['disk', 'checkpoint_disk', 'iso', 'provisioning_iso', 'config'] as const;
/** Why a file the VM uses stays (S3, S4). */
export const FILE_KEEP_REASONS = ['shared', 'parent', 'outside_vm_folders', 'named_for_other_vm'] as const;
/** Why a folder stays (S5). */
export const FOLDER_KEEP_REASONS = ['not_empty', 'protected_root', 'other_vm'] as const;
export const DRIVE_KINDS = ['disk', 'passthrough', 'dvd'] as const;
export const POWER_ACTIONS = ['none', 'turn_off'] as const;

export const planFileSchema = z.strictObject({
  path: pathSchema,
  kind: z.enum(PLAN_FILE_KINDS),
  sizeBytes: byteCountSchema.nullable(),
});

export const keptFileSchema = z.strictObject({
  path: pathSchema,
  kind: z.enum(PLAN_FILE_KINDS),
  reason: z.enum(FILE_KEEP_REASONS),
  /** "used by web02", "parent of this VM's disks (a template or base image)" */
  detail: messageSchema.nullable(),
});

export const keptFolderSchema = z.strictObject({
  path: pathSchema,
  reason: z.enum(FOLDER_KEEP_REASONS),
  /** Names of what the folder still holds. */
  holds: z.array(z.string().max(1024)),
  detail: messageSchema.nullable(),
});

export const driveToDetachSchema = z.strictObject({
  kind: z.enum(DRIVE_KINDS),
  controller: shortTextSchema,
  path: pathSchema.nullable(),
  diskNumber: z.int().min(0).nullable(),
});

export const deletePlanSchema = z.strictObject({
  vm: z.strictObject({
    id: vmIdSchema,
    name: vmNameSchema,
    state: shortTextSchema,
    status: z.string().max(1024).nullable(),
    path: pathSchema.nullable(),
    /** False on a re-run after the VM was already unregistered (S9). */
    present: z.boolean(),
  }),
  clusterRole: z.strictObject({ name: hostNameTextSchema, state: shortTextSchema }).nullable(),
  powerAction: z.enum(POWER_ACTIONS),
  requiresForce: z.boolean(),
  checkpoints: z.array(z.strictObject({ id: checkpointIdSchema, name: hostNameTextSchema })),
  filesToDelete: z.array(planFileSchema),
  filesToKeep: z.array(keptFileSchema),
  drivesToDetach: z.array(driveToDetachSchema),
  foldersToPrune: z.array(pathSchema),
  foldersToKeep: z.array(keptFolderSchema),
  protectedRoots: z.array(pathSchema),
  ownFolders: z.array(pathSchema),
  mergeFiles: z.array(pathSchema),
});
export type DeletePlan = z.output<typeof deletePlanSchema>;
export type PlanFile = z.output<typeof planFileSchema>;
export type KeptFile = z.output<typeof keptFileSchema>;
export type KeptFolder = z.output<typeof keptFolderSchema>;

/** The host's own account of a failure: its code (`file_locked`), the step and the object it concerns. */
export const hostErrorSchema = z.strictObject({
  code: shortTextSchema,
  message: messageSchema,
  step: shortTextSchema.nullable(),
  object: z.string().max(PATH_MAX).nullable(),
});
export type HostError = z.output<typeof hostErrorSchema>;

export const deleteResultSchema = z.strictObject({
  status: z.enum(['succeeded', 'failed']),
  mode: z.enum(['plan', 'execute']).nullable(),
  error: hostErrorSchema.nullable(),
  filesDeleted: z.array(pathSchema),
  filesKept: z.array(keptFileSchema),
  foldersRemoved: z.array(pathSchema),
  foldersKept: z.array(keptFolderSchema),
});
export type DeleteResult = z.output<typeof deleteResultSchema>;

export const LIFECYCLE_ACTIONS = ['start', 'shutdown', 'turnoff', 'save'] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export const lifecycleResultSchema = z.strictObject({
  status: z.enum(['succeeded', 'failed']),
  error: hostErrorSchema.nullable(),
  vm: z.strictObject({ id: vmIdSchema, name: vmNameSchema, state: shortTextSchema }).nullable(),
});
export type LifecycleResult = z.output<typeof lifecycleResultSchema>;
