// Settings the administrator can change: history retention (C12), inventory refresh interval (C2) and the
// timeout of each kind of job (C5).
import { z } from 'zod';

const seconds = (min: number, max: number) => z.int().min(min).max(max);

export const jobTimeoutsSchema = z.strictObject({
  /** A delete waits for checkpoint merges and locked files: long jobs get 15 minutes by default (C5). */
  deleteVmSeconds: seconds(60, 86_400),
  vmLifecycleSeconds: seconds(30, 86_400),
  /** Plan-only runs behind the delete dialog. */
  planSeconds: seconds(10, 3600),
  inventorySeconds: seconds(10, 3600),
});

export const settingsSchema = z.strictObject({
  /** Finished jobs and their output older than this are removed. */
  historyRetentionDays: z.int().min(1).max(3650),
  /** Interval between inventory refreshes of one host (staggered across hosts). */
  inventoryRefreshSeconds: seconds(30, 86_400),
  jobTimeouts: jobTimeoutsSchema,
  /** A native notification when a job ends (C10). */
  notifyOnJobEnd: z.boolean(),
});
export type Settings = z.output<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  historyRetentionDays: 90,
  inventoryRefreshSeconds: 300,
  jobTimeouts: { deleteVmSeconds: 900, vmLifecycleSeconds: 300, planSeconds: 120, inventorySeconds: 120 },
  notifyOnJobEnd: true,
};

/** settings.update: only the fields to change; timeouts may be changed one at a time. */
export const settingsPatchSchema = z.strictObject({
  historyRetentionDays: settingsSchema.shape.historyRetentionDays.optional(),
  inventoryRefreshSeconds: settingsSchema.shape.inventoryRefreshSeconds.optional(),
  jobTimeouts: jobTimeoutsSchema.partial().optional(),
  notifyOnJobEnd: z.boolean().optional(),
});
export type SettingsPatch = z.input<typeof settingsPatchSchema>;
