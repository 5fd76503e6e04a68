// The agent's events exactly as the host writes them (snake_case, powershell/README.md "Output"). These
// schemas read host output, so they are tolerant where PowerShell is loose and strict where safety needs it:
// unknown extra fields are dropped (a newer bundle may add some), and arrays are read through hostArray()
// because Windows PowerShell 5.1's ConvertTo-Json can write a one-item array as the bare item, an empty one
// as null, or an array as {"value": [...], "Count": n}. The camelCase DTOs they become are in ../delete-plan.ts
// and ../inventory.ts; convert.ts maps one to the other.
import { z } from 'zod';

/** An array as any PowerShell version may serialise it: an array, null, one bare item, or {value, Count}. */
export function hostArray<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => {
    if (value === null || value === undefined) return [];
    if (Array.isArray(value)) return value;
    if (typeof value === 'object' && 'value' in value && Array.isArray(value.value)) return value.value;
    return [value];
  }, z.array(item));
}

const text = z.string();
const optionalText = z.string().nullish();
const optionalCount = z.number().nullish();

export const rawPlanFileSchema = z.object({ path: text, kind: text, size_bytes: optionalCount });
export const rawKeptFileSchema = z.object({ path: text, kind: text, reason: text, detail: optionalText });
export const rawKeptFolderSchema = z.object({
  path: text,
  reason: text,
  holds: hostArray(text),
  detail: optionalText,
});

export const rawPlanSchema = z.object({
  vm: z.object({
    id: text,
    name: text,
    state: text,
    status: optionalText,
    path: optionalText,
    present: z.boolean().nullish(),
  }),
  cluster_role: z.object({ name: text, state: text }).nullable(),
  power_action: text,
  requires_force: z.boolean().nullish(),
  checkpoints: hostArray(z.object({ id: text, name: text })),
  files_to_delete: hostArray(rawPlanFileSchema),
  files_to_keep: hostArray(rawKeptFileSchema),
  drives_to_detach: hostArray(
    z.object({ kind: text, controller: text, path: optionalText, disk_number: optionalCount }),
  ),
  folders_to_prune: hostArray(text),
  folders_to_keep: hostArray(rawKeptFolderSchema),
  protected_roots: hostArray(text),
  own_folders: hostArray(text),
  merge_files: hostArray(text),
});
export type RawPlan = z.output<typeof rawPlanSchema>;

export const rawHostErrorSchema = z.object({
  code: text,
  message: text,
  step: optionalText,
  object: optionalText,
});

const rawResultBase = {
  status: z.enum(['succeeded', 'failed']),
  error: rawHostErrorSchema.nullable(),
};

export const rawDeleteResultSchema = z.object({
  ...rawResultBase,
  mode: optionalText,
  files_deleted: hostArray(text),
  files_kept: hostArray(rawKeptFileSchema),
  folders_removed: hostArray(text),
  folders_kept: hostArray(rawKeptFolderSchema),
});
export type RawDeleteResult = z.output<typeof rawDeleteResultSchema>;

export const rawLifecycleResultSchema = z.object({
  ...rawResultBase,
  vm: z.object({ id: text, name: text, state: text }).nullish(),
});
export type RawLifecycleResult = z.output<typeof rawLifecycleResultSchema>;

export const rawInventoryVmSchema = z.object({
  id: text,
  name: text,
  state: text,
  status: optionalText,
  is_clustered: z.boolean().nullish(),
  generation: optionalCount,
  cpu_count: optionalCount,
  cpu_usage_percent: optionalCount,
  memory_startup_bytes: optionalCount,
  memory_assigned_bytes: optionalCount,
  uptime_seconds: optionalCount,
  path: optionalText,
  disks: hostArray(
    z.object({
      path: optionalText,
      controller: text,
      disk_number: optionalCount,
      vhd_type: optionalText,
      size_bytes: optionalCount,
      file_size_bytes: optionalCount,
      parent_chain: hostArray(text),
    }),
  ),
  dvd_drives: hostArray(z.object({ controller: text, path: optionalText })),
  checkpoints: hostArray(z.object({ id: text, name: text, parent_id: optionalText, created: optionalText })),
});
export type RawInventoryVm = z.output<typeof rawInventoryVmSchema>;

export const rawInventorySchema = z.object({
  host: z.object({
    computer_name: text,
    os_caption: optionalText,
    os_version: optionalText,
    powershell_edition: text,
    powershell_version: text,
    hyperv_module_present: z.boolean(),
    hyperv_module_version: optionalText,
    logical_processor_count: optionalCount,
    memory_capacity_bytes: optionalCount,
  }),
  cluster_name: optionalText,
  virtual_machine_path: optionalText,
  virtual_hard_disk_path: optionalText,
  csv_roots: hostArray(text),
  vms: hostArray(rawInventoryVmSchema),
});
export type RawInventory = z.output<typeof rawInventorySchema>;

export const rawInventoryResultSchema = z.object({ ...rawResultBase, inventory: rawInventorySchema.nullable() });
export type RawInventoryResult = z.output<typeof rawInventoryResultSchema>;

/** Every event: `type` and `job_id` first (job_id is null only when the payload was unreadable). */
export const rawEventHeadSchema = z.object({
  type: z.enum(['plan', 'step', 'warning', 'result']),
  job_id: z.string().nullable(),
});

export const rawStepSchema = z.object({
  id: text,
  name: text,
  status: z.enum(['started', 'succeeded', 'skipped', 'failed']),
  detail: optionalText,
});

export const rawWarningSchema = z.object({ message: text, path: optionalText });
